// The package as other teams get it: packed once (its prepack builds dist/), checked with publint
// and arethetypeswrong, published to a real registry (Verdaccio on 127.0.0.1), and installed from
// there into fresh `npm init -y` projects: one measured for its footprint, one left CommonJS and
// one made an ES module, where the README's quick start is set up, type-checked and run as written
// against `npx portrait-emulator`, and the README's contract job judges one. This
// Node's npm installs each project once; `npm run test:node -- 22 24` runs the part that depends
// on Node (the bins, the quick starts, the contract checks, the mock with Prism) on those Nodes too,
// side by side, in the same projects.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { prismPackages } from '../../src/mock/prism-packages.js';
import { actionNames } from '../../src/protocol/index.js';
import { createConsumer, measureFootprint, nodeFirstOnPath, mustRun, runCommand, startCommand, startRecordingRegistry, startRegistry, type LocalRegistry } from './registry.js';

/**
 * What installing the package may add to an empty project. Raised from 10 packages and 6 MB when
 * fast-check (and its pure-rand) became a dependency: `--fuzz` and `--explore` generate and shrink
 * with it, about 1.8 MB on disk.
 */
const footprintBudget = { packages: 12, diskBytes: 8 * 1024 * 1024 };

// The checks run side by side once the projects are installed, most of them waiting on the
// commands they start (the emulator job on the document's rate limits): all of them at once, not
// vitest's 5.
vi.setConfig({ maxConcurrency: 40 });

const manifest = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
  exports: Record<string, unknown>;
  bin: Record<string, string>;
};
/** `@portrait-api/toolkit`, `@portrait-api/toolkit/types`, …: every entry but package.json and the views' pattern. */
const entries = Object.keys(manifest.exports)
  .filter((entry) => entry !== './package.json' && !entry.includes('*'))
  .map((entry) => (entry === '.' ? manifest.name : `${manifest.name}/${entry.slice(2)}`));
const readme = await readFile(join(projectRoot, 'README.md'), 'utf8');
const quickStart = readmeQuickStart(readme);
const recipes = ciRecipes(readme + (await readFile(join(projectRoot, 'docs/contract.md'), 'utf8')));

/** A Node the part that depends on Node runs on, and the environment that puts it first on PATH. */
interface NodeUnderTest {
  binary: string;
  version: string;
  /** npm, npx and the bins' `#!/usr/bin/env node` then run on it. */
  env: NodeJS.ProcessEnv;
}
/** The Node running this file, and those `npm run test:node` fetched (PORTRAIT_OTHER_NODES). */
const nodes: NodeUnderTest[] = [process.execPath, ...(process.env.PORTRAIT_OTHER_NODES ?? '').split(delimiter).filter(Boolean)].map((binary) => ({
  binary,
  version: execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim(),
  env: { PATH: nodeFirstOnPath(binary) },
}));

let work: string;
let tarball: string;
let registry: LocalRegistry | undefined;
/** A project that installed only the package. */
let lean: string;
/** A project that installed the package, then Prism as the mock's message says. */
let withPrism: string;
/** The README's quick start set up as written, in the project `npm init -y` makes and in an ES module one. */
const quickStarts: Record<ProjectKind, string> = { commonjs: '', module: '' };
type ProjectKind = 'commonjs' | 'module';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'portrait-registry-'));
  await mustRun('npm', ['pack', '--pack-destination', work], { cwd: projectRoot, timeoutMs: 150_000 });
  const packed = (await readdir(work)).filter((name) => name.endsWith('.tgz'));
  expect(packed).toHaveLength(1);
  tarball = join(work, packed[0] ?? '');
  registry = await startRegistry(join(work, 'registry'), manifest.name);
  await registry.publish(tarball, projectRoot);
  // Side by side: each install waits on the registry as much as it computes.
  [lean, withPrism, quickStarts.commonjs, quickStarts.module] = await Promise.all([
    installed(join(work, 'lean')),
    installed(join(work, 'with-prism'), ['install', '-D', ...prismPackages]),
    quickStartProject('commonjs'),
    quickStartProject('module'),
  ]);
}, 300_000);

