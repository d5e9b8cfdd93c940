// The explorer in a real browser against the emulator on the same origin: a call that succeeds
// shows its Result and request id, an error shows as the client's PortraitError.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createPortraitClient } from '../../src/client/index.js';
import { requestExamples, responseExample } from '../support/examples.js';
import { inWatchedPage, saveScreenshot, startSiteServer, useSiteAndBrowser, type SiteServer, type WatchedPage } from './harness.js';
import { actionUrl } from '../support/calls.js';

const createGroupExamples = Object.fromEntries(requestExamples('CreateAssetGroup'));

const ready = useSiteAndBrowser();

const explorerViewport = { width: 1100, height: 900 };

/** Runs `use` on the explorer in a fresh page (closed after it): on the file's site, or on `on`. */
async function inExplorer(use: (opened: WatchedPage & { url: string }) => Promise<void>, on?: SiteServer): Promise<void> {
  const { browser, site: shared } = ready();
  const site = on ?? shared;
  await inWatchedPage(browser, site.url, { viewport: explorerViewport }, async (watched) => {
    await watched.page.goto(`${site.url}/explorer`);
    await use({ ...watched, url: site.url });
  });
}

describe('the explorer (/explorer)', () => {
  it('calls CreateAssetGroup on its own origin with the demo key and shows the new group Id', async () => {
    await inExplorer(async ({ page, requests, violations, url }) => {
      expect(await page.getByLabel('Base URL').inputValue()).toBe(url);
      expect(await page.getByLabel('API key').inputValue()).toBe('demo-key');

      const form = page.getByRole('form', { name: 'CreateAssetGroup' });
      const examples = Object.values(createGroupExamples ?? {});
      expect(examples.length).toBeGreaterThan(0);
      expect(await form.getByLabel('Example').locator('option').allInnerTexts()).toEqual(examples.map((example) => example.summary));
      expect(JSON.parse(await form.getByLabel('Request body (JSON)').inputValue())).toEqual(examples[0]?.value);

      await form.getByRole('button', { name: 'Send' }).click();
      const result = form.getByRole('status');
      await expect.poll(() => result.innerText()).toMatch(/"Id": "group-[0-9]{14}-[a-z0-9]{5}"/);
      const shown = await result.innerText();
      expect(shown).toMatch(/Request id\s+\S+/);
      expect(shown).toMatch(/HTTP status\s+200/);

      // The Id on the page is a group the emulator really holds.
      const id = /"Id": "(group-[^"]+)"/.exec(shown)?.[1] ?? '';
      const client = createPortraitClient({ apiKey: 'demo-key', baseUrl: url, maxRetries: 0 });
      expect((await client.getAssetGroup({ Id: id })).Id).toBe(id);

      await saveScreenshot(page, 'explorer.png', { fullPage: true });
      expect(requests.foreign()).toEqual([]);
      expect(await violations()).toEqual([]);
    });
  }, 120_000);

  it('shows an error reply as a PortraitError (GetAsset of an unknown asset is NotFound), and refuses a body that is not JSON without sending it', async () => {
    await inExplorer(async ({ page, requests, url }) => {
      await page.locator('details#GetAsset > summary').click();
      const getAsset = page.getByRole('form', { name: 'GetAsset' });
      await getAsset.getByLabel('Request body (JSON)').fill('{ "Id": "asset-20990101000000-nones" }');
      await getAsset.getByRole('button', { name: 'Send' }).click();
      const result = getAsset.getByRole('status');
      await expect.poll(() => result.innerText()).toContain('PortraitError');
      const shown = await result.innerText();
      expect(shown).toMatch(/Code\s+NotFound/);
      expect(shown).toMatch(/HTTP status\s+404/);
      expect(shown).toMatch(/Request id\s+[0-9A-Za-z-]{8,}/);
      expect(requests.foreign()).toEqual([]);

      const createGroup = page.getByRole('form', { name: 'CreateAssetGroup' });
      await createGroup.getByLabel('Request body (JSON)').fill('{ "Name": ');
      const calls = () => requests.urls.filter((request) => request.startsWith(`${url}/portrait/`)).length;
      const before = calls();
      expect(before).toBe(1);
      await createGroup.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => createGroup.getByRole('status').innerText()).toContain('not valid JSON');
      expect(calls()).toBe(before);
    });
  }, 120_000);
});

