// The protocol's facts live in the document (x-portrait-* extensions and schemas) and reach src/
// through generated/protocol.ts. A fact written out again in src/, in code or in a comment, is
// the start of a drift: this test finds each known fact's literal forms in every source file.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { actionNames, actions, errorCodes, fileExtensions, livenessResultCodes, protocol } from '../../src/protocol/index.js';

const sourceDir = join(projectRoot, 'src');

/** A number as code or prose may write it: 1048576, 1_048_576, and for seconds also as milliseconds. */
function numberForms(value: number): RegExp[] {
  const grouped = value.toLocaleString('en-US').replaceAll(',', '_');
  return [new RegExp(`(?<![\\w.])(?:${value}|${grouped})(?![\\w])`)];
}

const quoted = (text: string) => new RegExp(`['"\`]${text}['"\`]`);
const paginated = actionNames.filter((action) => actions[action].paginated);

const facts: { fact: string; forms: RegExp[] }[] = [
  { fact: 'the body limit (protocol.maxBodyBytes)', forms: [...numberForms(protocol.maxBodyBytes), /1024\s*\*\s*1024/, /\b1\s?MB\b/, /\b1\s?MiB\b/] },
  {
    fact: 'the BytedToken lifetime (protocol.bytedTokenLifetimeSeconds)',
    forms: [...numberForms(protocol.bytedTokenLifetimeSeconds), ...numberForms(protocol.bytedTokenLifetimeSeconds * 1000)],
  },
  { fact: 'the group quota (protocol.activeGroupQuota)', forms: numberForms(protocol.activeGroupQuota) },
  { fact: 'the endpoint (protocol.endpoint)', forms: [quoted(protocol.endpoint)] },
  { fact: 'the asset quota (protocol.assetQuota)', forms: numberForms(protocol.assetQuota) },
  ...Object.entries(errorCodes as Record<string, { status: number; codeN?: number }>).flatMap(([code, { codeN }]) => (codeN === undefined ? [] : [{ fact: `the CodeN of ${code} (errorCodes)`, forms: numberForms(codeN) }])),
  ...Object.entries(livenessResultCodes).map(([name, value]) => ({ fact: `the liveness resultCode ${name} (livenessResultCodes)`, forms: [quoted(value), new RegExp(`resultCode=${value}`)] })),
  ...Object.values(fileExtensions)
    .flat()
    .map((extension) => ({ fact: `the file extension ${extension} (fileExtensions)`, forms: [quoted(extension)] })),
  { fact: 'which Actions are paginated (actions[A].paginated)', forms: [new RegExp(paginated.map((action) => `'${action}'`).join('\\s*\\|\\s*')), new RegExp([...paginated].reverse().map((action) => `'${action}'`).join('\\s*\\|\\s*'))] },
  { fact: 'which Actions create resources (actions[A].createsResource)', forms: [/startsWith\(\s*['"]Create/] },
];

async function sourceFiles(): Promise<string[]> {
  const entries = await readdir(sourceDir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Every `file:line` where one of `forms` appears. */
function findForms(files: Map<string, string>, forms: RegExp[]): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    text.split('\n').forEach((line, index) => {
      if (forms.some((form) => form.test(line))) found.push(`${relative(projectRoot, file)}:${index + 1}: ${line.trim()}`);
    });
  }
  return found;
}

const files = new Map(await Promise.all((await sourceFiles()).map(async (file) => [file, await readFile(file, 'utf8')] as const)));

describe('no known protocol fact is written as a literal in src/', () => {
  it('reads every source file', () => {
    expect(files.size).toBeGreaterThan(50);
  });

  it.each(facts)('$fact', ({ forms }) => {
    expect(findForms(files, forms)).toEqual([]);
  });
});

describe('the search finds what it looks for', () => {
  // Written as the drift this test exists for: the forms must match them, or the test above proves nothing.
  it.each([
    ['const maxBodyBytes = 1024 * 1024;', 0],
    ['export const sessionLifetimeMs = 120_000;', 1],
    ["const resultCodes = { passed: '10000' };", facts.findIndex((fact) => fact.fact.includes('Passed'))],
    ["Image: ['jpg', 'jpeg']", facts.findIndex((fact) => fact.fact.includes('extension jpg'))],
    ["type ListAction = 'ListAssets' | 'ListAssetGroups';", facts.findIndex((fact) => fact.fact.includes('paginated'))],
    ["const creates = action.startsWith('Create');", facts.length - 1],
    ['CodeN: 100008', facts.findIndex((fact) => fact.fact.includes('InvalidActionOrVersion'))],
    ['groupQuota: config.groupQuota ?? 50,', facts.findIndex((fact) => fact.fact.includes('group quota'))],
  ])('%s', (line, index) => {
    const fact = facts[index];
    expect(fact).toBeDefined();
    expect(findForms(new Map([['src/example.ts', line]]), fact?.forms ?? [])).toHaveLength(1);
  });
});
