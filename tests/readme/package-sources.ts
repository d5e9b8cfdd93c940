// The README imports the package by name, as another team would. These tests check it against
// the sources, so this maps each entry of package.json's own exports map to its source file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/project-root.js';

type Target = string | { types?: string; default?: string };
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string; exports: Record<string, Target> };

/** `@portrait-api/toolkit/emulator` -> `./src/emulator/index.ts`, for every export but package.json. */
export const packageSources: Record<string, string> = Object.fromEntries(
  Object.entries(manifest.exports)
    .filter(([entry]) => entry !== './package.json')
    .map(([entry, target]) => {
      const built = typeof target === 'string' ? target : (target.types ?? target.default ?? '');
      const source = built.replace(/^\.\/dist\//, './').replace(/^(\.\/src\/.*)\.d\.ts$/, '$1.ts');
      return [entry === '.' ? manifest.name : `${manifest.name}/${entry.slice(2)}`, source];
    }),
);

/** `code` with every import of the package pointed at its source file, by absolute path, so tsx can run it from anywhere. */
export function withSourceImports(code: string): string {
  return code.replace(/from '([^']+)'/g, (whole, specifier: string) => {
    const source = packageSources[specifier];
    return source ? `from '${join(projectRoot, source)}'` : whole;
  });
}
