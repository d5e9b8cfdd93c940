// Another team's TypeScript generator: @hey-api/openapi-ts makes a fetch client from the per-Action
// view (one function per Action) and from the single-endpoint view (one `callAction` taking the
// Action as a query parameter); each client, as generated, calls all 12 Actions on the emulator.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@hey-api/openapi-ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { actionNames, apiVersion, methodName, type Action } from '../../src/protocol/index.js';
import { callEveryAction, type CallThrough } from './every-action.js';

type Generated = (options: { body: unknown; query?: Record<string, string> }) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

let work: string;
let emulator: RunningEmulator;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'portrait-hey-api-'));
  emulator = await startEmulator({ port: 0, processingDelayMs: 0 });
});
afterAll(async () => {
  await emulator?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Generates a client from `view` and loads its SDK, its default client pointed at the emulator with the demo key. */
async function generatedSdk(view: string): Promise<Record<string, Generated>> {
  const output = join(work, view);
  await createClient({ input: join(projectRoot, 'generated', view), output: { path: output }, plugins: ['@hey-api/client-fetch'], logs: { level: 'silent' } });
  const { client } = (await import(join(output, 'client.gen.ts'))) as { client: { setConfig(config: object): void } };
  client.setConfig({ baseUrl: emulator.url, auth: () => 'demo-key' });
  return (await import(join(output, 'sdk.gen.ts'))) as Record<string, Generated>;
}

const replyOf = async (sent: ReturnType<Generated>) => {
  const { data, error, response } = await sent;
  return { status: response.status, envelope: data ?? error };
};

it('generates one function per Action from the per-Action view, and they call all 12 Actions', async () => {
  const sdk = await generatedSdk('portrait.openapi.json');
  expect(Object.keys(sdk).sort()).toEqual(actionNames.map((action) => methodName(action)).sort());
  const call: CallThrough = (action, body) => replyOf(sdk[methodName(action)]!({ body }));
  expect(await callEveryAction(call)).toEqual(expect.arrayContaining(actionNames));
}, 120_000);

it('generates one callAction from the single-endpoint view, and it calls all 12 Actions', async () => {
  const sdk = await generatedSdk('portrait.single-endpoint.openapi.json');
  expect(Object.keys(sdk)).toEqual(['callAction']);
  const call: CallThrough = (action, body) => replyOf(sdk.callAction!({ query: { Action: action, Version: apiVersion }, body }));
  expect(await callEveryAction(call)).toEqual(expect.arrayContaining(actionNames));
}, 120_000);
