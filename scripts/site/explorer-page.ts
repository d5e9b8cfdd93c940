// The explorer: one self-contained HTML page. Its script (explorer-app.ts, with the typed client
// and openapi-fetch) is bundled by esbuild and inlined, and so are the Action data read from the
// document, so the page works from a file, behind any server, or with no network at all.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { explorerData } from './explorer-actions.js';
import { assertLoadsNothingRemote } from './offline-check.js';
import { bundleScript, escapeHtml, fillTemplate, inElement, jsonInScript } from './page-parts.js';

const appEntry = fileURLToPath(new URL('./explorer-app.ts', import.meta.url));
const templateFile = new URL('./explorer.html', import.meta.url);
const styleFile = new URL('./explorer.css', import.meta.url);

/** The explorer page for the document at `specPath`. */
export async function buildExplorerPage(specPath: string): Promise<string> {
  const documentText = await readFile(specPath, 'utf8');
  const data = explorerData(JSON.parse(documentText));
  const [template, style, script] = await Promise.all([readFile(templateFile, 'utf8'), readFile(styleFile, 'utf8'), bundleScript(appEntry)]);
  const html = fillTemplate(template, {
    title: escapeHtml(data.title),
    version: escapeHtml(data.version),
    summary: escapeHtml(data.summary),
    style: inElement(style),
    data: jsonInScript(data),
    script: inElement(script),
  });
  assertLoadsNothingRemote('explorer', html, documentText);
  return html;
}
