// The README's quick start, run as written against the mock.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../../src/codegen/generate.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const quickStart = /### Quick start[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock.close());

it('creates a group, adds an asset, waits until Active and prints its asset:// URI', async () => {
  expect(quickStart).toContain('waitUntilAssetActive');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', quickStart], {
    cwd: projectRoot,
    env: { ...process.env, PORTRAIT_API_KEY: 'demo-key', PORTRAIT_BASE_URL: mock.url },
    timeout: 30_000,
  });
  expect(stdout).toMatch(/^asset:\/\/asset-20260318035710-xxxxx [0-9A-F]{32}\n$/);
}, 40_000);