describe('the explorer, opened oddly', () => {
  it('stays whole when the link ends in a malformed #fragment, and opens a good one', async () => {
    const { site, browser } = ready();
    await inWatchedPage(browser, site.url, {}, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${site.url}/explorer#%E0%A4%A`);
      await expect.poll(() => page.getByRole('form', { name: 'CreateAssetGroup' }).count()).toBe(1);
      expect(errors).toEqual([]);
      await page.goto(`${site.url}/explorer#GetAsset`);
      await expect.poll(() => page.locator('details#GetAsset').getAttribute('open')).toBe('');
    });
  }, 120_000);

  it('cannot be framed by another site: the docs, try-it, the explorer and the views say frame-ancestors none', async () => {
    const { site } = ready();
    for (const path of ['/docs', '/try', '/explorer', '/spec/portrait.openapi.json']) {
      const reply = await fetch(`${site.url}${path}`);
      expect(reply.headers.get('content-security-policy'), path).toBe("frame-ancestors 'none'");
    }
  });
});

describe('the explorer against a server on another origin', () => {
  it('calls the mock on another port: CORS lets the page read the reply', async () => {
    const { startMock } = await import('../../src/mock/index.js');
    const mock = await startMock({ port: 0 });
    const { site, browser } = ready();
    try {
      await inWatchedPage(browser, site.url, { viewport: explorerViewport, alsoAllowed: [mock.url] }, async ({ page, requests }) => {
        await page.goto(`${site.url}/explorer`);
        await page.getByLabel('Base URL').fill(mock.url);
        const form = page.getByRole('form', { name: 'CreateAssetGroup' });
        await form.getByRole('button', { name: 'Send' }).click();
        const result = form.getByRole('status');
        // The mock answers the document's example.
        const { Result } = responseExample('CreateAssetGroup', 200, 'success') as { Result: { Id: string } };
        await expect.poll(() => result.innerText()).toContain(`"Id": "${Result.Id}"`);
        expect(await result.innerText()).toMatch(/HTTP status\s+200/);
        expect(requests.urls).toContain(actionUrl(mock.url, 'CreateAssetGroup'));
        await saveScreenshot(page, 'explorer-cross-origin.png', { fullPage: true });
      });
    } finally {
      await mock.close();
    }
  }, 120_000);
});

describe('the explorer, documenting each call', () => {
  it('lists each request field from the schema, and shows the call as curl and client code that run', async () => {
    await inExplorer(async ({ page, url }) => {
      const form = page.getByRole('form', { name: 'CreateAssetGroup' });
      await form.getByText('Request fields (5)').click();
      const nameRow = form.locator('table.fields tr', { hasText: 'Name' }).first();
      expect(await nameRow.innerText()).toMatch(/Name \(required\)\s+string/);
      expect(await form.locator('table.fields').innerText()).toContain('"AIGC"');

      await form.getByLabel('Request body (JSON)').fill('{"Name": "from-a-snippet"}');
      await form.getByText('As code: curl, TypeScript').click();
      const curl = await form.getByLabel('CreateAssetGroup with curl').innerText();
      expect(curl).toContain(`'${actionUrl(url, 'CreateAssetGroup')}'`);
      expect(await form.getByLabel('CreateAssetGroup with the client').innerText()).toBe('const result = await client.createAssetGroup({"Name": "from-a-snippet"});');
      // The snippet, run as shown, creates the group.
      const { stdout } = await promisify(execFile)('sh', ['-c', curl], { env: { ...process.env, PORTRAIT_API_KEY: 'demo-key' } });
      expect((JSON.parse(stdout) as { Result: { Id: string } }).Result.Id).toMatch(/^group-/);
      await saveScreenshot(page, 'explorer-snippets.png', { fullPage: true });
    });
  }, 120_000);
});

