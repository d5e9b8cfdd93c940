// `npm start` (scripts/start.ts) as a user runs it: it builds the site when needed, prints where
// the emulator, the docs, the explorer and the views are, serves them on one origin, and stops on a signal.
import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { actionRequest } from '../support/calls.js';

const children: ReturnType<typeof spawn>[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

it('prints the emulator, docs, explorer and view URLs, serves them, and stops on SIGINT', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', '0', '--processing-delay', '0'], {
    cwd: new URL('../..', import.meta.url),
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  await expect.poll(() => output, { timeout: 40_000, interval: 100 }).toMatch(/Explorer: .*\n/);
  const url = /Portrait emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output)?.[1] ?? '';
  expect(url).not.toBe('');
  expect(output).toContain('Demo API keys: demo-key (customer demo), demo-key-2 (customer demo-2)\n');
  expect(output).toContain(`Docs:     ${url}/docs\nTry it:   ${url}/try\nExplorer: ${url}/explorer\n`);

  const views = ['portrait.openapi.json', 'portrait.single-endpoint.openapi.json', 'portrait.openapi.3.0.json', 'portrait.single-endpoint.openapi.3.0.json'];
  for (const view of views) expect(output).toContain(`${url}/spec/${view}`);
  for (const [path, marker] of [
    ['/docs', '<div id="redoc">'],
    ['/try', '<div id="swagger-ui">'],
    ['/explorer', 'id="explorer-data"'],
    ...views.map((view) => [`/spec/${view}`, view.includes('3.0') ? '"openapi": "3.0.3"' : '"openapi": "3.1.0"'] as const),
  ]) {
    const response = await fetch(`${url}${path}`);
    expect(response.status, path).toBe(200);
    expect(await response.text()).toContain(marker);
  }
  const api = await fetch(actionRequest(url, 'ListAssets', {}));
  expect(api.status).toBe(200);

  child.kill('SIGINT');
  expect(await exited).toBe(0);
}, 60_000);
