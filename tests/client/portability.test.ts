// The client runs in browsers too: nothing it imports, directly or not, may be a Node built-in,
// and it must not pull in the validators (AJV and the whole document).
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../src/client/index.ts', import.meta.url));

async function importGraph(file: string, seen = new Map<string, string[]>()): Promise<Map<string, string[]>> {
  if (seen.has(file)) return seen;
  const source = await readFile(file, 'utf8');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
  seen.set(file, specifiers);
  for (const specifier of specifiers.filter((s) => s.startsWith('.'))) {
    await importGraph(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

it('imports no Node built-in and no validator, directly or not', async () => {
  const graph = await importGraph(entry);
  const files = [...graph.keys()].map((f) => f.replace(/.*\/(src|generated)\//, '$1/'));
  expect(files).toContain('src/client/client.ts');
  expect(files).toContain('generated/protocol.ts');
  const external = [...graph.values()].flat().filter((s) => !s.startsWith('.'));
  expect(external.filter((s) => s.startsWith('node:') || ['fs', 'path', 'http', 'https', 'crypto'].includes(s))).toEqual([]);
  expect(new Set(external)).toEqual(new Set(['openapi-fetch']));
  expect(files.filter((f) => f.includes('validators') || f.endsWith('.json'))).toEqual([]);
});
