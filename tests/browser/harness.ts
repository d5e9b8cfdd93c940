// What every browser test needs: Chromium (chosen and launched once in global-setup.ts) driven by
// playwright-core, and the site (built once a run, shared-site.ts) served beside a fresh emulator
// on a free port.
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { startEmulator, type EmulatorServerOptions } from '../../src/emulator/index.js';
import { withSite } from '../../scripts/site/index.js';
import { sharedSite } from './shared-site.js';

/** Screenshots go here for a person to look at (saveScreenshot); the directory is git-ignored. */
export const screenshotDir = new URL('../../test-results/', import.meta.url);

/**
 * Connects to the Chromium launched once for the run (global-setup.ts). Closing what this returns
 * closes the contexts it opened and disconnects; the browser stays up for the other files. Fails
 * loudly rather than skipping: a missing browser must not look like a passing suite.
 */
export async function connectChromium(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  if (typeof endpoint !== 'string') throw new Error(`No Chromium for the browser tests: ${endpoint.error}`);
  return chromium.connect(endpoint);
}

export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the site (built once a run) beside an emulator whose assets are Active at once, or after
 * `processing.processingDelayMs` of its `processing.clock`.
 */
export async function startSiteServer(processing: Pick<EmulatorServerOptions, 'processingDelayMs' | 'clock'> = {}): Promise<SiteServer> {
  const siteDir = await sharedSite();
  const server = await startEmulator({ port: 0, processingDelayMs: 0, ...processing, rateLimits: false, handler: (emulator) => withSite(emulator.answer, siteDir) });
  return { url: server.url, close: () => server.close() };
}

/**
 * Starts the site and connects to the browser once for a test file, and stops both after it.
 * Each test gets them from the returned function, which rethrows a setup failure, so a missing
 * Chromium fails every test with its message instead of leaving them skipped.
 */
export function useSiteAndBrowser(): () => { site: SiteServer; browser: Browser } {
  let site: SiteServer | undefined;
  let browser: Browser | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      site = await startSiteServer();
      browser = await connectChromium();
    } catch (error) {
      failure = error;
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return () => {
    if (failure !== undefined) throw failure;
    if (!site || !browser) throw new Error('the site or the browser did not start');
    return { site, browser };
  };
}

export interface RequestLog {
  /** Every URL the page asked for, including those refused. */
  urls: string[];
  /** The URLs on another host than `origin`. */
  foreign(): string[];
}

/**
 * Records every request of the context and refuses those to any other host (but the origins
 * `alsoAllowed`), so a page that would reach the network cannot also pass by getting an answer.
 */
export async function recordRequests(context: BrowserContext, origin: string, alsoAllowed: readonly string[] = []): Promise<RequestLog> {
  const urls: string[] = [];
  const isLocal = (url: string) => [origin, ...alsoAllowed].some((allowed) => url.startsWith(`${allowed}/`) || url === allowed) || /^(data|blob|about):/.test(url);
  context.on('request', (request) => urls.push(request.url()));
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  return { urls, foreign: () => urls.filter((url) => !isLocal(url)) };
}

/** Collects Content-Security-Policy violations: a blocked load is still an attempt to load. */
export async function recordPolicyViolations(context: BrowserContext): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const pages = () => context.pages();
  return async () => (await Promise.all(pages().map((page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)))).flat();
}

/**
 * Saves a screenshot of `target` to test-results/<name> for a person to look at, when
 * PORTRAIT_SCREENSHOTS=1 or in `npm run test:long`: each costs Chromium up to seconds of CPU, and
 * none is checked.
 */
export async function saveScreenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.PORTRAIT_SCREENSHOTS !== '1' && process.env.PORTRAIT_LONG_TESTS !== '1') return;
  await mkdir(screenshotDir, { recursive: true });
  await target.screenshot({ path: new URL(name, screenshotDir).pathname, ...options });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  requests: RequestLog;
  /** The Content-Security-Policy violations so far. */
  violations: () => Promise<string[]>;
}

export interface OpenWatchedPage extends WatchedPage {
  close(): Promise<void>;
}

/**
 * Opens a fresh page in a context of its own, watched for requests to any host but `origin` (and
 * `alsoAllowed`) and for policy violations; `close` closes the context.
 */
export async function openWatchedPage(
  browser: Browser,
  origin: string,
  options: { viewport?: { width: number; height: number }; alsoAllowed?: readonly string[] },
): Promise<OpenWatchedPage> {
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  try {
    const requests = await recordRequests(context, origin, options.alsoAllowed);
    const violations = await recordPolicyViolations(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return { context, page, requests, violations, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Runs `use` with a fresh watched page (openWatchedPage), and closes it after, whatever happens. */
export async function inWatchedPage(
  browser: Browser,
  origin: string,
  options: { viewport?: { width: number; height: number }; alsoAllowed?: readonly string[] },
  use: (watched: WatchedPage) => Promise<void>,
): Promise<void> {
  const watched = await openWatchedPage(browser, origin, options);
  try {
    await use(watched);
  } finally {
    await watched.close();
  }
}
