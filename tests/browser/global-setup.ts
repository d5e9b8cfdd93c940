// Chooses the browser once, before the test files start in parallel: the registry Chromium is
// unpacked on first use, and two files unpacking it at once would race. Then launches it once for
// the whole run, as a server every browser test file connects to: a launch costs Chromium about a
// CPU second and the file a second of waiting, and there were eight. A failure is handed to the
// browser tests to report, so it fails them by name without stopping the rest of the suite. Makes
// the directory the site is built in once, on first use (shared-site.ts), and removes it after.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium as playwright, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chooseChromium, chromiumArgs, type ChromiumChoice } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumChoice | { error: string };
    /** Where the browser launched for this run listens (BrowserServer.wsEndpoint), or why it did not start. */
    chromiumEndpoint: string | { error: string };
    siteWorkDir: string;
  }
}

const failure = (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) });

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = await chooseChromium().catch(failure);
  project.provide('chromium', chromium);
  let server: BrowserServer | undefined;
  if ('error' in chromium) {
    project.provide('chromiumEndpoint', chromium);
  } else {
    console.log(`Browser tests: ${chromium.version}, ${chromium.source} (${chromium.executablePath})`);
    try {
      server = await playwright.launchServer({ executablePath: chromium.executablePath, args: chromiumArgs });
      project.provide('chromiumEndpoint', server.wsEndpoint());
    } catch (error) {
      project.provide('chromiumEndpoint', failure(error));
    }
  }
  const siteWorkDir = await mkdtemp(join(tmpdir(), 'portrait-site-'));
  project.provide('siteWorkDir', siteWorkDir);
  return async () => {
    await server?.close();
    await rm(siteWorkDir, { recursive: true, force: true });
  };
}
