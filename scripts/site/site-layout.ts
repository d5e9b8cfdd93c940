// Where the site's inputs and pages live. Paths are absolute, from this file, so the build and
// the server behave the same whatever directory a command runs in.
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled document both pages are built from. */
export const defaultSpecPath = fileURLToPath(new URL('../../generated/portrait.openapi.json', import.meta.url));

/** Git-ignored; `npm run docs` writes here and `npm start` serves from here. */
export const defaultSiteDir = fileURLToPath(new URL('../../dist/site/', import.meta.url));

/** Besides the document, what a built site is made from: it is stale once any of these is newer. */
export const siteSourceDirs = [fileURLToPath(new URL('./', import.meta.url)), fileURLToPath(new URL('../client/', import.meta.url))];

/** Each page, by the path it is served on, and its file under the site directory. */
export const sitePages = {
  docs: 'docs/index.html',
  explorer: 'explorer/index.html',
} as const;

export type SitePage = keyof typeof sitePages;
