// The README is for the people who use the package: at most 300 lines, the quick start on the
// first screen, and the sections they look for in the order they need them. Depth goes to docs/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const lines = readme.split('\n');

it('stays within 300 lines, with the quick start in the first 40', () => {
  expect(lines.length).toBeLessThanOrEqual(300);
  expect(lines.indexOf('## Quick start')).toBeGreaterThan(0);
  expect(lines.indexOf('## Quick start')).toBeLessThan(40);
});

it('has the sections a user looks for, in order, each in the table of contents', () => {
  const sections = lines.filter((line) => line.startsWith('## ')).map((line) => line.slice(3));
  expect(sections).toEqual([
    'Install',
    'Quick start',
    'What the package holds',
    'Errors',
    'Retries and timeouts',
    'Paging and waiting',
    'Testing with the emulator',
    'Contract checks in CI',
    'Working on this repository',
    'More',
  ]);
  for (const section of sections) expect(readme).toContain(`[${section}](#${section.toLowerCase().replace(/ /g, '-')})`);
});
