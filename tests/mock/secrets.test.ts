// The API key must never leave the mock in an answer or a log line, whatever path a request takes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { protocol } from '../../src/protocol/index.js';
import { actionUrl, firstRequestExample, read, responseExample, type Reply } from './calls.js';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server.js';

const secret = 'sk-live-9f8e7d6c5b4a-DO-NOT-LEAK';
const lines: string[] = [];
const log = (line: string) => lines.push(line);

let upstream: ScriptedServer;
let upstreamReply: { status: number; body: unknown } = { status: 200, body: {} };
let mock: RunningMock;
let strictProxy: RunningMock;
beforeAll(async () => {
  upstream = await startScriptedServer(() => upstreamReply);
  mock = await startMock({ port: 0, log });
  strictProxy = await startMock({ port: 0, upstream: upstream.url, errors: true, log });
});
afterAll(async () => {
  await Promise.all([mock.close(), strictProxy.close()]);
  await upstream.close();
});

async function call(url: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): Promise<Reply> {
  return read(await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...headers }, body }));
}

function expectNoSecret(reply: Reply) {
  expect(reply.text).not.toContain(secret);
  reply.headers.forEach((value, name) => expect(`${name}: ${value}`).not.toContain(secret));
}

describe('the API key', () => {
  it('appears in no answer and no log line', async () => {
    const getAsset = JSON.stringify(firstRequestExample('GetAsset'));
    const replies = [
      await call(actionUrl(mock.url, 'GetAsset'), getAsset),
      await call(actionUrl(mock.url, 'GetAsset'), '{}'),
      await call(actionUrl(mock.url, 'GetAsset'), JSON.stringify({ Id: secret })),
      await call(actionUrl(mock.url, 'GetAsset'), '{"Id":'),
      await call(actionUrl(mock.url, 'GetAsset'), new Uint8Array(protocol.maxBodyBytes + 1)),
      await call(actionUrl(mock.url, 'GetAsset'), getAsset, { prefer: 'example=unknown', 'content-type': 'text/plain' }),
      await call(actionUrl(mock.url, 'Nope'), getAsset),
      await call(actionUrl(mock.url, 'GetAsset'), getAsset, { authorization: `Token ${secret}` }),
      await read(await fetch(actionUrl(mock.url, 'GetAsset'), { headers: { authorization: `Bearer ${secret}` } })),
    ];
    upstreamReply = { status: 200, body: responseExample('GetAsset', 200, 'active') };
    replies.push(await call(actionUrl(strictProxy.url, 'GetAsset'), getAsset));
    upstreamReply = { status: 200, body: { ResponseMetadata: {}, Result: { Id: 1 } } };
    replies.push(await call(actionUrl(strictProxy.url, 'GetAsset'), getAsset));
    replies.push(await call(actionUrl(strictProxy.url, 'GetAsset'), '{}'));

    expect(replies.map((reply) => reply.status)).toEqual([200, 400, 400, 400, 413, 400, 404, 401, 405, 200, 502, 400]);
    for (const reply of replies) expectNoSecret(reply);
    // The upstream is the one place the key must reach.
    expect(upstream.received.map((received) => received.headers.authorization)).toContain(`Bearer ${secret}`);
    expect(lines).toHaveLength(replies.length);
    for (const line of lines) {
      expect(line).not.toContain(secret);
      expect(line).toMatch(/^[A-Z]+ \S+ \d{3} \d+ms$/);
    }
  });
});
