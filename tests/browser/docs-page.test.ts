// The reference docs page in a real browser: every tag and operation is there, one of each tag
// opened with its Action's request URL (all 12 in docs-page.long.test.ts), and the page reaches no
// other host while it renders and is used.
import { describe, expect, it } from 'vitest';
import { actionNames, actions, portraitDocument as document } from '../../src/protocol/index.js';
import { sitePages, type SitePage } from '../../scripts/site/index.js';
import { walkDocsPage } from './docs-page.js';
import { useSiteAndBrowser } from './harness.js';

const ready = useSiteAndBrowser();

/** Something only each page of the site has. */
const pageMarks: Record<SitePage, string> = { docs: '<div id="redoc">', explorer: 'id="explorer-data"', try: '<div id="swagger-ui">' };
const pages = Object.keys(sitePages) as SitePage[];

describe('the docs page (/docs)', () => {
  it('has three tags and all 12 Actions in its menu, one operation of each tag opened with its summary and request URL, and loads nothing from another host', async () => {
    const { site, browser } = ready();
    const firstOfEachTag = (document.tags ?? []).map((tag) => actionNames.find((name) => actions[name].tag === tag.name)).filter((action) => action !== undefined);
    expect(firstOfEachTag).toHaveLength(3);
    await walkDocsPage(site, browser, firstOfEachTag);
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
