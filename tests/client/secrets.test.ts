// The API key must never reach an error's message, stack, JSON or inspect output, even when a
// server echoes it back.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createPortraitClient, type PortraitClient } from '../../src/client/index.js';
import { apiVersion } from '../../src/protocol/index.js';
import { actionUrl } from '../support/calls.js';
import { startScriptedServer, type Script, type ScriptedServer } from '../support/scripted-server.js';

const apiKey = 'sk-portrait-SECRET-4f9a2c';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(script: Script, options = {}): Promise<PortraitClient> {
  server = await startScriptedServer(script);
  return createPortraitClient({ apiKey, baseUrl: server.url, maxRetries: 0, ...options });
}

/** Every way an error can be turned into text. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    String(e),
    e.message,
    e.stack ?? '',
    JSON.stringify(e),
    inspect(e, { showHidden: true, depth: Infinity }),
    inspect(e.cause, { showHidden: true, depth: Infinity }),
  ];
}

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error;
}

/** A server that echoes the Authorization header everywhere it can. */
const echo: Script = (request) => {
  const auth = String(request.headers.authorization);
  return {
    status: 400,
    body: { ResponseMetadata: { RequestId: auth, Action: 'GetAsset', Version: apiVersion, Error: { Code: `InvalidParameter.${auth}`, Message: `bad key ${auth}` } } },
  };
};

describe('the API key never leaks', () => {
  it('the echo server does send the key back', async () => {
    await clientFor(echo);
    const response = await fetch(actionUrl(server?.url ?? '', 'GetAsset'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}` },
      body: '{}',
    });
    expect(await response.text()).toContain(apiKey);
  });

  it.each([
    ['an error envelope that echoes it', () => clientFor(echo), {}],
    ['an HTML page that echoes it', () => clientFor((r) => ({ raw: `<p>${String(r.headers.authorization)}</p>`, status: 502, contentType: 'text/html' })), {}],
    ['a timeout', () => clientFor(() => 'stall', { timeoutMs: 20 }), {}],
    ['a dropped connection', () => clientFor(() => 'drop'), {}],
    ['an abort', () => clientFor(() => 'stall'), { signal: AbortSignal.timeout(20) }],
  ])('in %s', async (_, makeClient, callOptions) => {
    const client = await makeClient();
    const error = await thrownBy(client.getAsset({ Id: 'asset-1' }, callOptions));
    for (const text of renderings(error)) expect(text).not.toContain(apiKey);
  });

  it('in a refused connection', async () => {
    const closed = await startScriptedServer(() => 'drop');
    await closed.close();
    const client = createPortraitClient({ apiKey, baseUrl: closed.url, maxRetries: 0 });
    for (const text of renderings(await thrownBy(client.getAsset({ Id: 'asset-1' })))) expect(text).not.toContain(apiKey);
  });

  it('in a body-too-large error', async () => {
    const client = await clientFor(echo);
    const error = await thrownBy(client.updateAsset({ Id: 'asset-1', Name: apiKey.repeat(100_000) }));
    expect((error as Error).message).not.toContain(apiKey);
  });

  it('in the client object itself', async () => {
    const client = await clientFor(echo);
    expect(inspect(client, { showHidden: true, depth: 6 })).not.toContain(apiKey);
    expect(JSON.stringify(client)).not.toContain(apiKey);
  });
});
