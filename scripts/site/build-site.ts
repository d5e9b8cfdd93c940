// `npm run docs`: the reference docs, the explorer and the try-it page, each one self-contained HTML
// file, under the site directory (dist/site by default) as docs/, explorer/ and try/index.html.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildDocsPage } from './docs-page.js';
import { buildExplorerPage } from './explorer-page.js';
import { buildTryPage } from './try-page.js';
import { defaultSiteDir, defaultSpecPath, lockFile, sitePages, siteSourceDirs, type SitePage } from './site-layout.js';

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
  const builders: Record<SitePage, (specPath: string) => Promise<string>> = { docs: buildDocsPage, explorer: buildExplorerPage, try: buildTryPage };
  const pages = Object.keys(sitePages) as SitePage[];
  const files = Object.fromEntries(pages.map((page) => [page, join(siteDir, sitePages[page])])) as BuiltSite;
  await Promise.all(
    pages.map(async (page) => {
      const html = await builders[page](specPath);
      await mkdir(dirname(files[page]), { recursive: true });
      await writeFile(files[page], html);
    }),
  );
  return files;
}

/** True when a page is missing or older than the document or any source the site is built from. */
export async function siteIsStale(options: SiteBuildOptions = {}): Promise<boolean> {
  const { specPath = defaultSpecPath, siteDir = defaultSiteDir } = options;
  const built = await Promise.all(Object.values(sitePages).map((page) => modifiedAt(join(siteDir, page))));
  if (built.some((time) => time === undefined)) return true;
  const oldestPage = Math.min(...(built as number[]));
  const sources = [specPath, lockFile, ...(await Promise.all(siteSourceDirs.map(filesIn))).flat()];
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
