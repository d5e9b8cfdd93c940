// Chooses the browser once, before the test files start in parallel: the registry Chromium is
// unpacked on first use, and two files unpacking it at once would race. Builds the site once too,
// for every page test to serve (each file built its own: about 3 CPU s a build, four builds a run).
// A failure is handed to the browser tests to report, so it fails them by name without stopping
// the rest of the suite.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/site/index.js';
import { chooseChromium, type ChromiumChoice } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumChoice | { error: string };
    /** The directory the site was built into, read by every page test and written by none. */
    site: { dir: string } | { error: string };
  }
}

const messageOf = (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) });

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const siteDir = await mkdtemp(join(tmpdir(), 'portrait-site-'));
  const [chromium, site] = await Promise.all([
    chooseChromium().catch(messageOf),
    buildSite({ siteDir }).then(() => ({ dir: siteDir }), messageOf),
  ]);
  project.provide('chromium', chromium);
  project.provide('site', site);
  if (!('error' in chromium)) console.log(`Browser tests: ${chromium.version}, ${chromium.source} (${chromium.executablePath})`);
  return () => rm(siteDir, { recursive: true, force: true });
}
