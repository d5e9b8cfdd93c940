// The walk through the docs page that docs-page.test.ts makes with one Action of each tag, and
// its long form (docs-page.long.test.ts, npm run test:long) with all 12.
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { actionNames, actions, portraitDocument as document, type Action } from '../../src/protocol/index.js';
import { inWatchedPage, saveScreenshot, type SiteServer } from './harness.js';
import { actionUrl } from '../support/calls.js';

/**
 * Checks the page's tags, that its menu names every Action, that each of `opened` shows its
 * summary and request URL once followed from the menu, the servers it lists, its search, and that
 * it loads nothing from another host.
 */
export async function walkDocsPage(site: SiteServer, browser: Browser, opened: readonly Action[]): Promise<void> {
  await inWatchedPage(browser, site.url, { viewport: { width: 1280, height: 800 } }, async ({ page, requests, violations }) => {
    await page.goto(`${site.url}/docs`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.title()).toBe('Portrait API');

    const menu = page.locator('#redoc .menu-content');
    const content = page.locator('#api-content');
    expect((document.tags ?? []).map((tag) => tag.name)).toEqual(['Asset groups', 'Assets', 'Liveness']);
    expect(actionNames).toHaveLength(12);
    // Each tag, unfolded, names its Actions in the menu; each Action opened shows its summary and request URL.
    for (const tag of document.tags ?? []) {
      await menu.getByRole('link', { name: tag.name, exact: true }).click();
      const ofTag = actionNames.filter((name) => actions[name].tag === tag.name);
      for (const action of ofTag) {
        await expect.poll(() => menu.getByRole('link', { name: new RegExp(`\\b${action}\\b`) }).count(), { message: `the menu names ${action}` }).toBe(1);
      }
      for (const action of ofTag.filter((name) => opened.includes(name))) {
        const operation = document.paths[actions[action].path]?.post;
        expect(operation?.operationId).toBe(action);
        // The sidebar names the Action (its summary opens the operation's description). Redoc
        // routes by hash, one operation per view, named by its operationId; a click that lands
        // while the menu still unfolds is lost, so it is made again until the view follows.
        const link = menu.getByRole('link', { name: new RegExp(`\\b${action}\\b`) });
        const routed = async () => {
          await link.click();
          return decodeURIComponent(new URL(page.url()).hash);
        };
        await expect.poll(routed, { interval: 500 }).toMatch(new RegExp(`/${action.toLowerCase()}$`));
        const shown = async () => {
          const text = await content.innerText();
          return text.includes(actions[action].path) && text.includes(operation?.summary ?? '-');
        };
        await expect.poll(shown, { message: `${action}: its summary and request URL` }).toBe(true);
      }
    }

    await menu.getByRole('link', { name: 'Asset groups', exact: true }).click();
    await menu.getByRole('link', { name: /\bCreateAssetGroup\b/ }).click();
    await expect.poll(() => content.innerText()).toContain(actionUrl('', 'CreateAssetGroup'));
    // The servers it lists: the gateway, and the origin that served this page, from the first
    // paint on (not the document's default port, which the page was built with).
    // Not as a prefix: the serving port may be 40101, whose origin starts with the listed one.
    expect(await (await fetch(`${site.url}/docs`)).text()).not.toMatch(/http:\/\/127\.0\.0\.1:4010(?!\d)/);
    await expect.poll(() => page.locator('body').innerHTML()).toContain(site.url);
    await saveScreenshot(page, 'docs.png');

    // Search runs in blob: workers: local too, and allowed by the page's policy. The result
    // names an operation the current view does not show.
    const found = actionUrl('', 'GetVisualValidateResult');
    expect(await page.locator('body').innerText()).not.toContain(found);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('liveness token');
    await expect.poll(() => page.locator('body').innerText()).toContain(found);

    expect(requests.urls.length).toBeGreaterThan(0);
    expect(requests.foreign()).toEqual([]);
    expect(await violations()).toEqual([]);
  });
}
