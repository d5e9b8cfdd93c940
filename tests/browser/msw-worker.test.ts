// The emulator in Chromium behind MSW's service worker, as a web app's tests run it: a page from a
// local server registers mockServiceWorker.js (copied from the msw package, never fetched), runs
// the emulator, the MSW handlers and the typed client bundled for the browser by esbuild (the
// emulator's browser entry, with no Node in it), and calls the API on another origin.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { inWatchedPage, connectChromium } from './harness.js';

const page = '<!doctype html><meta charset="utf-8"><title>MSW and the emulator</title><pre id="result"></pre><script type="module" src="/app.js"></script>';

/** The files of the page: its HTML, the app bundled for the browser, and MSW's worker script from node_modules. */
async function pageFiles(): Promise<Map<string, { type: string; body: string }>> {
  const bundled = await build({ entryPoints: [join(projectRoot, 'tests/browser/msw-app.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
  const mswPackage = createRequire(import.meta.url).resolve('msw/package.json');
  const worker = await readFile(join(dirname(mswPackage), 'lib/mockServiceWorker.js'), 'utf8');
  return new Map([
    ['/', { type: 'text/html; charset=utf-8', body: page }],
    ['/app.js', { type: 'text/javascript', body: bundled.outputFiles[0]?.text ?? '' }],
    ['/mockServiceWorker.js', { type: 'text/javascript', body: worker }],
    ['/passed-on', { type: 'text/plain', body: 'answered by the page server' }],
  ]);
}

function serve(files: Map<string, { type: string; body: string }>): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    response.writeHead(file ? 200 : 404, { 'Content-Type': file?.type ?? 'text/plain', 'Cache-Control': 'no-store' });
    response.end(file?.body ?? 'not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

let browser: Browser | undefined;
let site: { server: Server; url: string } | undefined;
beforeAll(async () => {
  [browser, site] = await Promise.all([connectChromium(), pageFiles().then(serve)]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (site ? site.server.close(resolve) : resolve(undefined)));
});

it('answers the typed client from the emulator through MSW’s service worker, and reaches no other host', async () => {
  if (!browser || !site) throw new Error('the browser or the page server did not start');
  const origin = site.url;
  await inWatchedPage(browser, origin, {}, async ({ context, page, requests }) => {
    // Playwright reports the page's requests the worker answers too; only the others left the page.
    const answeredByWorker: string[] = [];
    context.on('response', (response) => void (response.fromServiceWorker() && answeredByWorker.push(response.url())));
    await page.goto(`${origin}/`);
    await expect.poll(() => page.locator('#result').textContent()).not.toBe('');
    expect(JSON.parse((await page.locator('#result').textContent()) ?? '')).toEqual({
      controlled: true,
      asset: { Id: true, Status: 'Active', mediaPath: expect.stringMatching(/^\/media\/asset-/), mediaOrigin: 'https://portrait.test' },
      listed: { TotalCount: 1, Ids: [true] },
      error: { code: 'NotFound', status: 404, action: 'GetAsset' },
      passedOn: 'answered by the page server',
    });
    expect(answeredByWorker.filter((url) => url.startsWith('https://portrait.test/v1/portrait/?Action='))).toHaveLength(5);
    expect(requests.foreign().filter((url) => !answeredByWorker.includes(url))).toEqual([]);
  });
}, 60_000);
