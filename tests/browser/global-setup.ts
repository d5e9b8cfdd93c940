// Chooses the browser once, before the test files start in parallel: the registry Chromium is
// unpacked on first use, and two files unpacking it at once would race. A failure is handed to the
// browser tests to report, so it fails them by name without stopping the rest of the suite. Makes
// the directory the site is built in once, on first use (shared-site.ts), and removes it after.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chooseChromium, type ChromiumChoice } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumChoice | { error: string };
    siteWorkDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = await chooseChromium().catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
  project.provide('chromium', chromium);
  if (!('error' in chromium)) console.log(`Browser tests: ${chromium.version}, ${chromium.source} (${chromium.executablePath})`);
  const siteWorkDir = await mkdtemp(join(tmpdir(), 'portrait-site-'));
  project.provide('siteWorkDir', siteWorkDir);
  return () => rm(siteWorkDir, { recursive: true, force: true });
}
