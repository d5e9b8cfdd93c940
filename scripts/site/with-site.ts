// The built site beside the API on one origin: GET /docs and /explorer (with or without a
// trailing slash, or as .../index.html) answer the pages from the site directory, and
// GET /spec/<file> the generated views; every other request goes to the handler being wrapped,
// the emulator's gateway included.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handler, Reply } from '../../src/emulator/index.js';
import { sitePages, viewsDir, type SitePage } from './site-layout.js';


const pagePaths = new Map<string, SitePage>(
  (Object.keys(sitePages) as SitePage[]).flatMap((page) => [
    [`/${page}`, page],
    [`/${page}/`, page],
    [`/${page}/index.html`, page],
  ]),
);

/** The generated views' file names: the per-Action and single-endpoint documents, in 3.1 and 3.0.3. */
export function viewFiles(): string[] {
  return readdirSync(viewsDir).filter((file) => file.endsWith('.json'));
}

/** `/spec/<file>` for each view, read once: they change only with `npm run generate`. */
function viewReplies(): Map<string, Reply> {
  const views = viewFiles();
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  return new Map(views.map((file) => [`/spec/${file}`, { status: 200, headers, body: readFileSync(join(viewsDir, file), 'utf8') }]));
}

export function withSite(answer: Handler, siteDir: string): Handler {
  const views = viewReplies();
  return async (request) => {
    const view = views.get(request.url.pathname);
    if (view && (request.method === 'GET' || request.method === 'HEAD')) return view;
    const page = pagePaths.get(request.url.pathname);
    if (!page || (request.method !== 'GET' && request.method !== 'HEAD')) return answer(request);
    let html: string;
    try {
      // Read on every request, so a rebuild (`npm run docs`) shows on the next reload.
      html = await readFile(join(siteDir, sitePages[page]), 'utf8');
    } catch {
      return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `The ${page} page is not built yet: run npm run docs.\n` };
    }
    // For HEAD too: node:http sends the headers of this body (its length included) and drops it.
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
      body: html,
    };
  };
}
