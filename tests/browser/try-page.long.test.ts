// The try-it page's long form (npm run test:long): what try-page.test.ts checks in one page load,
// here each from a fresh load: each of the 12 Actions, sent from its "Try it out" form with the
// demo key, goes out exactly as the document writes it and succeeds, with the ids of earlier
// replies typed into later bodies, as a person would, and the page reaches no other host; a deep
// link followed on load; the key kept across a reload; nothing wider than a phone from the start.
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { actionNames, actions, apiVersion, type Action } from '../../src/protocol/index.js';
import { firstRequestExample } from '../support/examples.js';
import { inWatchedPage, saveScreenshot, useSiteAndBrowser } from './harness.js';
import { deepLink, openTryPage, operationBlock, topIsOnScreen } from './try-page.js';

const ready = useSiteAndBrowser();

/** What each call's reply gave to the calls after it. */
interface Carried {
  group: string;
  asset: string;
  token: string;
}

// Every Action once, in an order in which each finds what it needs; a body is the Action's first
// example with the ids of this run in place of the example's.
const steps: [Action, (carried: Carried, origin: string) => Record<string, unknown>][] = [
  ['CreateAssetGroup', () => ({})],
  ['GetAssetGroup', ({ group }) => ({ Id: group })],
  ['ListAssetGroups', () => ({})],
  ['UpdateAssetGroup', ({ group }) => ({ Id: group })],
  ['CreateAsset', ({ group }) => ({ GroupId: group })],
  ['GetAsset', ({ asset }) => ({ Id: asset })],
  ['ListAssets', ({ group }) => ({ Filter: { GroupIds: [group] } })],
  ['UpdateAsset', ({ asset }) => ({ Id: asset })],
  ['DeleteAsset', ({ asset }) => ({ Id: asset })],
  // The H5 page's "Pass" sends the browser to the CallbackURL: this origin, so nothing leaves the machine.
  ['CreateVisualValidateSession', (_, origin) => ({ CallbackURL: `${origin}/after-liveness` })],
  ['GetVisualValidateResult', ({ token }) => ({ BytedToken: token })],
  ['DeleteAssetGroup', ({ group }) => ({ Id: group })],
];

