// The reference docs: `redocly build-docs --inlineBundle` renders the bundled document into one
// HTML file with Redoc's script inside it (without the flag the page loads Redoc from a CDN).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenApiDocument } from '../../src/protocol/document.js';
import { withAssumptionsShown } from './assumed-facts.js';
import { assertLoadsNothingRemote } from './offline-check.js';
import { projectRoot } from '../project-root.js';

const template = fileURLToPath(new URL('./docs-template.hbs', import.meta.url));

// Redoc's sidebar footer shows a logo it fetches from cdn.redoc.ly, with no option to turn it
// off. The same attribution, drawn inline, keeps the page free of requests to other hosts.
const cdnLogos: [RegExp, string][] = [
  [/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini-full\.svg/g, inlineLogo('Redocly', 52)],
  [/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini\.svg/g, inlineLogo('R', 10)],
];

/** The reference docs of the document at `specPath`, as one self-contained HTML page. */
export async function buildDocsPage(specPath: string): Promise<string> {
  const workDir = await mkdtemp(join(tmpdir(), 'portrait-docs-'));
  try {
    const documentText = await readFile(specPath, 'utf8');
    const readingCopy = join(workDir, 'portrait.openapi.json');
    await writeFile(readingCopy, JSON.stringify(namedByAction(withAssumptionsShown(JSON.parse(documentText) as OpenApiDocument))));
    const output = join(workDir, 'index.html');
    await runRedocly(['build-docs', readingCopy, '--inlineBundle', '--template', template, '--output', output]);
    let html = await readFile(output, 'utf8');
    for (const [url, replacement] of cdnLogos) html = html.replace(url, () => replacement);
    assertLoadsNothingRemote('docs', html, documentText);
    return html;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Redoc names each operation, in its sidebar and its heading, by the summary, and has no option
 * to use the operationId: the copy it renders has the Action's name there, and the summary opening
 * the description.
 */
function namedByAction(document: OpenApiDocument): OpenApiDocument {
  for (const { post: operation } of Object.values(document.paths)) {
    if (!operation) continue;
    operation.description = [operation.summary && `**${operation.summary}.**`, operation.description].filter(Boolean).join('\n\n');
    operation.summary = operation.operationId;
  }
  return document;
}

function runRedocly(args: string[]): Promise<void> {
  const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: projectRoot,
      // No update check and no telemetry: the build needs no network, and the page gets
      // Redoc's telemetry switched off as well.
      env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_TELEMETRY: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`redocly ${args[0]} failed (${signal ?? `exit code ${code}`}):\n${output.trim()}`));
    });
  });
}

function inlineLogo(text: string, width: number): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="14" viewBox="0 0 ${width} 14">` +
    `<text x="0" y="11" font-family="system-ui,sans-serif" font-size="11" font-weight="600" fill="#0044D4">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
