// Builds the commands once a run, as esbuild bundles of src/cli and scripts/start.ts, so that the
// tests spawn plain JavaScript: through tsx each start compiles the TypeScript again (about 1 CPU s a spawn against
// 0.3, and the command tests spawn about 40). The bundles sit in a temporary directory beside a
// link to this project's node_modules, so their packages (Prism, ajv) resolve as they do from dist/.
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../../scripts/project-root.js';

/** The bins, from src/cli/<name>.ts, and `npm start`'s script, scripts/start.ts. */
const entries = {
  'portrait-emulator': 'src/cli/portrait-emulator.ts',
  'portrait-mock': 'src/cli/portrait-mock.ts',
  'portrait-contract': 'src/cli/portrait-contract.ts',
  start: 'scripts/start.ts',
} as const;

/** The bundle of each command, by its bin name (`start` for `npm start`). */
export type BuiltCommands = Record<keyof typeof entries, string>;

declare module 'vitest' {
  export interface ProvidedContext {
    builtCommands: BuiltCommands;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outdir = await mkdtemp(join(tmpdir(), 'portrait-commands-'));
  const remove = () => rm(outdir, { recursive: true, force: true });
  try {
    await symlink(join(projectRoot, 'node_modules'), join(outdir, 'node_modules'), 'dir');
    await build({
      entryPoints: Object.fromEntries(Object.entries(entries).map(([name, source]) => [name, join(projectRoot, source)])),
      outdir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      // As in dist/: what a command imports when it needs it (the checks, Prism) loads then, not at its start.
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
  } catch (error) {
    await remove();
    throw error;
  }
  project.provide('builtCommands', Object.fromEntries(Object.keys(entries).map((name) => [name, join(outdir, `${name}.js`)])) as BuiltCommands);
  return remove;
}
