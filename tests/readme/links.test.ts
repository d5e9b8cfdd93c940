// Every link between the README, CONTRIBUTING.md and docs/ leads somewhere: the file exists, and
// the heading an anchor names is there, slugged as GitHub and npm's site slug it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';

const pages = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(projectRoot, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];

function slugs(page: string): Set<string> {
  const text = readFileSync(join(projectRoot, page), 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set(
    [...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) =>
      (match[1] ?? '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

it('links only to files and headings that exist', () => {
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    const text = readFileSync(join(projectRoot, page), 'utf8').replace(/```[\s\S]*?```/g, '');
    for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      checked += 1;
      const [path = '', anchor] = target.split('#');
      const file = path ? normalize(join(dirname(page), path)) : page;
      if (!existsSync(join(projectRoot, file))) broken.push(`${page}: ${target} (no ${file})`);
      else if (anchor && file.endsWith('.md') && !slugs(file).has(anchor)) broken.push(`${page}: ${target} (no heading #${anchor} in ${file})`);
    }
  }
  expect(checked).toBeGreaterThanOrEqual(20);
  expect(broken).toEqual([]);
});

it('ships every page the README links to', () => {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { files: string[] };
  const shipped = (file: string) => manifest.files.some((pattern) => pattern === file || (pattern.endsWith('/*.md') && dirname(file) === pattern.slice(0, -5) && file.endsWith('.md')));
  const linked = [...readFileSync(join(projectRoot, 'README.md'), 'utf8').matchAll(/\]\(([^)#:\s]+)(?:#[^)]*)?\)/g)].map((match) => normalize(match[1] ?? ''));
  expect(linked.length).toBeGreaterThanOrEqual(8);
  expect(linked.filter((file) => !shipped(file))).toEqual([]);
});
