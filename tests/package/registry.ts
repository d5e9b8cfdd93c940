// What the published-package test needs: a real npm registry (Verdaccio, from the npm registry)
// on 127.0.0.1 with temporary storage, consumer projects made by `npm init -y` that install from
// it, commands run in them the way a user runs them, and their installed footprint.
import { execFile, spawn } from 'node:child_process';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { runServer } from 'verdaccio';
import { packagesAbove } from './packages-above.js';

const exec = promisify(execFile);

/** PATH with `node`'s directory first: npm, npx and the bins' `#!/usr/bin/env node` then run on it. */
export const nodeFirstOnPath = (node: string) => `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`;

/**
 * The environment for npm and the package's commands: this test's own Node first on PATH, and
 * nothing inherited from the npm script or the test runner that could point npm at this
 * repository or load a TypeScript loader.
 */
export const commandEnv: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|NODE_OPTIONS$|VITEST|TSX_)/i.test(name))),
  PATH: nodeFirstOnPath(process.execPath),
};

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, bounded in time; a non-zero exit is a result, not a throw. */
export async function runCommand(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await exec(file, args, {
      cwd: options.cwd,
      env: { ...commandEnv, ...options.env },
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string; message: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Like runCommand, but a non-zero exit throws with what the command printed. */
export async function mustRun(file: string, args: readonly string[], options: Parameters<typeof runCommand>[2]): Promise<CommandResult> {
  const result = await runCommand(file, args, options);
  if (result.code !== 0) {
    throw new Error(`\`${[file, ...args].join(' ')}\` exited with ${result.code}:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Publishes a packed tarball as an authenticated user of this registry. */
  publish(tarball: string, cwd: string): Promise<CommandResult>;
  close(): Promise<void>;
}

/**
 * Starts Verdaccio with its storage under `directory`. The package under test is served from this
 * registry only; every other package comes through it from the registry npm is configured with
 * here, as a team's own registry proxies the public one.
 */
export async function startRegistry(directory: string, packageName: string): Promise<LocalRegistry> {
  await mkdir(directory, { recursive: true });
  const upstream = (await mustRun('npm', ['config', 'get', 'registry'], { cwd: directory })).stdout.trim();
  const server = (await runServer({
    self_path: directory,
    storage: join(directory, 'storage'),
    auth: { htpasswd: { file: join(directory, 'htpasswd'), max_users: 1 } },
    uplinks: { upstream: { url: upstream, timeout: '60s' } },
    packages: {
      [packageName]: { access: '$all', publish: '$authenticated' },
      '**': { access: '$all', proxy: 'upstream' },
    },
    log: { type: 'stdout', format: 'pretty', level: 'error' },
    web: { enable: false },
  } as never)) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;

  // npm publish needs a token: make a user through the registry's own API, as `npm adduser` does.
  const response = await fetch(`${url}-/user/org.couchdb.user:publisher`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'publisher', password: 'a-password-for-this-run-only' }),
  });
  const { token } = (await response.json()) as { token?: string };
  if (!response.ok || !token) throw new Error(`Verdaccio did not create the publishing user: ${response.status}`);
  const userConfig = join(directory, 'publisher.npmrc');
  await writeFile(userConfig, `//127.0.0.1:${port}/:_authToken=${token}\n`);

  return {
    url,
    publish: (tarball, cwd) => mustRun('npm', ['publish', tarball, '--registry', url, '--userconfig', userConfig], { cwd }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A project as `npm init -y` makes it, whose `.npmrc` names the local registry. */
export async function createConsumer(directory: string, registry: LocalRegistry): Promise<string> {
  const borrowed = await packagesAbove(directory);
  if (borrowed) throw new Error(`${borrowed} lies above the test project ${directory}: the project would resolve packages from it that it never installed. Remove it, or point TMPDIR elsewhere.`);
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, '.npmrc'), `registry=${registry.url}\n`);
  await mustRun('npm', ['init', '-y'], { cwd: directory });
  return directory;
}

export interface Footprint {
  packages: number;
  /** Allocated on disk: what `du` counts. */
  diskBytes: number;
  /** The files' own sizes. */
  fileBytes: number;
}

/** Every package under `node_modules` (scoped and nested ones too), and the bytes it holds. */
export async function measureFootprint(nodeModules: string): Promise<Footprint> {
  const footprint: Footprint = { packages: 0, diskBytes: 0, fileBytes: 0 };
  async function walk(path: string, parent: string): Promise<void> {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        const isPackage = parent === 'node_modules' && !entry.name.startsWith('.') && !entry.name.startsWith('@');
        const isScoped = parent.startsWith('@') && dirname(path).endsWith('node_modules');
        if (isPackage || isScoped) footprint.packages += 1;
        await walk(child, entry.name);
      } else {
        const info = await stat(child);
        footprint.diskBytes += info.blocks * 512;
        footprint.fileBytes += info.size;
      }
    }
  }
  await walk(nodeModules, 'node_modules');
  return footprint;
}

export interface RunningCommand {
  /** What the command printed on stdout so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in stdout; rejects when the command exits or after 120 s. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Stops the command and everything it started (npx runs the bin in a child). */
  stop(): Promise<void>;
}

/** Starts a long-running command, such as `npx portrait-emulator`, in a process group of its own. */
export function startCommand(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunningCommand {
  const child = spawn(file, args, { cwd, env: { ...commandEnv, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    output: () => stdout,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = pattern.exec(stdout);
          if (!found) return;
          clearInterval(poll);
          clearTimeout(timer);
          resolve(found);
        };
        const poll = setInterval(check, 50);
        const timer = setTimeout(() => {
          clearInterval(poll);
          reject(new Error(`\`${file} ${args.join(' ')}\` printed no ${pattern} in 120 s:\n${stdout}\n${stderr}`));
        }, 120_000);
        void exited.then(() => {
          check();
          clearInterval(poll);
          clearTimeout(timer);
          reject(new Error(`\`${file} ${args.join(' ')}\` exited before printing ${pattern}:\n${stdout}\n${stderr}`));
        });
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

export interface RecordingRegistry {
  url: string;
  /** `GET /@portrait-api%2ftoolkit`, … in the order asked. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A registry that holds only `squatted`: each of those names is a package someone else published,
 * whose tarball this registry would serve. Every request is recorded, so a test can tell what npm
 * asked for and whether it fetched anything.
 */
export async function startRecordingRegistry(squatted: readonly string[] = []): Promise<RecordingRegistry> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const name = decodeURIComponent((request.url ?? '/').slice(1));
    response.setHeader('content-type', 'application/json');
    if (!squatted.includes(name)) {
      response.statusCode = 404;
      response.end('{"error":"not_found"}');
      return;
    }
    const version = { name, version: '9.9.9', bin: { [name]: 'index.js' }, dist: { tarball: `${url}${name}/-/${name}-9.9.9.tgz` } };
    response.end(JSON.stringify({ name, 'dist-tags': { latest: '9.9.9' }, versions: { '9.9.9': version } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