/** A new project with the package installed, then `more` npm arguments run. */
async function installed(directory: string, ...more: string[][]): Promise<string> {
  const project = await createConsumer(directory, published());
  await mustRun('npm', ['install', manifest.name], { cwd: project, timeoutMs: 180_000 });
  for (const args of more) await mustRun('npm', args, { cwd: project, timeoutMs: 180_000 });
  return project;
}

/** The README's quick start set up as the README tells each kind of project to, its file written. */
async function quickStartProject(kind: ProjectKind): Promise<string> {
  const project = await createConsumer(join(work, kind), published());
  if (kind === 'module') await mustRun('npm', quickStart.esmSetup.slice(1), { cwd: project });
  for (const command of quickStart.setup) await mustRun('npm', command.slice(1), { cwd: project, timeoutMs: 180_000 });
  await writeFile(join(project, quickStartFile(kind)), quickStart.code);
  return project;
}

const quickStartFile = (kind: ProjectKind) => (kind === 'module' ? quickStart.esmFile : quickStart.file);

afterAll(async () => {
  await registry?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

function published(): LocalRegistry {
  if (!registry) throw new Error('the registry did not start');
  return registry;
}

// Side by side, as the part that depends on Node below: each check reads the projects, or starts what it needs.
describe.concurrent('the published package', () => {
  it("type-checks the README's quick start as written in both kinds of project, and with TypeScript 5.9 in the ES module one", async ({ expect }) => {
    const typeCheck = (kind: ProjectKind) => quickStart.typeCheck.map((arg) => (arg === quickStart.file ? quickStartFile(kind) : arg));
    for (const kind of ['commonjs', 'module'] as const) {
      expect(JSON.parse(await readFile(join(quickStarts[kind], 'package.json'), 'utf8')).type).toBe(kind);
      const checked = await runCommand('npx', typeCheck(kind).slice(1), { cwd: quickStarts[kind] });
      expect(checked.stdout, `the quick start type-checks in the ${kind} project`).toBe('');
      expect(checked.code).toBe(0);
    }
    // Teams still on TypeScript 5.9 (this repository's own) compile it too.
    const older = [join(projectRoot, 'node_modules/typescript/bin/tsc'), ...typeCheck('module').slice(3)];
    // 14 CPU s, while every other check runs beside it: took 48 s once.
    expect((await runCommand(process.execPath, older, { cwd: quickStarts.module, timeoutMs: 240_000 })).stdout).toBe('');
  }, 300_000);

  it('is on the local registry at the version in package.json', async ({ expect }) => {
    const { stdout } = await mustRun('npm', ['view', manifest.name, 'version', '--registry', published().url], { cwd: work });
    expect(stdout.trim()).toBe(manifest.version);
  }, 60_000);

  it(`adds at most ${footprintBudget.packages} packages and ${footprintBudget.diskBytes / 1024 / 1024} MB to an empty project`, async ({ expect }) => {
    const footprint = await measureFootprint(join(lean, 'node_modules'));
    console.log(
      `installed footprint: ${footprint.packages} packages, ${(footprint.diskBytes / 1e6).toFixed(2)} MB on disk ` +
        `(${(footprint.fileBytes / 1e6).toFixed(2)} MB of files)`,
    );
    const prism = await measureFootprint(join(withPrism, 'node_modules'));
    console.log(`with Prism: ${prism.packages} packages, ${(prism.diskBytes / 1e6).toFixed(1)} MB on disk`);
    expect(footprint.packages).toBeGreaterThanOrEqual(1 + Object.keys(manifest.dependencies).length);
    expect(footprint.packages).toBeLessThanOrEqual(footprintBudget.packages);
    expect(footprint.diskBytes).toBeLessThanOrEqual(footprintBudget.diskBytes);
  }, 120_000);

  it('declares Prism, at the versions the mock asks for, and MSW as optional peers, developed with what they name', ({ expect }) => {
    const prism = Object.fromEntries(prismPackages.map((spec) => [spec.slice(0, spec.lastIndexOf('@')), spec.slice(spec.lastIndexOf('@') + 1)]));
    expect(manifest.peerDependencies).toEqual({ ...prism, msw: '^2.11.0' });
    expect(manifest.devDependencies.msw).toMatch(/^2\.(1[1-9]|[2-9]\d)\.\d+$/);
    for (const [name, version] of Object.entries(prism)) expect(manifest.devDependencies[name]).toBe(version);
    for (const name of Object.keys(manifest.peerDependencies)) {
      expect(manifest.peerDependenciesMeta[name]).toEqual({ optional: true });
      expect(manifest.dependencies[name]).toBeUndefined();
    }
  });

  it('ships the documentation of every client method in its declarations, for editors to show', async ({ expect }) => {
    const declarations = await readFile(join(lean, 'node_modules', manifest.name, 'dist/generated/client-methods.d.ts'), 'utf8');
    expect(declarations.match(/@see \{@link https:\/\/\S+\/docs\/#operation\/(\w+) \| \1 in the Portrait API docs\}/g)).toHaveLength(actionNames.length);
    expect(declarations).toContain('   * Create an AIGC portrait group\n');
  });

  // A machine without the package, whose .npmrc maps the scope to a registry that lacks it, and
  // whose default registry holds the bins' names as someone else's packages.
  it('fails with npm\'s 404 and fetches nothing where the registry lacks the package', async ({ expect }) => {
    const fallback = await startRecordingRegistry(Object.keys(manifest.bin));
    const team = await startRecordingRegistry();
    try {
      const project = join(work, 'without-the-package');
      await mkdir(project, { recursive: true });
      await writeFile(join(project, '.npmrc'), `registry=${fallback.url}\n${manifest.name.split('/')[0]}:registry=${team.url}\n`);
      const env = { npm_config_cache: join(work, 'empty-cache') };
      for (const recipe of [recipes.contractJob, recipes.emulatorJob]) {
        const run = await runCommand('npm', recipe.slice(1), { cwd: project, env });
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain(`404 Not Found - GET ${team.url}${manifest.name.replace('/', '%2f')}`);
        expect(run.stderr).toContain(`'${manifest.name}@${manifest.version}' could not be found`);
      }
      expect(fallback.requests).toEqual([]);
      expect(new Set(team.requests)).toEqual(new Set([`GET /${manifest.name.replace('/', '%2f')}`]));

      // The quick start's `npx --no-install`: the name's packument is read, no tarball, nothing run.
      const npx = await runCommand('npx', ['--no-install', 'portrait-emulator', '--version'], { cwd: project, env });
      expect(npx.code).not.toBe(0);
      expect(npx.stderr).toContain('npx canceled due to missing packages and no YES option: ["portrait-emulator@9.9.9"]');
      expect(fallback.requests).toEqual(['GET /portrait-emulator']);
    } finally {
      await fallback.close();
      await team.close();
    }
  }, 120_000);

  it('keeps the client within its gzip budget, and the types entry at 0 bytes', async ({ expect }) => {
    const { stdout } = await mustRun(process.execPath, ['--import', 'tsx', 'scripts/size.ts'], { cwd: projectRoot, timeoutMs: 60_000 });
    expect(stdout).toMatch(/^client \(@portrait-api\/toolkit\): [\d,]+ B minified, [\d,]+ B gzipped; budget [\d,]+ B gzipped$/m);
    expect(stdout).toContain('types (@portrait-api/toolkit/types): 0 B\n');
  }, 60_000);

  // The checks of `npm run check:package`, on the tarball that was published rather than on two more packs.

  it('passes publint and arethetypeswrong', async ({ expect }) => {
    const bin = (name: string) => join(projectRoot, 'node_modules/.bin', name);
    const publint = await mustRun(bin('publint'), ['run', tarball, '--strict'], { cwd: projectRoot, timeoutMs: 60_000 });
    expect(publint.stdout).toContain('All good!');
    expect(publint.stdout).not.toMatch(/Suggestions|Warnings|Errors/);
    const attw = await runCommand(bin('attw'), [tarball, '--profile', 'esm-only'], { cwd: projectRoot, timeoutMs: 60_000 });
    // attw exits non-zero on a problem; what it still prints as a problem must be in a mode the
    // esm-only profile ignores (CommonJS and node10 resolution of an ESM-only package).
    const flagged = attw.stdout.split('\n').filter((line) => /💀|⚠️|❌/.test(line));
    expect(flagged.filter((line) => !line.includes('(ignored'))).toEqual([]);
    expect(attw.stdout.match(/node16 \(from ESM\): 🟢/g)?.length).toBeGreaterThanOrEqual(7);
  }, 120_000);
});

// What depends on the Node that runs it, on each Node side by side (and within one, its checks side
// by side, each starting what it needs on a port of its own). What a check writes into a project
// (the contract job's JUnit file) goes into a directory of that Node's.
describe.concurrent.each(nodes.map((node) => [node.version, node] as const))('the published package on Node %s', (_version, node) => {
  /** A directory of this Node's in `project`, where npm finds the project as from its root. */
  const ownDirectory = async (project: string) => {
    const directory = join(project, node.version);
    await mkdir(directory, { recursive: true });
    return directory;
  };

  // First, as the longest: the job keeps the document's rate limits and waits on processing.
  it("runs the README's emulator job as written, offline once the package is installed", async ({ expect }) => {
    const here = await ownDirectory(lean);
    const job = await runCommand('npm', recipes.emulatorJob.slice(1), { cwd: here, env: { npm_config_offline: 'true', ...node.env }, timeoutMs: 180_000 });
    expect(job.stdout).toMatch(/\n28 passed, 0 failed, 0 skipped, 0 differ from assumptions against http:\/\/127\.0\.0\.1:\d+ in [\d.]+ s\n/);
    expect(job.code).toBe(0);
    expect(await readFile(join(here, 'contract.xml'), 'utf8')).toMatch(/<testsuite [^>]*tests="28" failures="0"/);
  }, 240_000);

  it('runs npm, npx and the bins on it', async ({ expect }) => {
    const { stdout } = await mustRun('npx', ['--yes', '--', 'node', '--version'], { cwd: work, env: node.env });
    expect(stdout.trim()).toBe(node.version);
  }, 120_000);

  it('names the exact install command when the mock is used without Prism, in one line', async ({ expect }) => {
    const command = `npm install -D ${prismPackages.join(' ')}`;

    const mock = await runCommand('npx', ['portrait-mock', '--port', '0'], { cwd: lean, env: node.env });
    expect(mock.code).toBe(1);
    expect(withoutNpmNotices(mock.stderr)).toBe(`The Portrait mock needs Prism, an optional peer dependency of @portrait-api/toolkit: ${command}\n`);

    const proxied = await runCommand('npx', ['portrait-contract', '--base-url', 'http://127.0.0.1:9', '--api-key', 'k', '--through-proxy'], { cwd: lean, env: node.env });
    expect(proxied.code).toBe(1);
    expect(withoutNpmNotices(proxied.stderr)).toBe(withoutNpmNotices(mock.stderr));

    const imported = await runCommand(
      node.binary,
      ['--input-type=module', '--eval', `import('@portrait-api/toolkit/mock').then((m) => m.startMock({ port: 0 })).catch((e) => console.log(e.name, e.message.endsWith(${JSON.stringify(command)})))`],
      { cwd: lean, env: node.env },
    );
    expect(imported.stdout).toBe('MissingPrismError true\n');
  }, 120_000);

  it('runs portrait-mock once the command it names has installed Prism', async ({ expect }) => {
    const mock = startCommand('npx', ['portrait-mock', '--port', '0'], withPrism, node.env);
    try {
      const [, url = ''] = await mock.waitFor(/Portrait mock listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
      const response = await fetch(`${url}/portrait/?Action=CreateAssetGroup&Version=2024-01-01`, {
        method: 'POST',
        headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' },
        body: JSON.stringify({ Name: 'avatar-001' }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { Result: { Id: string } }).Result.Id).toMatch(/^group-/);
    } finally {
      await mock.stop();
    }
  }, 240_000);

  it('resolves @portrait-api/toolkit/types to an empty module', async ({ expect }) => {
    const probe = [
      `const url = import.meta.resolve('@portrait-api/toolkit/types');`,
      `const text = (await import('node:fs')).readFileSync(new URL(url), 'utf8');`,
      `const module = await import('@portrait-api/toolkit/types');`,
      `console.log(JSON.stringify({ file: url.split('/@portrait-api/toolkit/')[1], text, keys: Object.keys(module) }));`,
    ].join('\n');
    const { stdout } = await mustRun(node.binary, ['--input-type=module', '--eval', probe], { cwd: lean, env: node.env });
    expect(JSON.parse(stdout)).toEqual({ file: 'dist/generated/schema.js', text: 'export {};\n', keys: [] });
  }, 120_000);

  it('resolves each generated view as @portrait-api/toolkit/spec/<file>', async ({ expect }) => {
    const views = (await readdir(join(projectRoot, 'generated'))).filter((file) => file.endsWith('.json'));
    const probe = [
      `const { readFileSync } = await import('node:fs');`,
      `const read = (file) => JSON.parse(readFileSync(new URL(import.meta.resolve('@portrait-api/toolkit/spec/' + file)), 'utf8'));`,
      `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(views)}.map((file) => [file, read(file).openapi]))));`,
    ].join('\n');
    const { stdout } = await mustRun(node.binary, ['--input-type=module', '--eval', probe], { cwd: lean, env: node.env });
    expect(JSON.parse(stdout)).toEqual({
      'portrait.openapi.json': '3.1.0',
      'portrait.single-endpoint.openapi.json': '3.1.0',
      'portrait.openapi.3.0.json': '3.0.3',
      'portrait.single-endpoint.openapi.3.0.json': '3.0.3',
    });
  }, 120_000);

  it('lets a CommonJS project require() every entry without a warning, and the MSW entry name what it needs', async ({ expect }) => {
    // require() of this ESM-only package works on every supported Node; the MSW entry's optional
    // peer is not installed here.
    const project = quickStarts.commonjs;
    const withPeers = entries.filter((entry) => entry !== `${manifest.name}/msw`);
    const script = `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(withPeers)}.map((e) => [e, Object.keys(require(e)).length]))))`;
    const required = await mustRun(node.binary, ['--eval', script], { cwd: project, env: node.env });
    expect(required.stderr).toBe('');
    const exportCounts = JSON.parse(required.stdout) as Record<string, number>;
    expect(Object.keys(exportCounts)).toEqual(withPeers);
    const withoutMsw = await runCommand(node.binary, ['--eval', `require('${manifest.name}/msw')`], { cwd: project, env: node.env });
    expect(withoutMsw.code).toBe(1);
    expect(withoutMsw.stderr).toContain("Cannot find package 'msw'");
    expect(Object.entries(exportCounts).filter(([, count]) => count === 0).map(([entry]) => entry)).toEqual([`${manifest.name}/types`]);
  }, 120_000);

  // The README's quick start as written, in the project `npm init -y` makes (CommonJS) and in an
  // ES module project, as the README tells each to do it.
  it.for(['commonjs', 'module'] as const)("runs the README's quick start in a %s project", { timeout: 240_000 }, async (kind, { expect }) => {
    const project = quickStarts[kind];
    const file = quickStartFile(kind);
    await withEmulator(project, async (url) => {
      const run = quickStart.run.map((arg) => (arg === quickStart.file ? file : arg));
      const ran = await mustRun('npx', run.slice(1), { cwd: project, env: { ...quickStart.runEnv, PORTRAIT_BASE_URL: url, ...node.env } });
      expect(ran.stdout).toMatch(/^asset:\/\/asset-\d{14}-[0-9a-z]{5} [0-9A-F]{32}\n$/);
    });
  });

  // The README's CI job, keys from the environment, and no rate limits on either side: --fuzz 20
  // within the liveness Actions' 3 a second would take minutes. Once a Node: the job runs the
  // package's bin whatever kind of project it is in.
  it("runs the README's contract job against the emulator", { timeout: 240_000 }, async ({ expect }) => {
    const here = await ownDirectory(quickStarts.commonjs);
    await withEmulator(quickStarts.commonjs, async (url) => {
      const contract = await runCommand('npm', [...recipes.contractJob.slice(1), '--rate-limits', 'off'], {
        cwd: here,
        env: { PORTRAIT_BASE_URL: url, PORTRAIT_API_KEY: 'demo-key', PORTRAIT_SECOND_API_KEY: 'demo-key-2', ...node.env },
      });
      expect(contract.stdout).toMatch(/\n40 passed, 0 failed, 0 skipped, 0 differ from assumptions against http:\/\/127\.0\.0\.1:\d+ in [\d.]+ s\ncoverage: 12\/12 Actions, \d+\/\d+ documented replies\nJUnit report: contract\.xml\n$/);
      expect(contract.code).toBe(0);
    });
    expect(await readFile(join(here, 'contract.xml'), 'utf8')).toMatch(/<testsuite [^>]*tests="40" failures="0"/);
  });

  /** `npx portrait-emulator` in `project` on this Node, without rate limits, while `use` runs with its URL. */
  async function withEmulator(project: string, use: (url: string) => Promise<void>): Promise<void> {
    const emulator = startCommand('npx', ['portrait-emulator', '--port', '0', '--processing-delay', '100', '--rate-limits', 'off'], project, node.env);
    try {
      const [, url = ''] = await emulator.waitFor(/Portrait emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
      await use(url);
    } finally {
      await emulator.stop();
    }
  }
});

/** npm's own warnings about this machine's configuration are not the command's output. */
function withoutNpmNotices(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n');
}

/** The `npm exec --package=…` command lines of the README's CI jobs, split into words. */
function ciRecipes(pages: string) {
  const lines = [...new Set([...pages.matchAll(/npm exec --package=\S+ -- [^\n]+/g)].map((match) => match[0].trim()))];
  const contractJob = lines.find((line) => line.includes('-- portrait-contract'))?.split(/\s+/) ?? [];
  const emulatorJob = lines.find((line) => line.includes('-- portrait-emulator'))?.split(/\s+/) ?? [];
  expect(lines, 'one contract job (GitHub and GitLab alike) and one emulator job').toHaveLength(2);
  expect(contractJob.slice(0, 3)).toEqual(['npm', 'exec', `--package=${manifest.name}@${manifest.version}`]);
  expect(emulatorJob.slice(0, 3)).toEqual(contractJob.slice(0, 3));
  return { contractJob, emulatorJob };
}

/**
 * The README's quick start, as commands split into words: the setup block, the file the code goes
 * in, the type-check and run commands (with the environment they set), and for an ES module
 * project the command that makes one and the file name to use there.
 */
function readmeQuickStart(readme: string) {
  const section = /\n## Quick start\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  const blocks = (language: string) => [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1] ?? '');
  const commands = (block: string) =>
    block
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(/\s+/));
  const [setupBlock = '', runBlock = ''] = blocks('sh');
  const setup = commands(setupBlock).filter((words) => words[0] === 'npm' && words[1] !== 'init');
  const [typeCheck = [], runLine = []] = commands(runBlock);
  const assignments = runLine.filter((word) => /^[A-Z_]+=/.test(word));
  const run = runLine.slice(assignments.length);
  const file = /Save (?:it|this) as `([^`]+)`/.exec(section)?.[1] ?? '';
  const esm = /In an ES module project[^\n]*`(npm pkg set type=module)`[\s\S]*?name the file `([^`]+)`/.exec(section);

  const quick = {
    setup,
    code: blocks('ts')[0] ?? '',
    file,
    typeCheck,
    run,
    runEnv: Object.fromEntries(assignments.map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)])),
    esmSetup: (esm?.[1] ?? '').split(' '),
    esmFile: esm?.[2] ?? '',
  };
  // The shape this test relies on, so a README edit that breaks it fails here, by name.
  expect(commands(setupBlock)[0]).toEqual(['npm', 'init', '-y']);
  expect(setup.map((words) => words.slice(0, 2).join(' '))).toEqual(['npm install', 'npm install']);
  expect(setup[0]).toEqual(['npm', 'install', '@portrait-api/toolkit']);
  expect(commands(setupBlock).at(-1)).toEqual(['npx', '--no-install', 'portrait-emulator']);
  expect(quick.file).toMatch(/\.mts$/);
  expect(typeCheck.slice(0, 3)).toEqual(['npx', '--no-install', 'tsc']);
  expect(typeCheck).toEqual(expect.arrayContaining(['--strict', '--exactOptionalPropertyTypes', quick.file]));
  expect(typeCheck.join(' ')).toContain('--module nodenext');
  expect(run).toEqual(['npx', '--no-install', 'tsx', quick.file]);
  expect(Object.keys(quick.runEnv).sort()).toEqual(['PORTRAIT_API_KEY', 'PORTRAIT_BASE_URL']);
  expect(quick.esmSetup).toEqual(['npm', 'pkg', 'set', 'type=module']);
  expect(quick.esmFile).toMatch(/\.ts$/);
  expect(quick.code).toContain('createPortraitClient');
  return quick;
}
