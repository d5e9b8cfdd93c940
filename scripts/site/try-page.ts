// The try-it page: Swagger UI (the swagger-ui-dist npm package) and the document, all inline in
// one HTML file. Of Scalar, Swagger UI and Stoplight Elements, it sent every Action as written
// with the Bearer key, asked no other host for anything without being told not to, lost no edit,
// and is the smallest by far (the README has the comparison).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenApiDocument } from '../../src/protocol/document.js';
import { downgradeTo30 } from '../codegen/views.js';
import { assertLoadsNothingRemote } from './offline-check.js';
import { bundleScript, escapeHtml, fillTemplate, inElement, jsonInScript, withoutSourceMap } from './page-parts.js';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const appEntry = fileURLToPath(new URL('./try-app.ts', import.meta.url));
const templateFile = new URL('./try.html', import.meta.url);
const introFile = new URL('./try-intro.md', import.meta.url);

/** The try-it page for the document at `specPath`. */
export async function buildTryPage(specPath: string): Promise<string> {
  const [documentText, template, intro, script, swaggerScript, swaggerStyle] = await Promise.all([
    readFile(specPath, 'utf8'),
    readFile(templateFile, 'utf8'),
    readFile(introFile, 'utf8'),
    bundleScript(appEntry),
    readFile(join(swaggerDir, 'swagger-ui-bundle.js'), 'utf8'),
    readFile(join(swaggerDir, 'swagger-ui.css'), 'utf8'),
  ]);
  // The document in its OpenAPI 3.0.3 form, as `npm run generate` writes it beside the 3.1 one:
  // Swagger UI reads a 3.1 document through ApiDOM, which took Chromium's page twice the time
  // (6.7 s of its main thread over the try-page tests, 3.5 s with this form) to show the same
  // operations, schemas and examples.
  const document = downgradeTo30(JSON.parse(documentText) as OpenApiDocument) as { info: { title: string; description?: string }; 'x-webhooks'?: unknown };
  // Swagger UI shows the description above the first operation: in its place, what trying needs.
  // The description itself (protocol, errors, flows) is the docs page's to show.
  document.info.description = intro;
  // A webhook is a request the customer's server receives, never one to send from here (Swagger UI
  // drew the 3.1 form's as a GET with an empty form). The docs page shows it.
  delete document['x-webhooks'];
  const html = fillTemplate(template, {
    title: escapeHtml(document.info.title),
    swaggerStyle: inElement(withoutSourceMap(swaggerStyle)),
    swaggerScript: inElement(withoutSourceMap(swaggerScript)),
    script: inElement(script),
    document: jsonInScript(document),
  });
  assertLoadsNothingRemote('try', html, documentText);
  return html;
}
