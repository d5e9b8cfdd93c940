// When `npm start` rebuilds the site: a page missing, or the document newer than the pages. The
// pages are the run's shared build (tests/browser/shared-site.ts), copied: a build costs seconds
// of CPU, and the browser tests make one anyway.
import { cp, copyFile, mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultSpecPath, sitePages, siteIsStale, type SitePage } from '../../scripts/site/index.js';
import { sharedSite } from '../browser/shared-site.js';

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'portrait-site-stale-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

it('is stale until built, fresh once built, and stale again when the document changes or a page goes', async () => {
  const specPath = join(workDir, 'portrait.openapi.json');
  const siteDir = join(workDir, 'site');
  await copyFile(defaultSpecPath, specPath);
  const past = new Date(Date.now() - 60_000);
  await utimes(specPath, past, past);
  expect(await siteIsStale({ specPath, siteDir })).toBe(true);

  await cp(await sharedSite(), siteDir, { recursive: true });
  const files = Object.fromEntries(Object.entries(sitePages).map(([page, file]) => [page, join(siteDir, file)])) as Record<SitePage, string>;
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
