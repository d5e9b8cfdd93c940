// The site the page tests serve, built once a run, on first use: the first worker to ask takes a
// lock directory and builds; the others wait for its marker. Built in the global setup instead,
// it cost every vitest run its 3 CPU s, browser tests or none.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { buildSite } from '../../scripts/site/index.js';

/** A build takes seconds; on a loaded machine, a minute is long past any build that will finish. */
const waitLimitMs = 180_000;

let built: Promise<string> | undefined;

/** The directory the site is built in: read by every page test, written by none. */
export function sharedSite(): Promise<string> {
  built ??= buildOrWait(inject('siteWorkDir'));
  return built;
}

async function buildOrWait(workDir: string): Promise<string> {
  const siteDir = join(workDir, 'site');
  const outcome = join(workDir, 'outcome.txt');
  if (await tookLock(join(workDir, 'lock'))) {
    try {
      await buildSite({ siteDir });
      await writeFile(outcome, 'built');
    } catch (error) {
      await writeFile(outcome, `failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (let waited = 0; waited < waitLimitMs; waited += 100) {
    const text = await readFile(outcome, 'utf8').catch(() => undefined);
    if (text === 'built') return siteDir;
    if (text !== undefined) throw new Error(`The site did not build for the browser tests: ${text}`);
    await sleep(100);
  }
  throw new Error(`The site was not built within ${waitLimitMs / 1000} s`);
}

async function tookLock(lockDir: string): Promise<boolean> {
  try {
    await mkdir(lockDir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
