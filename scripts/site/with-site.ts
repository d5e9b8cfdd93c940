// The built site beside the API on one origin: GET /docs, /try and /explorer (with or without a
// trailing slash, or as .../index.html) answer the pages from the site directory, GET / sends the
// browser to /docs, and GET /spec/<file> answers the generated views; every other request goes to
// the handler being wrapped, the emulator's gateway included.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handler, Reply } from '../../src/emulator/index.js';
import { servers } from '../../src/protocol/index.js';
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

/** Served as they are; no other site may frame a page (a header: a meta tag cannot say it). */
const servedHeaders = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', 'content-security-policy': "frame-ancestors 'none'" };

/**
 * Every reply the site gives, by path, read once when the server starts (`npm start` rebuilds a
 * stale site first): each page at its three paths, and `/spec/<file>` for each view.
 */
function siteReplies(siteDir: string): Map<string, Reply> {
  const replies = new Map<string, Reply>();
  for (const [path, page] of pagePaths) {
    const file = join(siteDir, sitePages[page]);
    replies.set(
      path,
      existsSync(file)
        ? { status: 200, headers: { ...servedHeaders, 'content-type': 'text/html; charset=utf-8' }, body: readFileSync(file, 'utf8') }
        : { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `The ${page} page is not built yet: run npm run docs, then start again.\n` },
    );
  }
  for (const file of viewFiles()) {
    replies.set(`/spec/${file}`, { status: 200, headers: { ...servedHeaders, 'content-type': 'application/json' }, body: readFileSync(join(viewsDir, file), 'utf8') });
  }
  return replies;
}

/**
 * The local server the document lists; the docs show the origin actually serving them instead,
 * both in the markup Redoc drew at build time and in the state it draws from in the browser (the
 * two must agree, or the servers panel shows the build's port until it is drawn again).
 */
const listedLocalServer = servers.find((server) => server.url.startsWith('http://127.0.0.1'))?.url;

export function withSite(answer: Handler, siteDir: string): Handler {
  const replies = siteReplies(siteDir);
  // One docs page per origin it is served on (a server has one or two): the servers list names it.
  const docsByOrigin = new Map<string, Reply>();
  const docsFor = (reply: Reply, origin: string): Reply => {
    let served = docsByOrigin.get(origin);
    if (!served) {
      served = listedLocalServer ? { ...reply, body: reply.body.replaceAll(listedLocalServer, origin) } : reply;
      if (docsByOrigin.size < 8) docsByOrigin.set(origin, served);
    }
    return served;
  };
  // For HEAD too: node:http sends the headers of the body (its length included) and drops it.
  return async (request) => {
    const reading = request.method === 'GET' || request.method === 'HEAD';
    // A browser opening the printed address lands on the docs; POST / stays the gateway's 404.
    if (reading && request.url.pathname === '/') return { status: 302, headers: { location: 'docs', 'content-type': 'text/plain; charset=utf-8' }, body: 'See docs\n' };
    const reply = reading ? replies.get(request.url.pathname) : undefined;
    if (!reply) return answer(request);
    return pagePaths.get(request.url.pathname) === 'docs' && reply.status === 200 ? docsFor(reply, request.url.origin) : reply;
  };
}
