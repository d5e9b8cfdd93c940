import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { apiVersion, protocol, validateSchema } from '../../src/protocol/index.js';
import { actionUrl, apiKey, envelope, firstRequestExample, post, read, type Reply } from './calls.js';

let mock: RunningMock;
const lines: string[] = [];
beforeAll(async () => {
  mock = await startMock({ port: 0, log: (line) => lines.push(line) });
});
afterAll(async () => {
  await mock.close();
});

const getAsset = () => JSON.stringify(firstRequestExample('GetAsset'));

function expectRefusal(reply: Reply, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  expect(validateSchema('ErrorResponse', reply.body)).toEqual({ valid: true });
  expect(envelope(reply).ResponseMetadata.Error?.Code).toBe(code);
  expect(envelope(reply).ResponseMetadata.RequestId).toMatch(/^[0-9A-F]{32}$/);
}

describe('what the front answers itself, in the envelope', () => {
  it('405 for a method other than POST, with Allow', async () => {
    const reply = await read(await fetch(actionUrl(mock.url, 'GetAsset'), { headers: { authorization: `Bearer ${apiKey}` } }));
    expectRefusal(reply, 405, 'MethodNotAllowed');
    expect(reply.headers.get('allow')).toBe('POST');
  });

  it('404 for a path other than /portrait/', async () => {
    const reply = await post(`${mock.url}/other/?Action=GetAsset&Version=${apiVersion}`, getAsset());
    expectRefusal(reply, 404, 'InvalidActionOrVersion');
  });

  it('accepts /portrait without the slash', async () => {
    const reply = await post(`${mock.url}/portrait?Action=GetAsset&Version=${apiVersion}`, getAsset());
    expect(reply.status).toBe(200);
  });

  it('404 for an unknown Action', async () => {
    const reply = await post(actionUrl(mock.url, 'LaunchRocket'), getAsset());
    expectRefusal(reply, 404, 'InvalidActionOrVersion');
    expect(envelope(reply).ResponseMetadata.Error?.Message).toContain('LaunchRocket');
  });

  it('404 for a missing Action', async () => {
    const reply = await post(`${mock.url}/portrait/?Version=${apiVersion}`, getAsset());
    expectRefusal(reply, 404, 'InvalidActionOrVersion');
  });

  it('404 for a wrong Version', async () => {
    const reply = await post(actionUrl(mock.url, 'GetAsset', '2023-01-01'), getAsset());
    expectRefusal(reply, 404, 'InvalidActionOrVersion');
    expect(envelope(reply).ResponseMetadata.Action).toBe('GetAsset');
  });

  it('401 without Authorization', async () => {
    const response = await fetch(actionUrl(mock.url, 'GetAsset'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: getAsset(),
    });
    expectRefusal(await read(response), 401, 'Unauthorized');
  });

  it('401 for a scheme other than Bearer', async () => {
    const reply = await post(actionUrl(mock.url, 'GetAsset'), getAsset(), { authorization: 'Basic dXNlcjpwYXNz' });
    expectRefusal(reply, 401, 'Unauthorized');
  });

  it('takes the Bearer scheme in any case, as RFC 9110 has it and the emulator does', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const reply = await post(actionUrl(mock.url, 'GetAsset'), getAsset(), { authorization: `${scheme} ${apiKey}` });
      expect(reply.status, scheme).toBe(200);
    }
  });

  it('400 naming the field for a number too large for a double, as the emulator does', async () => {
    const reply = await post(actionUrl(mock.url, 'ListAssets'), '{"PageNumber":1e400}');
    expectRefusal(reply, 400, 'InvalidParameter.PageNumber');
  });

  it('413 for a body of 1 MiB and one byte', async () => {
    const reply = await post(actionUrl(mock.url, 'GetAsset'), new Uint8Array(protocol.maxBodyBytes + 1).fill(0x20));
    expectRefusal(reply, 413, 'RequestEntityTooLarge');
  });

  it('413 for a chunked body that only turns out too large while read', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > protocol.maxBodyBytes) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(actionUrl(mock.url, 'GetAsset'), {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expectRefusal(await read(response), 413, 'RequestEntityTooLarge');
  });

  it('accepts a body of exactly 1 MiB (it is then judged as JSON)', async () => {
    const padded = getAsset().padEnd(protocol.maxBodyBytes, ' ');
    const reply = await post(actionUrl(mock.url, 'GetAsset'), padded);
    expect(reply.status).toBe(200);
  });

  it('400 for malformed JSON', async () => {
    const reply = await post(actionUrl(mock.url, 'GetAsset'), '{"Id": ');
    expectRefusal(reply, 400, 'InvalidParameter');
    expect(envelope(reply).ResponseMetadata.Error?.Message).toMatch(/not valid JSON/);
  });

  it('400, not a crash, for a body nested far deeper than any schema', async () => {
    const nested = `${'['.repeat(200_000)}1${']'.repeat(200_000)}`;
    const reply = await post(actionUrl(mock.url, 'ListAssetGroups'), `{"Filter":{"GroupIds":[${nested},${nested}]}}`);
    expectRefusal(reply, 400, 'InvalidParameter.Filter');
  });

  it('400 for an empty body', async () => {
    const reply = await post(actionUrl(mock.url, 'GetAsset'), '');
    expectRefusal(reply, 400, 'InvalidParameter');
  });

  it('checks in order: path before method, method before Action, Action before auth, auth before body', async () => {
    const wrongEverything = await read(await fetch(`${mock.url}/nope?Action=X`, { method: 'PUT', body: '{' }));
    expect(wrongEverything.status).toBe(404);
    const wrongMethod = await read(await fetch(actionUrl(mock.url, 'X'), { method: 'PUT', body: '{' }));
    expect(wrongMethod.status).toBe(405);
    const unknownAction = await post(actionUrl(mock.url, 'X'), '{', { authorization: '' });
    expect(envelope(unknownAction).ResponseMetadata.Error?.Code).toBe('InvalidActionOrVersion');
    const noAuth = await post(actionUrl(mock.url, 'GetAsset'), '{', { authorization: '' });
    expect(noAuth.status).toBe(401);
  });

  it('survives a client that goes away mid-body', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new TextEncoder().encode('{"Id": "asset-'));
        setTimeout(() => controller.abort(), 50);
      },
    });
    const aborted = fetch(actionUrl(mock.url, 'GetAsset'), {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
      signal: controller.signal,
    } as RequestInit);
    await expect(aborted).rejects.toThrow();
    await expect.poll(() => lines.some((line) => /^POST GetAsset aborted \d+ms$/.test(line))).toBe(true);
    const after = await post(actionUrl(mock.url, 'GetAsset'), getAsset());
    expect(after.status).toBe(200);
  });
});
