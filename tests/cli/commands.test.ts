// The commands as users run them: --help and --version, a usage error for an unknown flag (exit 2,
// no stack trace), one line for a busy port, and one line from the contract run when its target
// cannot be used.
// The bins and `npm start`'s script run as built (bundled once a run by global-setup.ts);
// tests/browser/start-command.test.ts runs `npm start` through tsx, as its npm script does.
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { allChecks } from '../../src/contract/checks/index.js';
import { createEmulator, startEmulator } from '../../src/emulator/index.js';
import { atTheEdge, editReplies } from '../contract/faults.js';
import { groupsHeld } from '../support/calls.js';
import { serveFetch } from '../support/http.js';
import { builtCommand } from './built-command.js';

const root = new URL('../..', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
/** Node's arguments that start each command. */
const commands = {
  'portrait-emulator': builtCommand('portrait-emulator'),
  'portrait-mock': builtCommand('portrait-mock'),
  'portrait-contract': builtCommand('portrait-contract'),
  'npm start --': builtCommand('start'),
};
const flagsOf: Record<keyof typeof commands, string[]> = {
  'portrait-emulator': ['--port', '--host', '--tenants', '--processing-delay', '--rate-limits', '--public-url', '--cors-origin', '--latency', '--fault-rate', '--fault-kinds', '--fault-seed', '--quiet'],
  'npm start --': ['--port', '--host', '--tenants', '--processing-delay', '--rate-limits', '--public-url', '--cors-origin', '--latency', '--fault-rate', '--fault-kinds', '--fault-seed', '--quiet'],
  'portrait-mock': ['--port', '--host', '--upstream', '--errors', '--upstream-timeout', '--max-upstream-reply', '--cors-origin'],
  'portrait-contract': ['--base-url', '--api-key', '--second-api-key', '--junit', '--report', '--max-time', '--through-proxy', '--image-url', '--skip', '--asset-timeout', '--group-quota', '--asset-quota', '--fuzz', '--explore', '--seed', '--explore-path', '--rate-limits', '--strict'],
};

/** `--skip` for every check but `names`: a run as short as what a test looks at allows. */
function onlyChecks(...names: string[]): string[] {
  return ['--skip', allChecks.map((check) => check.name).filter((name) => !names.includes(name)).join(',')];
}

// Every test here waits on node processes, several side by side: on a busy
// machine one may take far more than vitest's 5 s, so the file's tests get two minutes each, and
// a command a minute and a half.
vi.setConfig({ testTimeout: 120_000 });

async function run(command: string[], args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...command, ...args], { cwd: root, timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A command started, its output as it comes, and its exit code (or 128 + the signal that killed it) once it ends. */
function startRun(command: string[], args: string[], options: { detached?: boolean } = {}) {
  const child = spawn(process.execPath, [...command, ...args], { cwd: root, ...options });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number>((resolve) => child.once('close', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0))));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

// Each test waits on a child process: they run side by side.
describe.concurrent.each(Object.entries(commands))('%s', (name, command) => {
  it('prints its usage with every flag and its default for --help (and -h), and exits 0', async () => {
    // -h is the same option to parseArgs: one command shows it is wired.
    for (const flag of name === 'portrait-emulator' ? ['--help', '-h'] : ['--help']) {
      const { code, stdout } = await run(command, [flag]);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: ${name} \\[options\\]\\n`));
      for (const option of flagsOf[name as keyof typeof commands]) expect(stdout).toContain(`  ${option}`);
      expect(stdout).toContain('--version');
    }
  });

  it('prints its version for --version', async () => {
    const { code, stdout } = await run(command, ['--version']);
    expect([code, stdout]).toEqual([0, `${name === 'npm start --' ? 'npm start' : name} ${version}\n`]);
  });

  it('answers an unknown flag with the reason and the usage on stderr, exit 2, and no stack trace', async () => {
    const { code, stdout, stderr } = await run(command, ['--bogus']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^${name}: Unknown option '--bogus'`));
    expect(stderr).toContain(`Usage: ${name} [options]`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

// A bad value is a usage error naming its flag, exit 2, whichever command reads it.
describe.concurrent('a flag with a value it cannot take', () => {
  const cases: [keyof typeof commands, string[], string][] = [
    ['portrait-emulator', ['--processing-delay', 'a second'], '--processing-delay must be a whole number from 0 to'],
    ['portrait-emulator', ['--public-url', 'http://emulator.example.com/under/a/path'], '--public-url: '],
    ['portrait-emulator', ['--port', '70000'], '--port must be a whole number from 0 to 65535'],
    ['portrait-emulator', ['--rate-limits', 'none'], '--rate-limits must be document or off, not "none"'],
    ['portrait-emulator', ['--latency', '300-100'], '--latency must be milliseconds from 0 to 60000, or [min, max] of them with min <= max, not [300, 100]'],
    ['portrait-emulator', ['--fault-rate', 'often'], '--fault-rate must be a number from 0 to 1 (the share of API calls that fault), not "often"'],
    ['portrait-emulator', ['--fault-kinds', '429,503'], '--fault-kinds names an unknown fault "503"; the faults are 429, 500, stall, reset'],
    ['portrait-emulator', ['--fault-rate', '0x1'], '--fault-rate must be a number from 0 to 1 (the share of API calls that fault), not "0x1"'],
    ['portrait-emulator', ['--fault-seed', '1e3'], '--fault-seed must be a whole number from 0 to 4294967295, not "1e3"'],
    ['portrait-mock', ['--upstream', 'https://api.example.com', '--upstream-timeout', 'soon'], '--upstream-timeout must be a whole number from 1 to'],
    ['portrait-mock', ['--max-upstream-reply', '0'], '--max-upstream-reply must be a whole number from 1 to'],
    ['portrait-mock', ['--cors-origin', 'not an origin'], '--cors-origin: '],
    ['portrait-contract', ['--base-url', 'http://127.0.0.1:9', '--api-key', 'k', '--fuzz', 'many'], '--fuzz must be a whole number from 0 to'],
    ['portrait-contract', ['--base-url', 'http://127.0.0.1:9', '--api-key', 'k', '--explore', '10001'], '--explore must be a whole number from 0 to 10000'],
    ['portrait-contract', ['--base-url', 'http://127.0.0.1:9', '--api-key', 'k', '--seed', '1', '--explore-path', 'zzz'], '--explore-path must be a path as a report gives it'],
    ['portrait-contract', ['--base-url', 'http://127.0.0.1:9', '--api-key', 'k', '--explore-path', '1:2'], '--explore-path replays a sequence of one seed'],
    ['portrait-contract', ['--base-url', 'http://127.0.0.1:9', '--api-key', 'k', '--rate-limits', 'fast'], '--rate-limits must be document or off, not "fast"'],
    ['portrait-contract', ['--base-url', 'http://127.0.0.1:9', '--api-key', 'k', '--max-time', '0'], '--max-time must be a whole number from 1 to 2147483'],
    ['portrait-contract', ['--base-url', 'http://127.0.0.1:9', '--api-key', 'k', '--asset-timeout', '9999999'], '--asset-timeout must be a whole number from 0 to 2147483'],
  ];
  it.each(cases)('%s %j', async (name, args, reason) => {
    const { code, stdout, stderr } = await run(commands[name], args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain(`${name}: ${reason}`);
    expect(stderr).toContain(`Usage: ${name} [options]`);
  });
});

describe.concurrent('servers', () => {
  it('say in one line that the port is taken, naming --port', async () => {
    const busy = await startEmulator({ port: 0 });
    try {
      const port = new URL(busy.url).port;
      for (const command of [commands['portrait-emulator'], commands['portrait-mock']]) {
        const { code, stderr } = await run(command, ['--port', port]);
        expect(code).toBe(1);
        expect(stderr).toBe(`Port ${port} on 127.0.0.1 is already in use; choose another with --port (or PORT), or 0 for any free port.\n`);
      }
    } finally {
      await busy.close();
    }
  });

  // The test's own expect: expect.poll in tests that run side by side needs it.
  it('stop when the process that started them is gone, as when a script kills the npx or npm in front', async ({ expect }) => {
    for (const command of [commands['portrait-emulator'], commands['portrait-mock']]) {
      // A shell that waits on the server, as npm's does: killed at once, it forwards nothing.
      const shell = spawn('sh', ['-c', `"${process.execPath}" ${command.map((arg) => `"${arg}"`).join(' ')} --port 0 & echo "pid $!"; wait`], { cwd: root });
      let output = '';
      shell.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
      // Starting (Prism, for the mock) can take tens of seconds on a busy machine.
      await expect.poll(() => /pid \d+\n[\s\S]*http:\/\/127\.0\.0\.1:\d+/.test(output), { timeout: 50_000 }).toBe(true);
      const pid = Number(/pid (\d+)/.exec(output)?.[1]);
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0] ?? '';
      try {
        expect((await fetch(`${url}/`)).status).toBeGreaterThan(0);
        shell.kill('SIGKILL');
        await expect.poll(() => fetch(`${url}/`).then(() => 'listening', () => 'stopped')).toBe('stopped');
      } finally {
        // Whatever the outcome, nothing this test started goes on running.
        shell.kill('SIGKILL');
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone: what the test expects.
        }
      }
    }
  });

  it('listen on PORT when --port is not given', async () => {
    const child = spawn(process.execPath, commands['portrait-emulator'], { cwd: root, env: { ...process.env, PORT: '0' } });
    try {
      const line = await new Promise<string>((resolve) => child.stdout.setEncoding('utf8').on('data', (text: string) => text.includes('listening') && resolve(text)));
      expect(line).toMatch(/Portrait emulator listening on http:\/\/127\.0\.0\.1:\d+\n/);
    } finally {
      child.kill();
    }
  });
});

describe.concurrent('portrait-emulator -- <command>', () => {
  // Calls the emulator it was given, prints the status and where, and exits 3.
  const script = [
    'const url = `${process.env.PORTRAIT_BASE_URL}/portrait/?Action=ListAssetGroups&Version=2024-01-01`;',
    "const reply = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${process.env.PORTRAIT_API_KEY}`, 'Content-Type': 'application/json' }, body: '{}' });",
    'console.log(`status ${reply.status} at ${process.env.PORTRAIT_BASE_URL}`);',
    'process.exit(3);',
  ].join('\n');

  it('serves the command on a free port with PORTRAIT_BASE_URL and PORTRAIT_API_KEY set, stops, and exits with its status; --quiet logs no request', async () => {
    const { code, stdout } = await run(commands['portrait-emulator'], ['--quiet', '--', process.execPath, '--input-type=module', '-e', script]);
    expect(code).toBe(3);
    const [, url] = /^status 200 at (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(stdout) ?? [];
    expect(url).toBeDefined();
    // Stopped with the command: nothing listens there any more.
    await expect(fetch(`${url}/`)).rejects.toThrow();
  });

  it('logs each request without --quiet, and exits 127 when the command cannot be run', async () => {
    const logged = await run(commands['portrait-emulator'], ['--', process.execPath, '--input-type=module', '-e', script]);
    expect(logged.code).toBe(3);
    expect(logged.stdout).toMatch(/^POST ListAssetGroups 200 \d+ms$/m);
    const missing = await run(commands['portrait-emulator'], ['--', 'no-such-command-for-the-emulator']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toContain('no-such-command-for-the-emulator could not be run');
  });

  it('ends the command, and stops, when the process that started it is gone, even a command that ignores SIGTERM', async ({ expect }) => {
    const waits = "process.on('SIGTERM', () => {}); console.log('command', process.pid, process.env.PORTRAIT_BASE_URL); setInterval(() => {}, 1000);";
    const shell = spawn('sh', ['-c', `"${process.execPath}" ${commands['portrait-emulator'].map((arg) => `"${arg}"`).join(' ')} --quiet -- "${process.execPath}" -e "${waits}"; wait`], { cwd: root });
    let output = '';
    shell.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    await expect.poll(() => /command \d+ http:\/\/127\.0\.0\.1:\d+\n/.test(output), { timeout: 50_000 }).toBe(true);
    const [, pid, url = ''] = /command (\d+) (\S+)\n/.exec(output) ?? [];
    const running = () => {
      try {
        process.kill(Number(pid), 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      expect(running()).toBe(true);
      shell.kill('SIGKILL');
      // SIGTERM first, then SIGKILL after the command's grace period.
      await expect.poll(running, { timeout: 40_000 }).toBe(false);
      await expect.poll(() => fetch(`${url}/`).then(() => 'listening', () => 'stopped')).toBe('stopped');
    } finally {
      shell.kill('SIGKILL');
      if (running()) process.kill(Number(pid), 'SIGKILL');
    }
  });

  it('runs the contract checks against itself, the base URL and key from the environment', async () => {
    const { code, stdout } = await run(commands['portrait-emulator'], ['--quiet', '--rate-limits', 'off', '--', process.execPath, ...commands['portrait-contract'], '--second-api-key', 'demo-key-2', '--rate-limits', 'off']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n28 passed, 0 failed, 0 skipped, 0 differ from assumptions against http:\/\/127\.0\.0\.1:\d+ in /);
  });
});

describe.concurrent('the contract run', () => {
  it('stops at once, in one line, when the base URL does not answer', async () => {
    const { code, stdout } = await run(commands['portrait-contract'], ['--base-url', 'http://127.0.0.1:9', '--api-key', 'sk-test-key']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ reachable .*\n\s+http:\/\/127\.0\.0\.1:9 does not answer: /);
    expect(stdout).toContain('Check --base-url, and that the server runs.');
    expect(stdout).toContain('0 passed, 1 failed, 0 skipped');
  });

  it('exits 0 against a server that differs only where the document assumes, naming each difference; 1 with --strict', async () => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    // A gateway's edge that answers a GET itself, in plain text.
    const edge = atTheEdge((request) => request.method === 'GET', () => new Response('Not Found', { status: 404 }));
    const server = await serveFetch(edge((request) => emulator.handle(request)));
    const dir = await mkdtemp(join(tmpdir(), 'portrait-contract-'));
    try {
      const args = ['--base-url', server.url, '--api-key', 'demo-key', '--second-api-key', 'demo-key-2', '--rate-limits', 'off', '--junit', join(dir, 'report.xml'), ...onlyChecks('gateway.wrong-method')];
      const lenient = await run(commands['portrait-contract'], args);
      expect(lenient.code).toBe(0);
      expect(lenient.stdout).toContain('~ gateway.wrong-method');
      expect(lenient.stdout).toContain('differs from an assumption (errors.MethodNotAllowed)');
      expect(lenient.stdout).toMatch(/\n0 passed, 0 failed, \d+ skipped, 1 differ from assumptions against /);
      expect(await readFile(join(dir, 'report.xml'), 'utf8')).toContain('failures="0"');
      const strict = await run(commands['portrait-contract'], [...args, '--strict']);
      expect(strict.code).toBe(1);
      expect(strict.stdout).toContain('Failed: gateway.wrong-method');
    } finally {
      await rm(dir, { recursive: true, force: true });
      await server.close();
    }
  });

  it("keeps a hostile server's text off the terminal, and shows how to reproduce each failure, the coverage and both reports", async () => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    const hostile = '\u001b]0;owned\u0007\r✓ all 28 passed\n\u001b[32m✓ all 28 passed\ufffe';
    const fault = editReplies('GetAssetGroup', (body) => {
      delete body.Result;
      body.ResponseMetadata.Error = { Code: 'InternalError', Message: hostile };
    });
    const server = await serveFetch(fault((request) => emulator.handle(request)));
    const dir = await mkdtemp(join(tmpdir(), 'portrait-contract-'));
    try {
      const args = ['--base-url', server.url, '--api-key', 'demo-key', '--rate-limits', 'off', '--junit', join(dir, 'report.xml'), '--report', join(dir, 'report.json')];
      const { code, stdout } = await run(commands['portrait-contract'], args);
      expect(code).toBe(1);
      expect(stdout).toContain('✗ groups.get');
      expect(stdout).toContain('\\u001b]0;owned\\u0007\\u000d✓ all 28 passed\\u000a');
      expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\ufffe]/);
      expect(stdout).toMatch(/\n {6}to reproduce: curl -sS -X POST 'http:\/\/127\.0\.0\.1:\d+\/portrait\/\?Action=GetAssetGroup&Version=2024-01-01' .* -H "Authorization: Bearer \$PORTRAIT_API_KEY" --data-raw '\{"Id":"group-[^']+"\}'\n {8}got HTTP 200, RequestId [0-9A-F]{32}\n/);
      expect(stdout).toMatch(/\ncoverage: 12\/12 Actions, \d+\/\d+ documented replies\n/);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { passed: boolean; coverage: { actions: { called: number } }; results: { name: string; reproductions: unknown[] }[] };
      expect(report.passed).toBe(false);
      expect(report.coverage.actions.called).toBe(12);
      expect(report.results.find((result) => result.name === 'groups.get')?.reproductions).toHaveLength(1);
      expect(await readFile(join(dir, 'report.xml'), 'utf8')).toContain('to reproduce: curl -sS -X POST');
    } finally {
      await rm(dir, { recursive: true, force: true });
      await server.close();
    }
  });

  it('survives a reply Node 20 refuses for its six content codings, then a reset: the check fails, the reports are written', async () => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    const server = createServer(async (incoming, outgoing) => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const url = `http://127.0.0.1${incoming.url ?? '/'}`;
      if (new URL(url).searchParams.get('Action') === 'GetAssetGroup') {
        incoming.socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip, gzip, gzip, gzip, gzip, gzip\r\ncontent-length: 100000\r\n\r\n${'x'.repeat(1000)}`);
        setTimeout(() => incoming.socket.destroy(), 200);
        return;
      }
      const headers = new Headers(Object.entries(incoming.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : [])));
      const reply = await emulator.handle(new Request(url, { method: incoming.method ?? 'POST', headers, ...(incoming.method === 'GET' ? {} : { body: Buffer.concat(chunks) }) }));
      const replyHeaders: Record<string, string> = {};
      reply.headers.forEach((value, name) => (replyHeaders[name] = value));
      outgoing.writeHead(reply.status, replyHeaders).end(Buffer.from(await reply.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = await mkdtemp(join(tmpdir(), 'portrait-contract-'));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { code, stdout, stderr } = await run(commands['portrait-contract'], ['--base-url', url, '--api-key', 'demo-key', '--rate-limits', 'off', '--report', join(dir, 'report.json'), ...onlyChecks('groups.create', 'groups.get')]);
      expect(stderr).not.toContain('Unhandled');
      expect(code).toBe(1);
      expect(stdout).toMatch(/✗ groups\.get .*\n\s+the check could not finish: GetAssetGroup: fetch failed \(too many content-encodings/);
      expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toMatchObject({ passed: false, leftBehind: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('stops at --max-time with a clear line, writes its reports and exits 1', async () => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    const server = await serveFetch((request) => new Promise((resolve) => setTimeout(() => resolve(emulator.handle(request)), 100)));
    const dir = await mkdtemp(join(tmpdir(), 'portrait-contract-'));
    try {
      const args = ['--base-url', server.url, '--api-key', 'demo-key', '--rate-limits', 'off', '--max-time', '2', '--junit', join(dir, 'report.xml')];
      const { code, stdout } = await run(commands['portrait-contract'], args);
      expect(code).toBe(1);
      expect(stdout).toContain('\nStopped early: the run is out of time (its max time is 2 s); the checks after that point did not run.\n');
      expect(await readFile(join(dir, 'report.xml'), 'utf8')).toContain('name="max-time"');
    } finally {
      await rm(dir, { recursive: true, force: true });
      await server.close();
    }
  });

  it('stops at Ctrl-C: deletes what the run made, writes its reports and exits 130', async ({ expect }) => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    const server = await serveFetch((request) => emulator.handle(request));
    const dir = await mkdtemp(join(tmpdir(), 'portrait-contract-'));
    try {
      const running = startRun(commands['portrait-contract'], ['--base-url', server.url, '--api-key', 'demo-key', '--rate-limits', 'off', '--junit', join(dir, 'report.xml')]);
      // Once groups.create has passed, the run holds groups on the server.
      await expect.poll(running.stdout).toContain('\n✓ groups.create');
      running.child.kill('SIGINT');
      expect(await running.exited).toBe(130);
      expect(running.stderr()).toContain('SIGINT: stopping, and deleting what the run made (another Ctrl-C or SIGTERM quits at once)');
      expect(running.stdout()).toContain('\nStopped early: the run was stopped (interrupted by SIGINT); the checks after that point did not run.\n');
      expect(await readFile(join(dir, 'report.xml'), 'utf8')).toContain('name="stopped"');
      expect(await groupsHeld((request) => emulator.handle(request))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await server.close();
    }
  });

  it('quits at once at a second SIGTERM, while the clean-up waits on a server that does not answer: exit 143', async ({ expect }) => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    // From the first SIGTERM, deletes are never answered: the clean-up would wait its minute out.
    let stalling = false;
    const server = await serveFetch((request) => (stalling && new URL(request.url).searchParams.get('Action')?.startsWith('Delete') ? new Promise<Response>(() => {}) : emulator.handle(request)));
    try {
      const running = startRun(commands['portrait-contract'], ['--base-url', server.url, '--api-key', 'demo-key', '--rate-limits', 'off']);
      await expect.poll(running.stdout).toContain('\n✓ groups.create');
      stalling = true;
      running.child.kill('SIGTERM');
      await expect.poll(running.stderr).toContain('SIGTERM: stopping');
      // A repeat within a second is taken for the same signal passed on by a wrapper.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(143);
      expect(running.stdout()).not.toContain('Stopped early');
    } finally {
      await server.close();
    }
  });

  it('stops once at a Ctrl-C in the terminal under portrait-emulator --, which passes its own copy on: the reports are written', async ({ expect }) => {
    const dir = await mkdtemp(join(tmpdir(), 'portrait-contract-'));
    // A process group of its own, as a terminal's foreground job: Ctrl-C signals every process in it.
    const group = startRun(commands['portrait-emulator'], ['--quiet', '--rate-limits', 'off', '--', process.execPath, ...commands['portrait-contract'], '--rate-limits', 'off', '--junit', join(dir, 'report.xml')], { detached: true });
    try {
      await expect.poll(group.stdout).toContain('\n✓ groups.create');
      process.kill(-(group.child.pid ?? 0), 'SIGINT');
      expect(await group.exited).toBe(130);
      expect(group.stdout()).toContain('\nStopped early: the run was stopped (interrupted by SIGINT)');
      expect(await readFile(join(dir, 'report.xml'), 'utf8')).toContain('name="stopped"');
    } finally {
      if (group.child.exitCode === null) process.kill(-(group.child.pid ?? 0), 'SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops at once, in one line, when the key is refused, never quoting it', async () => {
    const server = await startEmulator({ port: 0 });
    try {
      const { code, stdout } = await run(commands['portrait-contract'], ['--base-url', server.url, '--api-key', 'sk-wrong-secret']);
      expect(code).toBe(1);
      expect(stdout).toContain(`${server.url} refused the API key (HTTP 401 Unauthorized). Check --api-key or PORTRAIT_API_KEY.`);
      expect(stdout).not.toContain('sk-wrong-secret');
      expect(stdout).toContain('0 passed, 1 failed, 0 skipped');
    } finally {
      await server.close();
    }
  });
});
