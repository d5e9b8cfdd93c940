// When `npm start` rebuilds the site: a page missing, or the document newer than the pages.
import { copyFile, mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite, defaultSpecPath, siteIsStale } from '../../scripts/site/index.js';

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'portrait-site-stale-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

it('is stale until built, fresh after, and stale again when the document changes or a page goes', async () => {
  const specPath = join(workDir, 'portrait.openapi.json');
  const siteDir = join(workDir, 'site');
  await copyFile(defaultSpecPath, specPath);
  const past = new Date(Date.now() - 60_000);
  await utimes(specPath, past, past);
  expect(await siteIsStale({ specPath, siteDir })).toBe(true);

  const files = await buildSite({ specPath, siteDir });
  expect(await siteIsStale({ specPath, siteDir })).toBe(false);
  // The reference docs mark what the document assumes, and list it all in their introduction.
  expect(await readFile(files.docs, 'utf8')).toContain('## What the document assumes');

  const future = new Date(Date.now() + 60_000);
  await utimes(specPath, future, future);
  expect(await siteIsStale({ specPath, siteDir })).toBe(true);

  await utimes(specPath, past, past);
  expect(await siteIsStale({ specPath, siteDir })).toBe(false);
  await rm(files.try);
  expect(await siteIsStale({ specPath, siteDir })).toBe(true);
}, 60_000);
