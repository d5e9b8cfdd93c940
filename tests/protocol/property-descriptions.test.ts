// Every property of the document carries a description of its own, which editors show on hover
// through the generated types: `npm run lint` holds the document to it with the
// portrait/property-has-description rule (openapi/lint-rules.js), checked here on the document and
// on a small one that breaks it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint, loadConfig } from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';

const rule = 'portrait/property-has-description';
const config = await loadConfig({ configPath: join(projectRoot, 'redocly.yaml') });
const scratch = await mkdtemp(join(tmpdir(), 'portrait-descriptions-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function ruleProblems(ref: string) {
  const problems = await lint({ ref, config });
  return problems.filter((problem) => problem.ruleId === rule).map((problem) => problem.location[0]?.pointer);
}

describe('property descriptions', () => {
  it('the document gives every property one', async () => {
    expect(await ruleProblems(join(projectRoot, 'openapi/portrait.yaml'))).toEqual([]);
  }, 60_000);

  it('the rule names a property without one, own or beside a $ref, and passes one that is never present', async () => {
    const document = join(scratch, 'document.yaml');
    await writeFile(
      document,
      [
        'openapi: 3.1.0',
        'info: {title: Probe, version: "1"}',
        'paths: {}',
        'components:',
        '  schemas:',
        '    Word: {type: string, description: A described value.}',
        '    Thing:',
        '      type: object',
        '      properties:',
        '        Described: {type: string, description: Has words.}',
        '        Bare: {type: string}',
        '        Referenced: {$ref: "#/components/schemas/Word"}',
        '        ReferencedAndDescribed: {$ref: "#/components/schemas/Word", description: Has words too.}',
        '        Blank: {type: string, description: " "}',
        '        Never: false',
        '',
      ].join('\n'),
    );
    expect(await ruleProblems(document)).toEqual([
      '#/components/schemas/Thing/properties/Bare',
      '#/components/schemas/Thing/properties/Referenced',
      '#/components/schemas/Thing/properties/Blank',
    ]);
  });
});
