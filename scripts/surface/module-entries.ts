// The package's module entries, read from package.json's `exports`: each specifier, under each
// condition that gives it types of its own (the emulator's `browser`), with the source file those
// types are built from. The JSON entries (`./spec`, `./spec/*.json`) are data, not modules: the
// document's views, which `npm run generate` and `npm run check:breaking` keep.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ModuleEntry {
  /** What a user imports, with the condition when it is not the default: `@portrait-api/toolkit/emulator (browser)`. */
  name: string;
  /** The report's file name under api/: `emulator.browser.api.md`. */
  reportFile: string;
  /** The file the entry's types are built from, relative to the root: `src/emulator/portable.ts`. */
  source: string;
}

type Target = string | null | { [condition: string]: Target };

export function moduleEntries(root: string): ModuleEntry[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, Target> };
  const unscopedName = manifest.name.replace(/^@[^/]+\//, '');
  return Object.entries(manifest.exports).flatMap(([subpath, target]) =>
    typesByCondition(target).map(({ conditions, types }) => {
      const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
      const slug = subpath === '.' ? unscopedName : subpath.slice(2).replaceAll('/', '-');
      return {
        name: conditions.length > 0 ? `${specifier} (${conditions.join(', ')})` : specifier,
        reportFile: [slug, ...conditions, 'api.md'].join('.'),
        source: sourceOf(root, types),
      };
    }),
  );
}

/** Every `types` target under `target`, with the conditions that lead to it (none for the default). */
function typesByCondition(target: Target, conditions: string[] = []): { conditions: string[]; types: string }[] {
  if (typeof target !== 'object' || target === null) return [];
  return Object.entries(target).flatMap(([condition, inner]) =>
    condition === 'types' && typeof inner === 'string' ? [{ conditions, types: inner }] : typesByCondition(inner, condition === 'default' ? conditions : [...conditions, condition]),
  );
}

/** `./dist/src/mock/index.d.ts` -> `src/mock/index.ts`; a hand-made declaration file (`generated/schema.d.ts`) is its own source. */
function sourceOf(root: string, types: string): string {
  const built = types.replace(/^\.\/dist\//, '');
  const compiled = built.replace(/\.d\.ts$/, '.ts');
  return existsSync(join(root, compiled)) ? compiled : built;
}
