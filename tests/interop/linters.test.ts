// Tools nobody here wrote, reading every generated view: Spectral's `spectral:oas` ruleset finds no
// error and only the warnings the README lists and explains, and swagger-parser validates each.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { actionNames, actions } from '../../src/protocol/index.js';

const views = ['portrait.openapi.json', 'portrait.single-endpoint.openapi.json', 'portrait.openapi.3.0.json', 'portrait.single-endpoint.openapi.3.0.json'];
const viewPath = (file: string) => join(projectRoot, 'generated', file);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'portrait-interop-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A view with one thing broken, to show each tool can fail: a query parameter declared `in: body`. */
async function brokenView(): Promise<string> {
  const view = JSON.parse(await readFile(viewPath('portrait.single-endpoint.openapi.json'), 'utf8')) as {
    paths: Record<string, { post: { parameters: { in: string }[] } }>;
  };
  for (const item of Object.values(view.paths)) for (const parameter of item.post.parameters) parameter.in = 'body';
  const file = join(work, 'broken.openapi.json');
  await writeFile(file, JSON.stringify(view));
  return file;
}

interface SpectralResult {
  code: string;
  path: string[];
  severity: number;
  source: string;
}

/** Spectral's CLI with `spectral:oas`, as JSON results; it exits 1 when there are errors. */
async function spectral(files: string[]): Promise<SpectralResult[]> {
  const args = ['lint', ...files, '--ruleset', join(projectRoot, 'tests/interop/spectral-oas.yaml'), '--format', 'json', '--quiet'];
  const run = await promisify(execFile)(join(projectRoot, 'node_modules/.bin/spectral'), args, { maxBuffer: 32 * 2 ** 20 }).catch(
    (failure: { stdout: string }) => failure,
  );
  return JSON.parse(run.stdout) as SpectralResult[];
}

describe('Spectral, spectral:oas', () => {
  it('finds no error in any view, and only the warnings the README explains; and errors in a broken one', async () => {
    const broken = await brokenView();
    // One run of the CLI for all: each start costs a second or two.
    const results = await spectral([...views.map(viewPath), broken]);
    expect(results.filter((result) => result.source === broken && result.severity === 0).map((result) => result.code)).toContain('oas3-schema');
    const found = (file: string, severity: number) =>
      results
        .filter((result) => result.source === viewPath(file) && result.severity === severity)
        .map((result) => `${result.code} ${result.path.join('.')}`)
        .sort();
    const unusedByOperations = ['oas3-unused-component components.schemas.PortraitCall', 'oas3-unused-component components.schemas.PortraitCallResult'];
    const queryInPathKeys = actionNames.map((action) => `path-not-include-query paths.${actions[action].path}`);
    for (const file of views) {
      expect(found(file, 0), file).toEqual([]);
      const expected = file.includes('single-endpoint') ? ['path-keys-no-trailing-slash paths./portrait/', ...unusedByOperations] : [...queryInPathKeys, ...unusedByOperations];
      expect(found(file, 1), file).toEqual(expected.sort());
    }
  }, 120_000);

});

describe('swagger-parser', () => {
  it.each(views)('validates %s', async (file) => {
    const view = JSON.parse(await readFile(viewPath(file), 'utf8')) as object;
    await expect(SwaggerParser.validate(view as never)).resolves.toBeTruthy();
  });

  it('rejects a broken view', async () => {
    await expect(SwaggerParser.validate(await brokenView())).rejects.toThrow();
  });
});