/** Sends the form's body and returns the Result the page shows (the test fails on an error). */
async function send(page: Page, action: string): Promise<Record<string, string>> {
  const form = page.getByRole('form', { name: action, exact: true });
  await form.getByRole('button', { name: 'Send' }).click();
  const shown = form.locator('output .outcome');
  await expect.poll(() => shown.getAttribute('class'), { message: `${action} answered` }).toMatch(/ok|error/);
  expect(await shown.innerText(), action).toMatch(/^Result/);
  return JSON.parse(await shown.locator('pre').innerText()) as Record<string, string>;
}

async function bodyOf(page: Page, action: string): Promise<unknown> {
  return JSON.parse(await page.getByRole('form', { name: action, exact: true }).getByLabel('Request body (JSON)').inputValue());
}

function noteOf(page: Page, action: string) {
  return page.getByRole('form', { name: action, exact: true }).locator('.flow-note');
}

describe('the explorer, carrying ids from one call to the next', () => {
  it("offers the calls a success leads to, each filled with the reply's ids", async () => {
    await inExplorer(async ({ page, requests, url }) => {
      const group = await send(page, 'CreateAssetGroup');
      const next = page.getByRole('form', { name: 'CreateAssetGroup' }).locator('.next-calls button');
      expect(await next.allInnerTexts()).toEqual(['CreateAsset', 'GetAssetGroup', 'UpdateAssetGroup', 'DeleteAssetGroup']);
      await next.filter({ hasText: 'DeleteAssetGroup' }).click();
      expect(await bodyOf(page, 'DeleteAssetGroup')).toEqual({ Id: group.Id });
      expect(await noteOf(page, 'DeleteAssetGroup').innerText()).toContain('Filled from the reply of CreateAssetGroup');
      await send(page, 'DeleteAssetGroup');
      // Once sent, the body's origin is history: the note goes.
      expect(await noteOf(page, 'DeleteAssetGroup').innerText()).toBe('');
      const client = createPortraitClient({ apiKey: 'demo-key', baseUrl: url, maxRetries: 0 });
      await expect(client.getAssetGroup({ Id: group.Id ?? '' })).rejects.toMatchObject({ code: 'NotFound' });
      expect(requests.foreign()).toEqual([]);
    });
  }, 120_000);
});

