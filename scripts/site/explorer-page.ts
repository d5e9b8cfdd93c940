// The explorer: one self-contained HTML page. Its script (explorer-app.ts, with the typed client
// and openapi-fetch) is bundled by esbuild and inlined, and so are the Action data read from the
// document, so the page works from a file, behind any server, or with no network at all.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { explorerData } from './explorer-actions.js';
import { assertLoadsNothingRemote } from './offline-check.js';

const appEntry = fileURLToPath(new URL('./explorer-app.ts', import.meta.url));
const templateFile = new URL('./explorer.html', import.meta.url);
const styleFile = new URL('./explorer.css', import.meta.url);

/** The explorer page for the document at `specPath`. */
export async function buildExplorerPage(specPath: string): Promise<string> {
  const documentText = await readFile(specPath, 'utf8');
  const data = explorerData(JSON.parse(documentText));
  const [template, style, script] = await Promise.all([readFile(templateFile, 'utf8'), readFile(styleFile, 'utf8'), bundleApp()]);
  const slots: Record<string, string> = {
    title: escapeHtml(data.title),
    version: escapeHtml(data.version),
    summary: escapeHtml(data.summary),
    style,
    // Inside <script>, only `<` can end the element early; JSON.parse reads \u003c back.
    data: JSON.stringify(data).replace(/</g, '\\u003c'),
    script: script.replace(/<\/(script)/gi, '<\\/$1'),
  };
  // A function replacer: the minified script is full of `$` sequences a string one would expand.
  const html = template.replace(/\{\{(\w+)\}\}/g, (slot, name: string) => slots[name] ?? slot);
  assertLoadsNothingRemote('explorer', html, documentText);
  return html;
}

async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [appEntry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bundle for the explorer');
  return output.text;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
