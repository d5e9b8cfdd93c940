// The shape of src/ a newcomer relies on: no module imports itself back through others (type
// imports included, as a cycle of types is still a knot to untie), src/ never reaches into
// scripts/ or tests/, the emulator's layers point one way: model <- actions <- http, and the
// MSW handlers (src/msw) sit on the emulator, which never needs them. src/spec-validators is an
// entry only: it picks from the protocol what users get, and no code of ours goes through it.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';

const sourceDir = join(projectRoot, 'src');

async function importGraph(): Promise<Map<string, string[]>> {
  const entries = await readdir(sourceDir, { recursive: true, withFileTypes: true });
  const graph = new Map<string, string[]>();
  for (const entry of entries.filter((item) => item.isFile() && item.name.endsWith('.ts'))) {
    const file = join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    const targets = [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)].map((match) =>
      relative(projectRoot, resolve(dirname(file), (match[1] ?? '').replace(/\.js$/, '.ts'))),
    );
    graph.set(relative(projectRoot, file), targets);
  }
  return graph;
}

/** Every cycle, each as the files around it, found by depth-first search. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      found.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    state.set(file, 'open');
    path.push(file);
    for (const target of graph.get(file) ?? []) visit(target);
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

const graph = await importGraph();
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));

describe('src/ imports', () => {
  it('read the whole tree', () => {
    expect(graph.size).toBeGreaterThan(50);
  });

  it('form no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('never reach scripts/ or tests/', () => {
    expect(edges.filter(({ to }) => !to.startsWith('src/') && !to.startsWith('generated/'))).toEqual([]);
  });

  it.each([
    ['src/emulator/model/', ['src/emulator/actions/', 'src/emulator/http/']],
    ['src/emulator/actions/', ['src/emulator/http/']],
    ['src/server/', ['src/emulator/', 'src/mock/', 'src/msw/']],
    ['src/protocol/', ['src/client/', 'src/emulator/', 'src/mock/', 'src/server/', 'src/contract/', 'src/msw/']],
    ['src/emulator/', ['src/msw/']],
    ['src/client/', ['src/msw/']],
    ['src/msw/', ['src/client/', 'src/mock/', 'src/contract/', 'src/cli/']],
    ['src/spec-validators/', ['src/client/', 'src/emulator/', 'src/mock/', 'src/server/', 'src/contract/', 'src/msw/', 'src/cli/']],
  ])('from %s never reach %j', (from, forbidden) => {
    expect(edges.filter((edge) => edge.from.startsWith(from) && forbidden.some((prefix) => edge.to.startsWith(prefix)))).toEqual([]);
  });

  it('leave the validators\' entry to users: no other module imports it', () => {
    expect(edges.filter(({ from, to }) => to.startsWith('src/spec-validators/') && !from.startsWith('src/spec-validators/'))).toEqual([]);
  });
});

describe('the cycle search', () => {
  it('finds a cycle of two', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['a']]]))).toEqual([['a', 'b', 'a']]);
  });
});
