// The commands the README, CONTRIBUTING.md and docs/ give run bins as installed or pinned to a
// version: a bare `npx portrait-contract` (or `npx tsc`) on a machine without the package asks the
// registry for whatever package holds that name. `npm run test:package` runs the recipes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';

const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
const pages = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(projectRoot, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];
const text = new Map(pages.map((page) => [page, readFileSync(join(projectRoot, page), 'utf8')]));
const bins = Object.keys(manifest.bin).join('|');

/** Each line of `pages` that matches `pattern`, as `page: line`. */
function linesMatching(pattern: RegExp): string[] {
  return [...text].flatMap(([page, content]) => content.split('\n').filter((line) => pattern.test(line)).map((line) => `${page}: ${line.trim()}`));
}

it('runs a bin only through `npx --no-install` or `npm exec --package=<name>@<version>`', () => {
  expect(linesMatching(new RegExp(`\\b(${bins})\\b`)).length).toBeGreaterThanOrEqual(8);
  const bare = /\bnpx\s+(?!--no-install\b)/;
  const unpinned = new RegExp(`npm exec (?!--package=${manifest.name.replace('/', '\\/')}@)`);
  expect(linesMatching(bare).filter((line) => !line.includes('never as a bare'))).toEqual([]);
  expect(linesMatching(unpinned)).toEqual([]);
});

it(`pins the package at this version, ${manifest.version}, wherever a page names a version`, () => {
  const pinned = [...[...text.values()].join('\n').matchAll(new RegExp(`${manifest.name}@(\\d[^\\s\`'"]*)`, 'g'))].map((match) => match[1]);
  expect(pinned.length).toBeGreaterThanOrEqual(4);
  expect(new Set(pinned)).toEqual(new Set([manifest.version]));
  const tarballs = [...[...text.values()].join('\n').matchAll(/portrait-api-toolkit-(\d[^\s`]*)\.tgz/g)].map((match) => match[1]);
  expect(new Set(tarballs)).toEqual(new Set([manifest.version]));
});
