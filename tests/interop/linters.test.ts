// Tools nobody here wrote, reading every generated view: Spectral's `spectral:oas` ruleset finds no
// error and only the warnings the README lists and explains, and swagger-parser validates each.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOnlyKnownWarnings, spectral, viewPath } from './spectral.js';

const views = ['portrait.openapi.json', 'portrait.single-endpoint.openapi.json', 'portrait.openapi.3.0.json', 'portrait.single-endpoint.openapi.3.0.json'];

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

describe('Spectral, spectral:oas', () => {
  it('finds no error in the bundled view and the single-endpoint 3.0 one (which both conversions made), only the warnings the README explains; and errors in a broken one', async () => {
    const broken = await brokenView();
    // One run of the CLI for all: each start costs a second or two. The other two views are in linters.long.test.ts.
    const linted = ['portrait.openapi.json', 'portrait.single-endpoint.openapi.3.0.json'];
    const results = await spectral([...linted.map(viewPath), broken]);
    expect(results.filter((result) => result.source === broken && result.severity === 0).map((result) => result.code)).toContain('oas3-schema');
    expectOnlyKnownWarnings(results, linted);
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
