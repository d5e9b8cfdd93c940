// The browser the tests drive is chosen as the README says, and it is the one that runs.
import { describe, expect, inject, it } from 'vitest';
import { chooseChromium } from './chromium.js';
import { connectChromium } from './harness.js';

describe('choosing Chromium', () => {
  it('uses the registry package when PORTRAIT_BROWSER=registry, whatever the system has', async () => {
    const choice = await chooseChromium({ PORTRAIT_BROWSER: 'registry' });
    expect(choice.source).toBe('the @sparticuz/chromium npm package');
    expect(choice.version).toMatch(/^Chromium \d+\./);
  }, 60_000);

  it('uses PORTRAIT_CHROMIUM before anything else, and says when it names nothing', async () => {
    const registry = await chooseChromium({ PORTRAIT_BROWSER: 'registry' });
    const named = await chooseChromium({ PORTRAIT_CHROMIUM: registry.executablePath, PORTRAIT_BROWSER: 'registry' });
    expect(named).toEqual({ ...registry, source: 'PORTRAIT_CHROMIUM' });
    await expect(chooseChromium({ PORTRAIT_CHROMIUM: '/nowhere/chromium' })).rejects.toThrow('PORTRAIT_CHROMIUM names /nowhere/chromium, which does not exist.');
  }, 60_000);

  it('refuses a PORTRAIT_BROWSER it does not know', async () => {
    await expect(chooseChromium({ PORTRAIT_BROWSER: 'firefox' })).rejects.toThrow(/PORTRAIT_BROWSER=firefox is not understood/);
  });

  it('runs the browser chosen for this run', async () => {
    const chosen = inject('chromium');
    if ('error' in chosen) throw new Error(chosen.error);
    const browser = await connectChromium();
    try {
      expect(chosen.version).toContain(browser.version());
    } finally {
      await browser.close();
    }
  }, 60_000);
});