describe('the try-it page (/try), each check from a fresh load', () => {
  it('opens and scrolls to the operation a deep link names, on load and when the hash changes on the open page', async () => {
    const { site, browser } = ready();
    await inWatchedPage(browser, site.url, { viewport: { width: 1280, height: 800 } }, async ({ page }) => {
      expect(deepLink('GetAsset')).toBe('#/Assets/GetAsset');
      await openTryPage(page, `${site.url}/try${deepLink('GetAsset')}`);
      await expect.poll(() => operationBlock(page, 'GetAsset').getAttribute('class')).toContain('is-open');
      await expect.poll(() => topIsOnScreen(page, 'GetAsset')).toBe(true);

      // A link followed within the page, or a hash typed into the address bar: no new load.
      await page.evaluate((hash) => {
        location.hash = hash;
      }, deepLink('GetVisualValidateResult'));
      await expect.poll(() => operationBlock(page, 'GetVisualValidateResult').getAttribute('class')).toContain('is-open');
      await expect.poll(() => topIsOnScreen(page, 'GetVisualValidateResult')).toBe(true);
      expect(await topIsOnScreen(page, 'GetAsset')).toBe(false);
    });
  }, 60_000);

  it('keeps the key given in Authorize across a reload, and sends it, in place of the demo key', async () => {
    const { site, browser } = ready();
    await inWatchedPage(browser, site.url, { viewport: { width: 1280, height: 900 } }, async ({ page }) => {
      await openTryPage(page, `${site.url}/try`);
      // The second demo customer's key: the call succeeds, and it is not the key the page sets by itself.
      const ownKey = 'demo-key-2';
      await page.locator('.auth-wrapper .btn.authorize').click();
      const dialog = page.locator('.dialog-ux .modal-ux');
      // Swagger UI's buttons say Logout and Authorize, and are labelled otherwise for assistive technology.
      const button = (text: string) => dialog.locator('button.modal-btn', { hasText: new RegExp(`^${text}$`) });
      await button('Logout').click();
      await dialog.locator('input').fill(ownKey);
      await button('Authorize').click();
      await button('Close').click();

      await page.reload();
      await page.locator('body[data-ready="true"]').waitFor();
      await page.locator('.auth-wrapper .btn.authorize').click();
      // Authorized: the dialog offers Logout, and no field to type a key in.
      await expect.poll(() => button('Logout').count()).toBe(1);
      expect(await dialog.locator('input').count()).toBe(0);
      await button('Close').click();

      const block = operationBlock(page, 'ListAssetGroups');
      await block.locator('.opblock-summary-control').click();
      const [sent] = await Promise.all([
        page.waitForRequest((request: Request) => request.method() === 'POST' && request.url().includes('Action=ListAssetGroups&')),
        block.locator('button.btn.execute').click(),
      ]);
      expect(sent.headers().authorization).toBe(`Bearer ${ownKey}`);
      await expect.poll(() => block.locator('.live-responses-table tbody .response-col_status').first().innerText()).toBe('200');
    });
  }, 60_000);

  it('fits a 390 px wide phone: the page never scrolls sideways, with operations, their replies and their error tables open', async () => {
    const { site, browser } = ready();
    await inWatchedPage(browser, site.url, { viewport: { width: 390, height: 844 } }, async ({ page }) => {
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await openTryPage(page, `${site.url}/try`);
      expect(await overflow()).toBeLessThanOrEqual(0);
      for (const action of ['CreateAssetGroup', 'ListAssets'] as const) {
        const block = operationBlock(page, action);
        await block.locator('.opblock-summary-control').click();
        // The responses table lists the error replies with their codes and examples.
        await expect.poll(() => block.locator('table.responses-table').count()).toBeGreaterThan(0);
        expect(await overflow(), `${action} open`).toBeLessThanOrEqual(0);
        await block.locator('button.btn.execute').click();
        await block.locator('.live-responses-table').waitFor();
        expect(await overflow(), `${action} sent`).toBeLessThanOrEqual(0);
      }
      await saveScreenshot(page, 'try-390.png', { fullPage: true });
    });
  }, 60_000);

  it('sends all 12 Actions from their forms as the document writes them, with the Bearer key, and each succeeds', async () => {
    const { site, browser } = ready();
    await inWatchedPage(browser, site.url, { viewport: { width: 1280, height: 900 } }, async ({ context, page, requests, violations }) => {
      await page.goto(`${site.url}/try`);
      await page.locator('body[data-ready="true"]').waitFor();
      await saveScreenshot(page, 'try.png');

      // The Action names label the operations, and the server tried first is the one serving the page.
      await expect.poll(() => page.locator('.opblock-summary-operation-id').allInnerTexts()).toEqual(expect.arrayContaining([...actionNames]));
      await expect.poll(async () => (await page.locator('.servers select option').allInnerTexts())[0]).toContain(site.url);
      expect(steps.map(([action]) => action).sort()).toEqual([...actionNames].sort());

      const carried: Carried = { group: '', asset: '', token: '' };
      for (const [action, ids] of steps) {
        const block = operationBlock(page, action);
        await block.locator('.opblock-summary-control').click();
        const body = { ...firstRequestExample(action), ...ids(carried, site.url) };
        await block.locator('textarea.body-param__text').fill(JSON.stringify(body, null, 2));
        const [sent] = await Promise.all([
          page.waitForRequest((request: Request) => request.method() === 'POST' && request.url().includes(`Action=${action}&`)),
          block.locator('button.btn.execute').click(),
        ]);
        expect(sent.url(), action).toBe(`${site.url}${actions[action].path}`);
        expect(sent.headers().authorization, action).toBe('Bearer demo-key');
        expect(JSON.parse(sent.postData() ?? ''), action).toEqual(body);
        const reply = (await (await sent.response())?.json()) as { ResponseMetadata: { RequestId: string; Action: string; Version: string; Error?: unknown }; Result?: Record<string, string> };
        expect(reply.ResponseMetadata, action).toMatchObject({ Action: action, Version: apiVersion });
        expect(reply.ResponseMetadata.Error, `${action}: ${JSON.stringify(reply.ResponseMetadata.Error)}`).toBeUndefined();
        // The page shows the reply: its status and the body with its request id.
        await expect.poll(() => block.locator('.live-responses-table tbody .response-col_status').first().innerText(), { message: action }).toBe('200');
        await expect.poll(() => block.locator('.live-responses-table tbody .response-col_description').first().innerText(), { message: action }).toContain(reply.ResponseMetadata.RequestId);

        const result = reply.Result ?? {};
        if (action === 'CreateAssetGroup') carried.group = result.Id ?? '';
        if (action === 'CreateAsset') carried.asset = result.Id ?? '';
        if (action === 'CreateVisualValidateSession') {
          carried.token = result.BytedToken ?? '';
          const phone = await context.newPage();
          await phone.goto(result.H5Link ?? '');
          // Pass, in Chinese: the H5 page's default language, as the upstream's.
          await phone.getByRole('button', { name: '通过检测', exact: true }).click();
          await phone.waitForURL(`${site.url}/after-liveness?**`);
          await phone.close();
        }
        if (action === 'GetVisualValidateResult') {
          expect(result.GroupId).toMatch(/^group-/);
          await saveScreenshot(block, 'try-reply.png');
        }
        await block.locator('.opblock-summary-control').click();
      }

      expect(requests.foreign()).toEqual([]);
      expect(await violations()).toEqual([]);
    });
  }, 120_000);
});
