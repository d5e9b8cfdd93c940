// What an editor shows on hover over a client method, asked of TypeScript's language service as
// an editor asks it: a short, named signature, and the Action's summary, description and a link
// to it in the published docs (package.json's homepage), all from the document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { postOperations } from '../../src/protocol/document.js';
import { methodName } from '../../src/protocol/method-name.js';
import { portraitDocument } from '../../src/protocol/portrait-document.js';

const probeFile = join(projectRoot, 'tests/client/hover-probe.ts');
const operations = postOperations(portraitDocument).map(({ operation }) => operation);
const probeText = [
  "import { createPortraitClient } from '../../src/client/index.js';",
  "const client = createPortraitClient({ apiKey: 'k' });",
  ...operations.map(({ operationId }) => `void client.${methodName(operationId)};`),
  '',
].join('\n');

const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(join(projectRoot, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, projectRoot);
const languageService = ts.createLanguageService({
  getScriptFileNames: () => [probeFile],
  getScriptVersion: () => '1',
  getScriptSnapshot: (file) => {
    const text = file === probeFile ? probeText : ts.sys.readFile(file);
    return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
  },
  getCurrentDirectory: () => projectRoot,
  getCompilationSettings: () => options,
  getDefaultLibFileName: ts.getDefaultLibFilePath,
  fileExists: (file) => file === probeFile || ts.sys.fileExists(file),
  readFile: (file) => (file === probeFile ? probeText : ts.sys.readFile(file)),
});

function hoverOver(method: string) {
  const info = languageService.getQuickInfoAtPosition(probeFile, probeText.indexOf(`client.${method};`) + 'client.'.length);
  return {
    signature: ts.displayPartsToString(info?.displayParts),
    documentation: ts.displayPartsToString(info?.documentation),
    tags: (info?.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`),
  };
}

const { homepage } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { homepage: string };

describe('a client method on hover', { timeout: 60_000 }, () => {
  it.each(operations.map((operation) => [operation.operationId, operation] as const))('%s shows a named signature, its summary and its docs link', (action, operation) => {
    const method = methodName(action);
    const { signature, documentation, tags } = hoverOver(method);
    expect(signature).toMatch(new RegExp(`^\\(method\\) PortraitClientMethods\\.${method}\\(body\\??: RequestOf<"${action}">, options\\?: CallOptions\\): Promise<WithMetadata<ResultOf<"${action}">>>$`));
    expect(signature).not.toContain('ActionMethodsOf');
    expect(signature).not.toContain('more ...');
    expect(documentation.startsWith(`${operation.summary ?? ''}\n`)).toBe(true);
    expect(documentation).toContain((operation.description ?? '').split('\n')[0]?.trim());
    expect(documentation).toContain(`Sends \`POST /portrait/?Action=${action}&Version=${portraitDocument.info.version}\`.`);
    expect(tags).toEqual([`@see {@link ${homepage}docs/#operation/${action} ${action} in the Portrait API docs}`]);
  });

  // The published-package test finds them, a docs link per method, in the declarations the package ships.
  it('comes from generated/client-methods.ts, whose declarations the package ships', () => {
    const generated = readFileSync(join(projectRoot, 'generated/client-methods.ts'), 'utf8');
    for (const operation of operations) expect(generated).toContain(`   * ${operation.summary ?? ''}\n`);
  });

  it('marks the body optional exactly where the Action requires no field', () => {
    expect(hoverOver('listAssets').signature).toContain('(body?: RequestOf<"ListAssets">');
    expect(hoverOver('getAsset').signature).toContain('(body: RequestOf<"GetAsset">');
  });
});
