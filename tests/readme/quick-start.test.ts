// The README's quick start, run as written against the emulator.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../../src/codegen/generate.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { withSourceImports } from './package-sources.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const quickStart = withSourceImports(/### Quick start[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '');

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, processingDelayMs: 0 });
});
afterAll(() => emulator.close());

it('creates a group, adds an asset, waits until Active and prints its asset:// URI', async () => {
  expect(quickStart).toContain('waitUntilAssetActive');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', quickStart], {
    cwd: projectRoot,
    env: { ...process.env, PORTRAIT_API_KEY: 'demo-key', PORTRAIT_BASE_URL: emulator.url },
    timeout: 30_000,
  });
  expect(stdout).toMatch(/^asset:\/\/asset-\d{14}-[0-9a-z]{5} [0-9A-F]{32}\n$/);
}, 40_000);
