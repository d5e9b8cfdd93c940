// Builds the commands once a run, as esbuild bundles of src/cli, so that the tests spawn plain
// JavaScript: through tsx each start compiles the TypeScript again (about 1 CPU s a spawn against
// 0.3, and the command tests spawn about 40). The bundles sit in a temporary directory beside a
// link to this project's node_modules, so their packages (Prism, ajv) resolve as they do from dist/.
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../../scripts/project-root.js';

export const builtCommandNames = ['portrait-emulator', 'portrait-mock', 'portrait-contract'] as const;

/** The bundle of each command, by its bin name. */
export type BuiltCommands = Record<(typeof builtCommandNames)[number], string>;

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
      entryPoints: builtCommandNames.map((name) => join(projectRoot, 'src', 'cli', `${name}.ts`)),
      outdir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
  } catch (error) {
    await remove();
    throw error;
  }
  project.provide('builtCommands', Object.fromEntries(builtCommandNames.map((name) => [name, join(outdir, `${name}.js`)])) as BuiltCommands);
  return remove;
}
