// Every ```ts block of the README compiles against the project as it is, the package's own names
// resolving to the sources. A block that uses `client` without creating it gets one declared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { compileErrors, typeScriptBlocks } from './compile-snippets.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const blocks = typeScriptBlocks(readme);
const clientPrelude = "import type { PortraitClient as ReadmeClient } from '@portrait-api/toolkit';\ndeclare const client: ReadmeClient;\n";

it('finds the README snippets', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(7);
});

it('compiles every TypeScript snippet of the README', () => {
  const sources = new Map(
    blocks.map((block, i) => {
      const needsClient = /\bclient\b/.test(block) && !/const client\b/.test(block);
      return [join(projectRoot, `README.snippet-${i}.ts`), `${needsClient ? clientPrelude : ''}${block}\nexport {};\n`];
    }),
  );
  expect(compileErrors(sources)).toEqual([]);
}, 60_000);
