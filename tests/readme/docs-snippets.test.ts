// Every ```ts block of the pages in docs/ compiles against the project as it is, the package's
// own names resolving to the sources, as the README's do (snippets.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { compileErrors, typeScriptBlocks } from './compile-snippets.js';

const docsDir = join(projectRoot, 'docs');
const pages = readdirSync(docsDir).filter((name) => name.endsWith('.md'));
const snippets = pages.flatMap((page) => typeScriptBlocks(readFileSync(join(docsDir, page), 'utf8')).map((block, i) => ({ page, i, block })));

it('finds the snippets of the browser testing page', () => {
  expect(snippets.filter(({ page }) => page === 'testing-in-the-browser.md').length).toBeGreaterThanOrEqual(3);
});

it('compiles every TypeScript snippet of docs/', () => {
  const sources = new Map(snippets.map(({ page, i, block }) => [join(docsDir, `${page}.snippet-${i}.ts`), `${block}\nexport {};\n`]));
  expect(compileErrors(sources)).toEqual([]);
}, 60_000);
