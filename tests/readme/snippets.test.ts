// Every ```ts block of the README, CONTRIBUTING.md and docs/ compiles against the project as it is,
// the package's own names resolving to the sources, with TypeScript 7 (compile-snippets.ts). A
// block that uses `client` without creating it gets one declared.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { compileErrors, typeScriptBlocks } from './compile-snippets.js';

const pages = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(projectRoot, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];
const blocks = pages.flatMap((page) =>
  typeScriptBlocks(readFileSync(join(projectRoot, page), 'utf8')).map((code, i) => ({ name: `${page.replace(/\W/g, '-')}.snippet-${i}.ts`, code })),
);
const clientPrelude = "import type { PortraitClient as ReadmeClient } from '@portrait-api/toolkit';\ndeclare const client: ReadmeClient;\n";

it('finds the snippets of the README and of docs/', () => {
  expect(blocks.filter((block) => block.name.startsWith('README')).length).toBeGreaterThanOrEqual(5);
  expect(blocks.filter((block) => block.name.startsWith('docs')).length).toBeGreaterThanOrEqual(4);
});

it('compiles every TypeScript snippet of the README and of docs/', async () => {
  const sources = new Map(
    blocks.map(({ name, code }) => {
      const needsClient = /\bclient\b/.test(code) && !/const client\b/.test(code);
      return [name, `${needsClient ? clientPrelude : ''}${code}\nexport {};\n`];
    }),
  );
  expect(await compileErrors(sources)).toEqual([]);
}, 120_000);

it('names the snippet and line of an error', async () => {
  const errors = await compileErrors(new Map([['README-md.snippet-9.ts', "import { createPortraitClient } from '@portrait-api/toolkit';\nconst port: number = createPortraitClient;\nexport {};\n"]]));
  expect(errors).toEqual([expect.stringMatching(/^\/README-md\.snippet-9\.ts:2 TS2322: /)]);
});
