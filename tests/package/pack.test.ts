// The package as another team gets it: `npm pack` (its prepack builds dist/), installed into a
// fresh consumer project, type-checked strictly under nodenext and run with plain node. Also the
// size budget and publint/attw, which read the same dist/ and tarball. This is the suite's one
// slow file (about half a minute); everything touching dist/ lives here, in order, so nothing races on it.
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
// The bins start with `#!/usr/bin/env node`: make sure that finds this same node.
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };

let work: string;
let consumer: string;
let tarball: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'portrait-pack-'));
  consumer = join(work, 'consumer');
  await run('npm', ['pack', '--pack-destination', work], { cwd: root, env, timeout: 120_000 });
  const packed = (await readdir(work)).filter((name) => name.endsWith('.tgz'));
  expect(packed).toHaveLength(1);
  tarball = join(work, packed[0] ?? '');
}, 150_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the built package', () => {
  it('keeps the client within its gzip budget, and the types entry at 0 bytes', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/size.ts'], { cwd: root, env, timeout: 60_000 });
    expect(stdout).toMatch(/^client \(portrait-api-toolkit\): [\d,]+ B minified, [\d,]+ B gzipped; budget [\d,]+ B gzipped$/m);
    expect(stdout).toContain('types (portrait-api-toolkit/types): 0 B\n');
  }, 60_000);

  it('installs, type-checks and runs in a strict nodenext consumer', async () => {
    await mkdirConsumer();
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, 'typescript@5.9.3'], {
      cwd: consumer,
      env,
      timeout: 180_000,
    });

    const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    await run(process.execPath, [tsc, '-p', '.'], { cwd: consumer, env, timeout: 60_000 }).catch((error: { stdout?: string }) => {
      throw new Error(`the consumer does not type-check:\n${error.stdout ?? String(error)}`);
    });

    const { stdout } = await run(process.execPath, ['out/consumer.js'], { cwd: consumer, env, timeout: 30_000 });
    expect(stdout).toMatch(/^asset-[0-9A-Za-z_-]+ Processing\nspec 3\.1\.\d+ 2024-01-01\n$/);
  }, 240_000);

  it('resolves portrait-api-toolkit/types to an empty module', async () => {
    const probe = [
      `const url = import.meta.resolve('portrait-api-toolkit/types');`,
      `const text = (await import('node:fs')).readFileSync(new URL(url), 'utf8');`,
      `const module = await import('portrait-api-toolkit/types');`,
      `console.log(JSON.stringify({ file: url.split('/portrait-api-toolkit/')[1], text, keys: Object.keys(module) }));`,
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', probe], { cwd: consumer, env, timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual({ file: 'dist/generated/schema.js', text: 'export {};\n', keys: [] });
  }, 30_000);

  it('ships the bins: portrait-contract prints its usage, portrait-emulator listens', async () => {
    const bin = (name: string) => join(consumer, 'node_modules', '.bin', name);

    const contract = await run(bin('portrait-contract'), [], { cwd: consumer, env, timeout: 30_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }),
    );
    expect(contract.code).toBe(2);
    expect(contract.stderr).toMatch(/^Usage: .*--base-url <url> --api-key <key>/);

    const emulator = spawn(bin('portrait-emulator'), ['--port', '0'], { cwd: consumer, env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`no listening line in 20 s: ${output}`)), 20_000);
        emulator.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          const found = /^Portrait emulator listening on http:\/\/127\.0\.0\.1:\d+$/m.exec(output);
          if (found) {
            clearTimeout(timer);
            resolve(found[0]);
          }
        });
        emulator.once('exit', (code) => reject(new Error(`portrait-emulator exited with ${code}: ${output}`)));
      });
      expect(line).toMatch(/listening on http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    } finally {
      const exited = new Promise((resolve) => emulator.once('exit', resolve));
      emulator.kill('SIGTERM');
      await exited;
    }
  }, 40_000);

  // The checks of `npm run check:package`, on the tarball above rather than on two more packs.
  it('passes publint and arethetypeswrong', async () => {
    const bin = (name: string) => join(root, 'node_modules/.bin', name);
    const publint = await run(bin('publint'), ['run', tarball, '--strict'], { cwd: root, env, timeout: 60_000 });
    expect(publint.stdout).toContain('All good!');
    const attw = await run(bin('attw'), [tarball, '--profile', 'esm-only'], { cwd: root, env, timeout: 60_000 });
    expect(publint.stdout).not.toMatch(/Suggestions|Warnings|Errors/);
    // attw exits non-zero on a problem; what it still prints as a problem must be in a mode the
    // esm-only profile ignores (CommonJS and node10 resolution of an ESM-only package).
    const flagged = attw.stdout.split('\n').filter((line) => /💀|⚠️|❌/.test(line));
    expect(flagged.filter((line) => !line.includes('(ignored'))).toEqual([]);
    expect(attw.stdout.match(/node16 \(from ESM\): 🟢/g)?.length).toBeGreaterThanOrEqual(7);
  }, 120_000);
});

async function mkdirConsumer(): Promise<void> {
  await mkdir(consumer, { recursive: true });
  await writeFile(join(consumer, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
  await writeFile(
    join(consumer, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          // The package's declarations are checked too, not skipped.
          skipLibCheck: false,
          resolveJsonModule: true,
          types: [],
          outDir: 'out',
        },
        files: ['consumer.ts'],
      },
      null,
      2,
    )}\n`,
  );
  await writeFile(join(consumer, 'consumer.ts'), consumerSource);
}

// A consumer: types only from /types, the client from the root, the emulator from /emulator, and
// the OpenAPI document itself from /spec.
const consumerSource = `import type { components, paths } from 'portrait-api-toolkit/types';
import { createPortraitClient } from 'portrait-api-toolkit';
import { startEmulator } from 'portrait-api-toolkit/emulator';
import spec from 'portrait-api-toolkit/spec' with { type: 'json' };

type AssetItem = components['schemas']['AssetItem'];
export const getAssetPath: keyof paths = '/portrait/?Action=GetAsset&Version=2024-01-01';
// @ts-expect-error The generated types are real, not any: this is no GroupType.
export const wrong: components['schemas']['GroupType'] = 'Human';

const emulator = await startEmulator({ port: 0, processingDelayMs: 60_000 });
try {
  const client = createPortraitClient({ apiKey: 'demo-key', baseUrl: emulator.url });
  const group = await client.createAssetGroup({ GroupType: 'AIGC', Name: 'packed', Description: 'From the tarball' });
  const { Id } = await client.createAsset({ GroupId: group.Id, URL: 'https://example.com/portrait.png', AssetType: 'Image' });
  const asset: AssetItem = await client.getAsset({ Id });
  console.log(asset.Id, asset.Status);
  console.log('spec', spec.openapi, spec.info.version);
} finally {
  await emulator.close();
}
`;