describe('the explorer, guiding the two flows', () => {
  it('walks the virtual portrait flow: each success fills and opens the next step, and GetAsset is sent again while Processing', async () => {
    // The emulator's clock stands still until the test has seen the asset Processing, so a slow
    // machine cannot let the asset settle before the page sends GetAsset.
    let now = Date.now();
    const slow = await startSiteServer({ processingDelayMs: 1_000, clock: () => now });
    try {
      await inExplorer(async ({ page, requests, url }) => {
        const flow = page.getByRole('region', { name: 'Virtual portrait' });
        const steps = flow.locator('li');
        expect(await steps.allInnerTexts()).toEqual([expect.stringMatching(/^CreateAssetGroup/), expect.stringMatching(/^CreateAsset: /), expect.stringMatching(/^GetAsset: Poll/)]);
        await flow.getByRole('button', { name: 'Start' }).click();
        expect(await noteOf(page, 'CreateAssetGroup').innerText()).toContain('Virtual portrait, step 1 of 3');
        expect(await steps.nth(0).getAttribute('aria-current')).toBe('step');

        const group = await send(page, 'CreateAssetGroup');
        expect(await noteOf(page, 'CreateAsset').innerText()).toContain('Virtual portrait, step 2 of 3');
        expect(await noteOf(page, 'CreateAssetGroup').innerText()).toBe('');
        expect(await steps.nth(1).getAttribute('aria-current')).toBe('step');
        expect(await bodyOf(page, 'CreateAsset')).toMatchObject({ GroupId: group.Id });
        // Step 1's reply has scrolled away: the note names what was taken from it.
        expect(await noteOf(page, 'CreateAsset').innerText()).toContain(`GroupId ${group.Id} from CreateAssetGroup.`);

        const asset = await send(page, 'CreateAsset');
        expect(await noteOf(page, 'GetAsset').innerText()).toContain('Virtual portrait, step 3 of 3');
        expect(await bodyOf(page, 'GetAsset')).toEqual({ Id: asset.Id });
        // The emulator takes a second of its clock to process it: the step stays current until it is Active.
        expect(await send(page, 'GetAsset')).toMatchObject({ Id: asset.Id, Status: 'Processing' });
        expect(await noteOf(page, 'GetAsset').innerText()).toBe('Virtual portrait, step 3 of 3: Status is Processing; send it again.');
        // The focus is back on Send, to send it again from the keyboard.
        expect(await page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('aria-label') + ' ' + document.activeElement?.textContent)).toBe('GetAsset Send');
        expect(await steps.nth(2).getAttribute('aria-current')).toBe('step');
        now += 1_000;
        await expect
          .poll(async () => (await send(page, 'GetAsset')).Status, { timeout: 15_000, interval: 200 })
          .toBe('Active');
        expect(await noteOf(page, 'GetAsset').innerText()).toBe('Virtual portrait: done.');
        expect(await flow.locator('li[aria-current]').count()).toBe(0);
        await saveScreenshot(page, 'explorer-flow.png', { fullPage: true });
        expect(requests.foreign()).toEqual([]);
        expect(url).toBe(new URL(page.url()).origin);
      }, slow);
    } finally {
      await slow.close();
    }
  }, 60_000);

  it("follows one flow at a time: starting another takes down the first one's marks and notes", async () => {
    await inExplorer(async ({ page }) => {
      await page.getByRole('region', { name: 'Virtual portrait' }).getByRole('button', { name: 'Start' }).click();
      await page.getByRole('region', { name: 'Real person' }).getByRole('button', { name: 'Start' }).click();
      expect(await page.locator('.flows li[aria-current]').allInnerTexts()).toEqual([expect.stringMatching(/^CreateVisualValidateSession/)]);
      expect(await noteOf(page, 'CreateAssetGroup').innerText()).toBe('');
      expect(await noteOf(page, 'CreateVisualValidateSession').innerText()).toContain('Real person, step 1 of 3');
    });
  }, 120_000);

  it('walks the real person flow, the liveness check passed on the H5 page between steps 1 and 2', async () => {
    await inExplorer(async ({ context, page, requests, url }) => {
      const flow = page.getByRole('region', { name: 'Real person' });
      await flow.getByRole('button', { name: 'Start' }).click();
      const start = page.getByRole('form', { name: 'CreateVisualValidateSession' });
      // Back to this origin after the check, so that nothing leaves the machine.
      await start.getByLabel('Request body (JSON)').fill(JSON.stringify({ CallbackURL: `${url}/after-liveness` }));
      const session = await send(page, 'CreateVisualValidateSession');

      // Step 2's note carries the H5Link of step 1's reply, for the person's check.
      const [phone] = await Promise.all([context.waitForEvent('page'), noteOf(page, 'GetVisualValidateResult').getByRole('link', { name: 'H5Link' }).click()]);
      // Pass, in Chinese: the H5 page's default language, as the upstream's.
      await phone.getByRole('button', { name: '通过检测', exact: true }).click();
      await phone.waitForURL(`${url}/after-liveness?**`);
      await phone.close();

      expect(await noteOf(page, 'GetVisualValidateResult').innerText()).toContain('Real person, step 2 of 3');
      expect(await bodyOf(page, 'GetVisualValidateResult')).toEqual({ BytedToken: session.BytedToken });
      const person = await send(page, 'GetVisualValidateResult');
      expect(person.GroupId).toMatch(/^group-/);

      expect(await noteOf(page, 'CreateAsset').innerText()).toContain('Real person, step 3 of 3');
      expect(await bodyOf(page, 'CreateAsset')).toMatchObject({ GroupId: person.GroupId });
      await send(page, 'CreateAsset');
      expect(await noteOf(page, 'CreateAsset').innerText()).toBe('Real person: done.');
      expect(requests.foreign()).toEqual([]);
    });
  }, 120_000);
});
