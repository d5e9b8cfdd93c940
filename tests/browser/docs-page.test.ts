// The reference docs page in a real browser: every tag and operation is there, each with its
// Action's request URL, and the page reaches no other host while it renders and is used.
import { describe, expect, it } from 'vitest';
import { actionNames, actions, portraitDocument as document } from '../../src/protocol/index.js';
import { sitePages, type SitePage } from '../../scripts/site/index.js';
import { inWatchedPage, screenshotPath, useSiteAndBrowser } from './harness.js';

const ready = useSiteAndBrowser();

/** Something only each page of the site has. */
const pageMarks: Record<SitePage, string> = { docs: '<div id="redoc">', explorer: 'id="explorer-data"', try: '<div id="swagger-ui">' };
const pages = Object.keys(sitePages) as SitePage[];

describe('the docs page (/docs)', () => {
  it('has three tags and all 12 operations, named by their Actions, each with its summary and request URL, and loads nothing from another host', async () => {
    const { site, browser } = ready();
    await inWatchedPage(browser, site.url, { viewport: { width: 1280, height: 800 } }, async ({ page, requests, violations }) => {
      await page.goto(`${site.url}/docs`, { waitUntil: 'networkidle' });
      await expect.poll(() => page.title()).toBe('Portrait API');

      const menu = page.locator('#redoc .menu-content');
      const content = page.locator('#api-content');
      expect((document.tags ?? []).map((tag) => tag.name)).toEqual(['Asset groups', 'Assets', 'Liveness']);
      expect(actionNames).toHaveLength(12);
      for (const tag of document.tags ?? []) {
        await menu.getByRole('link', { name: tag.name, exact: true }).click();
        for (const action of actionNames.filter((name) => actions[name].tag === tag.name)) {
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
      await expect.poll(() => content.innerText()).toContain('/portrait/?Action=CreateAssetGroup&Version=2024-01-01');
      // The servers it lists: the gateway, and the origin that served this page, from the first
      // paint on (not the document's default port, which the page was built with).
      // Not as a prefix: the serving port may be 40101, whose origin starts with the listed one.
      expect(await (await fetch(`${site.url}/docs`)).text()).not.toMatch(/http:\/\/127\.0\.0\.1:4010(?!\d)/);
      await expect.poll(() => page.locator('body').innerHTML()).toContain(site.url);
      await page.screenshot({ path: await screenshotPath('docs.png') });

      // Search runs in blob: workers: local too, and allowed by the page's policy. The result
      // names an operation the current view does not show.
      const found = '/portrait/?Action=GetVisualValidateResult&Version=2024-01-01';
      expect(await page.locator('body').innerText()).not.toContain(found);
      await page.keyboard.press('Control+k');
      await page.keyboard.type('liveness token');
      await expect.poll(() => page.locator('body').innerText()).toContain(found);

      expect(requests.urls.length).toBeGreaterThan(0);
      expect(requests.foreign()).toEqual([]);
      expect(await violations()).toEqual([]);
    });
  }, 60_000);

  it('links to the try-it page and the explorer, and each of them links to the other two', async () => {
    const { site } = ready();
    const names: Record<SitePage, string> = {
      docs: 'Read the reference docs',
      explorer: 'Call it through the typed client in the explorer',
      try: 'Try it out: send any Action with your key',
    };
    // Each page's links, resolved against the page as a browser would, open the other pages.
    for (const from of pages) {
      const page = await fetch(`${site.url}/${from}`);
      const html = await page.text();
      for (const to of pages.filter((other) => other !== from)) {
        const href = new RegExp(`<a href="([^"]+)">${names[to]}</a>`).exec(html)?.[1] ?? '';
        expect(href, `${from} -> ${to}`).not.toBe('');
        const target = await fetch(new URL(href, page.url));
        expect(target.status, `${from} -> ${href}`).toBe(200);
        expect(await target.text()).toContain(pageMarks[to]);
      }
    }
  });

  it('sends a browser at / to the docs, and leaves POST / to the gateway', async () => {
    const { site } = ready();
    const opened = await fetch(`${site.url}/`, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(new URL(opened.headers.get('location') ?? '', opened.url).href).toBe(`${site.url}/docs`);
    const posted = await fetch(`${site.url}/`, { method: 'POST', headers: { authorization: 'Bearer demo-key', 'content-type': 'application/json' }, body: '{}' });
    expect(posted.status).toBe(404);
    expect(((await posted.json()) as { ResponseMetadata: { Error: { Code: string } } }).ResponseMetadata.Error.Code).toBe('InvalidActionOrVersion');
  });

  it('serves each page on /<page>, /<page>/ and /<page>/index.html as one HTML file', async () => {
    const { site } = ready();
    for (const page of pages) {
      for (const path of [`/${page}`, `/${page}/`, `/${page}/index.html`]) {
        const response = await fetch(`${site.url}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(await response.text()).toContain(pageMarks[page]);
      }
    }
  });
});
