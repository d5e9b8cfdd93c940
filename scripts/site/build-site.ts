// `npm run docs`: the reference docs and the explorer, each one self-contained HTML file, under
// the site directory (dist/site by default) as docs/index.html and explorer/index.html.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildDocsPage } from './docs-page.js';
import { buildExplorerPage } from './explorer-page.js';
import { defaultSiteDir, defaultSpecPath, sitePages, siteSourceDirs, type SitePage } from './site-layout.js';

export interface SiteBuildOptions {
  /** The bundled OpenAPI document; default generated/portrait.openapi.json. */
  specPath?: string;
  /** Default dist/site. */
  siteDir?: string;
}

/** The files written, by page. */
export type BuiltSite = Record<SitePage, string>;

export async function buildSite(options: SiteBuildOptions = {}): Promise<BuiltSite> {
  const { specPath = defaultSpecPath, siteDir = defaultSiteDir } = options;
  const [docs, explorer] = await Promise.all([buildDocsPage(specPath), buildExplorerPage(specPath)]);
  const files: BuiltSite = { docs: join(siteDir, sitePages.docs), explorer: join(siteDir, sitePages.explorer) };
  for (const [page, html] of [['docs', docs], ['explorer', explorer]] as const) {
    await mkdir(dirname(files[page]), { recursive: true });
    await writeFile(files[page], html);
  }
  return files;
}

/** True when a page is missing or older than the document or any source the site is built from. */
export async function siteIsStale(options: SiteBuildOptions = {}): Promise<boolean> {
  const { specPath = defaultSpecPath, siteDir = defaultSiteDir } = options;
  const built = await Promise.all(Object.values(sitePages).map((page) => modifiedAt(join(siteDir, page))));
  if (built.some((time) => time === undefined)) return true;
  const oldestPage = Math.min(...(built as number[]));
  const sources = [specPath, ...(await Promise.all(siteSourceDirs.map(filesIn))).flat()];
  const times = await Promise.all(sources.map(modifiedAt));
  return times.some((time) => time === undefined || time > oldestPage);
}

async function modifiedAt(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function filesIn(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
