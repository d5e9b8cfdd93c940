// The explorer's model is the emulator asked in-process (askModel): it must answer a body as the
// emulator answers the same body sent over HTTP, its size limit counted in UTF-8 bytes included.
import { describe, expect, it } from 'vitest';
import { askModel } from '../../src/contract/explore/model.js';
import { createEmulator } from '../../src/emulator/index.js';
import { protocol } from '../../src/protocol/index.js';
import { actionRequest } from '../support/calls.js';
import type { Envelope } from '../support/http.js';

const apiKey = 'demo-key';
// JSON.stringify({ Name: x }) adds 11 bytes to x.
const padding = '{"Name":""}'.length;

describe("the explorer's model", () => {
  it.each([
    ['exactly the limit, in ASCII', 'n'.repeat(protocol.maxBodyBytes - padding)],
    ['one byte over the limit', 'n'.repeat(protocol.maxBodyBytes - padding + 1)],
    ['under the limit in characters, over it in UTF-8 bytes', 'é'.repeat((protocol.maxBodyBytes - padding) / 2 + 1)],
  ])('answers a body of %s as the emulator answers it over HTTP', async (_, name) => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    const overHttp = await emulator.handle(actionRequest('http://emulator.local', 'CreateAssetGroup', { Name: name }, apiKey));
    const expected = { status: overHttp.status, code: ((await overHttp.json()) as Envelope).ResponseMetadata.Error?.Code };
    const reply = await askModel(emulator, 'CreateAssetGroup', apiKey, { Name: name });
    expect({ status: reply.status, code: reply.envelope.ResponseMetadata?.Error?.Code }).toEqual(expected);
  });
});
