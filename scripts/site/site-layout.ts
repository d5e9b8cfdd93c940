// Where the site's inputs and pages live. Paths are absolute, from the project root, so the build and
// the server behave the same whatever directory a command runs in.
import { join } from 'node:path';
import { projectRoot } from '../project-root.js';

/** The bundled document every page is built from. */
export const defaultSpecPath = join(projectRoot, 'generated/portrait.openapi.json');

/** The generated views (generated/*.json), served as /spec/<file>. */
export const viewsDir = join(projectRoot, 'generated/');

/** Git-ignored; `npm run docs` writes here and `npm start` serves from here. */
export const defaultSiteDir = join(projectRoot, 'dist/site/');

/** Besides the document, what a built site is made from (this folder, and the client and protocol code the explorer bundles): it is stale once any of these is newer. */
export const siteSourceDirs = [join(projectRoot, 'scripts/site/'), join(projectRoot, 'src/client/'), join(projectRoot, 'src/protocol/')];

/** Changes when Redoc or Swagger UI is upgraded (or any package), which the pages have inside them. */
export const lockFile = join(projectRoot, 'package-lock.json');

/** Each page, by the path it is served on, and its file under the site directory. */
export const sitePages = {
  docs: 'docs/index.html',
  explorer: 'explorer/index.html',
  try: 'try/index.html',
} as const;

export type SitePage = keyof typeof sitePages;
