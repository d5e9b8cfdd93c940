// The try-it page (Swagger UI) in a real browser against the emulator on the same origin, all in
// one page load (each load costs seconds of Chromium): the first operation on the first screen, no
// webhook to send, deep links followed within the page, an Action sent from its "Try it out" form
// exactly as the document writes it, nothing wider than a phone, and no other host reached. The
// long form (try-page.long.test.ts, npm run test:long) sends all 12 Actions and checks each of
// these from a fresh load.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionNames, actions, apiVersion, portraitDocument } from '../../src/protocol/index.js';
import { firstRequestExample } from '../support/examples.js';
import { openWatchedPage, useSiteAndBrowser, type OpenWatchedPage } from './harness.js';
import { deepLink, openTryPage, operationBlock, topIsOnScreen, webhookOperationIds } from './try-page.js';

const ready = useSiteAndBrowser();
let watched: OpenWatchedPage | undefined;

beforeAll(async () => {
  const { site, browser } = ready();
  watched = await openWatchedPage(browser, site.url, { viewport: { width: 1280, height: 800 } });
  await openTryPage(watched.page, `${site.url}/try`);
}, 60_000);
afterAll(() => watched?.close());

function page() {
  if (!watched) throw new Error('the try-it page did not open');
  return watched.page;
}

describe('the try-it page (/try), in one load', () => {
  it('shows the first operation on the first screen, under a short intro that leaves the reference to /docs', async () => {
    const box = await page().locator('.opblock').first().boundingBox();
    expect(box?.y).toBeLessThan(800);
    // The document's own sections are the docs page's: none is repeated here, and the intro links there.
    const sections = [...(portraitDocument.info.description ?? '').matchAll(/^## (.+)$/gm)].map(([, title]) => title);
    expect(sections.length).toBeGreaterThan(0);
    const headings = await page().locator('.information-container').getByRole('heading').allInnerTexts();
    expect(headings.filter((heading) => sections.includes(heading.trim()))).toEqual([]);
    await expect.poll(() => page().locator('.information-container a[href="../docs/index.html"]').count()).toBeGreaterThan(0);
    // Each link to a part of the docs names a section the docs page has.
    const docsPage = await (await fetch(`${ready().site.url}/docs`)).text();
    const sectionLinks = await page()
      .locator('.information-container a[href^="../docs/index.html#"]')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).hash.slice(1)));
    expect(sectionLinks.length).toBeGreaterThan(0);
    for (const section of sectionLinks) expect(docsPage).toContain(`id="${section}"`);
    await expect.poll(() => page().locator('.information-container').innerText()).toContain('localStorage');
  });

  it('offers no webhook as a call to try: the request a CallbackURL receives is not one to send', async () => {
    expect(webhookOperationIds.length).toBeGreaterThan(0);
    await expect.poll(() => page().locator('.opblock-summary-operation-id').allInnerTexts()).toEqual(expect.arrayContaining([...actionNames]));
    for (const operationId of webhookOperationIds) expect(await operationBlock(page(), operationId).count(), operationId).toBe(0);
    expect(await page().locator('.webhooks').count()).toBe(0);
  });

  it('opens and scrolls to the operation a deep link names when the hash changes on the open page', async () => {
    expect(deepLink('GetAsset')).toBe('#/Assets/GetAsset');
    // A link followed within the page, or a hash typed into the address bar: no new load.
    for (const [action, before] of [['GetAsset', undefined], ['GetVisualValidateResult', 'GetAsset']] as const) {
      await page().evaluate((hash) => {
        location.hash = hash;
      }, deepLink(action));
      await expect.poll(() => operationBlock(page(), action).getAttribute('class')).toContain('is-open');
      await expect.poll(() => topIsOnScreen(page(), action)).toBe(true);
      if (before) expect(await topIsOnScreen(page(), before)).toBe(false);
    }
  });

  it('sends an Action from its form as the document writes it, with the Bearer key, and shows the reply', async () => {
    const { site } = ready();
    const action = 'CreateAssetGroup';
    await expect.poll(async () => (await page().locator('.servers select option').allInnerTexts())[0]).toContain(site.url);
    const block = operationBlock(page(), action);
    await block.locator('.opblock-summary-control').click();
    const body = firstRequestExample(action);
    await block.locator('textarea.body-param__text').fill(JSON.stringify(body, null, 2));
    const [sent] = await Promise.all([
      page().waitForRequest((request: Request) => request.method() === 'POST' && request.url().includes(`Action=${action}&`)),
      block.locator('button.btn.execute').click(),
    ]);
    expect(sent.url()).toBe(`${site.url}${actions[action].path}`);
    expect(sent.headers().authorization).toBe('Bearer demo-key');
    expect(JSON.parse(sent.postData() ?? '')).toEqual(body);
    const reply = (await (await sent.response())?.json()) as { ResponseMetadata: { RequestId: string; Action: string; Version: string; Error?: unknown } };
    expect(reply.ResponseMetadata).toMatchObject({ Action: action, Version: apiVersion });
    expect(reply.ResponseMetadata.Error).toBeUndefined();
    await expect.poll(() => block.locator('.live-responses-table tbody .response-col_status').first().innerText()).toBe('200');
    await expect.poll(() => block.locator('.live-responses-table tbody .response-col_description').first().innerText()).toContain(reply.ResponseMetadata.RequestId);
  });

  it('fits a 390 px wide phone: the page never scrolls sideways, with an operation, its reply and its error table open', async () => {
    const overflow = () => page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page().setViewportSize({ width: 390, height: 844 });
    await expect.poll(overflow).toBeLessThanOrEqual(0);
    const block = operationBlock(page(), 'ListAssets');
    await block.locator('.opblock-summary-control').click();
    await expect.poll(() => block.locator('table.responses-table').count()).toBeGreaterThan(0);
    await block.locator('button.btn.execute').click();
    await block.locator('.live-responses-table').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });

  it('reached no other host, and broke no Content-Security-Policy', async () => {
    expect(watched?.requests.urls.length).toBeGreaterThan(0);
    expect(watched?.requests.foreign()).toEqual([]);
    expect(await watched?.violations()).toEqual([]);
  });
});
