// The package test's projects must resolve only what they installed: createConsumer refuses a
// project with a node_modules above it before anything is installed there.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packagesAbove } from './packages-above.js';

describe('a node_modules above a test project', () => {
  const made: string[] = [];
  const freshDirectory = async () => {
    const directory = await mkdtemp(join(tmpdir(), 'portrait-above-'));
    made.push(directory);
    return directory;
  };
  afterEach(async () => {
    await Promise.all(made.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
  });

  it('is found, however far up, and the project\'s own does not count', async () => {
    const base = await freshDirectory();
    const project = join(base, 'work', 'registry', 'lean');
    await mkdir(join(project, 'node_modules'), { recursive: true });
    expect(await packagesAbove(project)).toBeUndefined();
    await mkdir(join(base, 'node_modules'));
    expect(await packagesAbove(project)).toBe(join(base, 'node_modules'));
  });

  it('is none above a fresh temporary directory, where the package test makes its projects', async () => {
    expect(await packagesAbove(join(await freshDirectory(), 'lean'))).toBeUndefined();
  });
});
