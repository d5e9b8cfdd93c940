// src/cli/portrait-emulator.ts as a user runs it, built: what it prints, that it serves, and that it stops on a signal.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtCommand } from '../cli/built-command.js';
import { actionRequest } from '../support/calls.js';

const started: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [...builtCommand('portrait-emulator'), ...args], {
    cwd: new URL('../..', import.meta.url),
    env: { ...process.env, ...env },
  });
  started.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printed = async (pattern: RegExp) => {
    await expect.poll(() => output, { timeout: 45_000, interval: 50 }).toMatch(pattern);
    return output;
  };
  return { child, exited, printed, output: () => output };
}

/** An Action called with the first demo key. */
function callAction(url: string, action: string, body: string): Promise<Response> {
  return fetch(actionRequest(url, action, body));
}

describe('src/cli/portrait-emulator.ts', () => {
  it('prints its URL and the demo keys, serves, and stops on SIGTERM', async () => {
    const cli = run(['--port', '0', '--processing-delay', '0']);
    const output = await cli.printed(/Demo API keys: .*\n/);
    const url = /Portrait emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
    expect(url).toMatch(/^http:/);
    expect(output).toContain('Demo API keys: demo-key (customer demo), demo-key-2 (customer demo-2)');
    const response = await callAction(url, 'ListAssets', '{}');
    expect(response.status).toBe(200);
    await cli.printed(/POST ListAssets 200 \d+ms/);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 60_000);

  it('keeps no rate limit with --rate-limits off', async () => {
    const cli = run(['--port', '0', '--rate-limits', 'off']);
    const output = await cli.printed(/Demo API keys: .*\n/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
    // The liveness Actions' documented limit is 3 a second; off, twenty calls at once all get through.
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        callAction(url, 'GetVisualValidateResult', '{"BytedToken":"unknown"}').then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 60_000);

  it('prints the fault rate, kinds and the seed it picked with how to rerun it, and faults calls so', async () => {
    const cli = run(['--port', '0', '--fault-rate', '1', '--fault-kinds', '429', '--latency', '5-10']);
    const output = await cli.printed(/Latency: .*\n/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
    const seed = /Faults: rate 1 of API calls \(429\), seed (\d+) \(rerun with --fault-seed \1\)\n/.exec(output)?.[1];
    expect(seed).toBeDefined();
    expect(output).toContain('Latency: 5-10 ms before each API call\n');
    const response = await callAction(url, 'ListAssets', '{}');
    expect([response.status, response.headers.get('retry-after')]).toEqual([429, '1']);
    expect(await response.text()).toContain(`fault seed ${seed}`);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 60_000);

  it('takes tenants from PORTRAIT_EMULATOR_TENANTS and prints the customer count, never the keys', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'portrait-cli-'));
    try {
      const path = join(directory, 'tenants.json');
      await writeFile(path, JSON.stringify([{ customerId: 'a', apiKeys: ['sk-file-key-a'] }, { customerId: 'b', apiKeys: ['sk-file-key-b'] }]));
      const cli = run(['--port', '0'], { PORTRAIT_EMULATOR_TENANTS: path });
      const output = await cli.printed(/Tenants: 2 customers/);
      expect(output).not.toContain('sk-file-key');
      cli.child.kill('SIGINT');
      expect(await cli.exited).toBe(0);

      await writeFile(path, '[{"customerId":"a","apiKeys":[]}]');
      const refused = run(['--port', '0', '--tenants', path]);
      expect(await refused.exited).not.toBe(0);
      expect(refused.output()).toMatch(/apiKeys must be a non-empty array/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
