// The emulator's H5 liveness page in a real browser, as the person on the phone sees it: it
// renders on its own, loads nothing from elsewhere, and "Pass the check" sends the browser to
// the CallbackURL with the token and resultCode 10000, after which the token yields a group.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPortraitClient } from '../../src/client/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { connectChromium, recordRequests, saveScreenshot } from './harness.js';

let browser: Browser;
let emulator: RunningEmulator;
beforeAll(async () => {
  [browser, emulator] = await Promise.all([connectChromium(), startEmulator({ port: 0, processingDelayMs: 0 })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([browser?.close(), emulator?.close()]);
});

it('passes the check on the H5 page and sends the browser to the CallbackURL', async () => {
  const client = createPortraitClient({ apiKey: 'demo-key', baseUrl: emulator.url });
  const callback = 'https://app.example.com/liveness/done?state=abc';
  const session = await client.createVisualValidateSession({ CallbackURL: callback });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const requests = await recordRequests(context, emulator.url);
    const page = await context.newPage();
    // In English, as `lng` asks; without it the page speaks Chinese, the upstream's default.
    const link = new URL(session.H5Link);
    link.searchParams.set('lng', 'en');
    await page.goto(link.href);
    await expect.poll(() => page.getByRole('heading', { name: 'Liveness check' }).count()).toBe(1);
    await saveScreenshot(page, 'liveness-page.png', { fullPage: true });

    await page.getByRole('button', { name: 'Pass the check' }).click();
    // The callback is another host: the harness refuses it, after recording where it went.
    await expect.poll(() => requests.foreign()).toHaveLength(1);
    const [sentTo = ''] = requests.foreign();
    const url = new URL(sentTo);
    expect(`${url.origin}${url.pathname}`).toBe('https://app.example.com/liveness/done');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      state: 'abc',
      bytedToken: session.BytedToken,
      resultCode: '10000',
      algorithmBaseRespCode: '0',
      reqMeasureInfoValue: '1',
      verify_type: 'real_time',
    });
    expect((await client.getVisualValidateResult({ BytedToken: session.BytedToken })).GroupId).toMatch(/^group-/);
  } finally {
    await context.close();
  }
}, 60_000);
