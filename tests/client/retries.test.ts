import { afterEach, describe, expect, it, vi, type TestContext } from 'vitest';
import {
  createPortraitClient,
  PortraitAbortError,
  PortraitConnectionError,
  PortraitError,
  PortraitRequestTooLargeError,
  PortraitTimeoutError,
  type PortraitClientOptions,
} from '../../src/client/index.js';
import { parseRetryAfter, retryDelayMs, type RetryPolicy } from '../../src/client/retry.js';
import { failure, startScriptedServer, success, type Script, type ScriptedServer } from '../support/scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startClient(script: Script, options: Partial<PortraitClientOptions>) {
  const started = await startScriptedServer(script);
  return { server: started, client: createPortraitClient({ apiKey: 'test-key', baseUrl: started.url, minRetryDelayMs: 1, maxRetryDelayMs: 5, ...options }) };
}

/** A client of a scripted server, kept in `server` until the test ends. */
async function clientFor(script: Script, options: Partial<PortraitClientOptions> = {}) {
  const started = await startClient(script, options);
  server = started.server;
  return started.client;
}

/** Fails with `reply` until the last allowed attempt, then succeeds. */
const failThenSucceed = (failures: number, reply: ReturnType<Script>): Script => (request, index) =>
  index < failures ? reply : success(request.action ?? '', { Id: 'asset-1' });

const asset = { Id: 'asset-1', GroupId: 'group-1', Name: 'n', AssetType: 'Image', Status: 'Active', URL: '', CreateTime: 't', UpdateTime: 't' };
const createAsset = { GroupId: 'group-1', URL: 'https://example.com/a.png', AssetType: 'Image' } as const;

describe('retries', () => {
  it.each([
    ['HTTP 429', failure('GetAsset', 'RateLimitExceeded', 429)],
    ['RateLimitExceeded with HTTP 200', failure('GetAsset', 'RateLimitExceeded', 200)],
    ['HTTP 500', failure('GetAsset', 'InternalError', 500)],
    ['HTTP 503', failure('GetAsset', 'ServiceUnavailable', 503)],
    ['an HTML 502', { raw: '<html>502</html>', status: 502, contentType: 'text/html' }],
  ] as const)('retries %s twice by default, then succeeds', async (_, reply) => {
    const client = await clientFor(failThenSucceed(2, reply));
    const result = await client.getAsset({ Id: 'asset-1' });
    expect(result.$metadata.attempts).toBe(3);
    expect(server?.received).toHaveLength(3);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    const client = await clientFor(() => failure('GetAsset', 'InternalError', 500), { maxRetries: 3 });
    await expect(client.getAsset({ Id: 'asset-1' })).rejects.toMatchObject({ code: 'InternalError', status: 500 });
    expect(server?.received).toHaveLength(4);
  });

  it('takes maxRetries per call', async () => {
    const client = await clientFor(() => failure('GetAsset', 'InternalError', 500));
    await expect(client.getAsset({ Id: 'asset-1' }, { maxRetries: 0 })).rejects.toBeInstanceOf(PortraitError);
    expect(server?.received).toHaveLength(1);
  });

  it.each(['InvalidParameter.Id', 'NotFound', 'Forbidden', 'Unauthorized', 'QuotaExceeded'])('does not retry %s', async (code) => {
    const client = await clientFor(() => failure('GetAsset', code, 400));
    await expect(client.getAsset({ Id: 'asset-1' })).rejects.toMatchObject({ code });
    expect(server?.received).toHaveLength(1);
  });

  it('honours Retry-After, in seconds', async () => {
    const client = await clientFor(failThenSucceed(1, failure('GetAsset', 'RateLimitExceeded', 429, { headers: { 'Retry-After': '0.05' } })));
    const result = await client.getAsset({ Id: 'asset-1' });
    expect(result.$metadata).toMatchObject({ attempts: 2, totalRetryDelayMs: 50 });
  });

  it('reports the backoff it waited when there is no Retry-After', async () => {
    const client = await clientFor(failThenSucceed(2, failure('GetAsset', 'InternalError', 500)), { minRetryDelayMs: 4, maxRetryDelayMs: 100 });
    const { $metadata } = await client.getAsset({ Id: 'asset-1' });
    // 4 ms then 8 ms, each less up to 25% of jitter.
    expect($metadata.totalRetryDelayMs).toBeGreaterThanOrEqual(9);
    expect($metadata.totalRetryDelayMs).toBeLessThanOrEqual(12);
  });
});

// A timeout long enough for a request to reach the server on a loaded machine: at 30 to 50 ms, an
// attempt sometimes timed out before the server saw it, or before it saw the connection drop.
const stallTimeoutMs = 1_000;

describe('timeouts, dropped connections and the Create* rule', () => {
  it('takes timeoutMs per call', async () => {
    const client = await clientFor(() => 'stall', { timeoutMs: 60_000, maxRetries: 0 });
    await expect(client.getAsset({ Id: 'asset-1' }, { timeoutMs: 20 })).rejects.toThrow(/timed out after 20 ms/);
  });

  it('retries a read whose connection dropped', async () => {
    const client = await clientFor(failThenSucceed(1, 'drop'));
    expect((await client.getAsset({ Id: 'asset-1' })).$metadata.attempts).toBe(2);
  });

  it.each([
    ['dropped', 'drop', PortraitConnectionError],
    ['got a 500', failure('CreateAsset', 'InternalError', 500), PortraitError],
  ] as const)('does not retry a Create whose attempt %s', async (_, reply, errorClass) => {
    const client = await clientFor(failThenSucceed(1, reply), { timeoutMs: stallTimeoutMs });
    await expect(client.createAsset(createAsset)).rejects.toBeInstanceOf(errorClass);
    expect(server?.received).toHaveLength(1);
  });

  it('retries a Create after an ambiguous failure when the caller opts in', async () => {
    const client = await clientFor(failThenSucceed(1, 'drop'));
    expect((await client.createAsset(createAsset, { retryCreates: true })).$metadata.attempts).toBe(2);
    const optedIn = createPortraitClient({ apiKey: 'k', baseUrl: server?.url ?? '', retryCreates: true, minRetryDelayMs: 1 });
    expect((await optedIn.createAssetGroup({ Name: 'n' })).$metadata.attempts).toBe(1);
  });

  it('retries a Create that was rate limited, since nothing was created', async () => {
    const client = await clientFor(failThenSucceed(1, failure('CreateAsset', 'RateLimitExceeded', 429)));
    expect((await client.createAsset(createAsset)).$metadata.attempts).toBe(2);
  });

  it('retries a Create whose connection was refused, since nothing was sent', async () => {
    const closed = await startScriptedServer(() => 'drop');
    await closed.close();
    let calls = 0;
    const refused = createPortraitClient({
      apiKey: 'test-key',
      baseUrl: closed.url,
      minRetryDelayMs: 1,
      fetch: (request) => {
        calls += 1;
        return fetch(request);
      },
    });
    const error = await refused.createAsset(createAsset).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortraitConnectionError);
    expect(error).toMatchObject({ mayHaveBeenSent: false });
    expect(calls).toBe(3);
  });
});

// Each of these waits out a timeout or two of a second: side by side they take two seconds, not
// five, while the other files' tests use the cores. Side by side, each keeps its own server:
// clientFor's shared `server` would be closed under another test by afterEach.
describe.concurrent('attempts that stall', () => {
  /** A client of a scripted server of the test's own, closed when the test ends. */
  async function stallingClient(script: Script, options: Partial<PortraitClientOptions>, { onTestFinished }: TestContext) {
    const started = await startClient(script, { timeoutMs: stallTimeoutMs, ...options });
    onTestFinished(() => started.server.close());
    return started;
  }

  it('times out a stalled attempt and retries a read', async (context) => {
    const { client } = await stallingClient(failThenSucceed(2, 'stall'), {}, context);
    context.expect((await client.getAsset({ Id: 'asset-1' })).$metadata.attempts).toBe(3);
  });

  it('throws PortraitTimeoutError when every attempt times out', async (context) => {
    const { client, server: stalling } = await stallingClient(() => 'stall', { maxRetries: 1 }, context);
    await context.expect(client.getAsset({ Id: 'asset-1' })).rejects.toBeInstanceOf(PortraitTimeoutError);
    context.expect(stalling.received).toHaveLength(2);
  });

  it('does not retry a Create whose attempt timed out', async (context) => {
    const { client, server: stalling } = await stallingClient(failThenSucceed(1, 'stall'), {}, context);
    await context.expect(client.createAsset(createAsset)).rejects.toBeInstanceOf(PortraitTimeoutError);
    context.expect(stalling.received).toHaveLength(1);
  });
});

describe('abort and the body limit', () => {
  it('stops at once when the signal aborts mid-request, without retrying', async () => {
    const client = await clientFor(() => 'stall');
    const controller = new AbortController();
    const pending = client.getAsset({ Id: 'asset-1' }, { signal: controller.signal });
    // Aborted once the server holds the request, however long a loaded machine took to send it.
    await vi.waitFor(() => expect(server?.received).toHaveLength(1));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(PortraitAbortError);
    expect(server?.received).toHaveLength(1);
  });

  it('stops during the pause between retries', async () => {
    const controller = new AbortController();
    // Aborted once the 30 s pause has begun (the warning comes just before it), however long a
    // loaded machine took to get the first reply: a fixed 50 ms from the call could end first.
    const logger = { warn: () => void setTimeout(() => controller.abort(), 50) };
    const client = await clientFor(() => failure('GetAsset', 'RateLimitExceeded', 429, { headers: { 'Retry-After': '30' } }), { logger });
    const pending = client.getAsset({ Id: 'asset-1' }, { signal: controller.signal });
    await expect(pending).rejects.toBeInstanceOf(PortraitAbortError);
    expect(server?.received).toHaveLength(1);
  });

  it('does not send a call whose signal already aborted', async () => {
    const client = await clientFor(() => success('GetAsset', asset));
    await expect(client.getAsset({ Id: 'asset-1' }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(PortraitAbortError);
    expect(server?.received).toHaveLength(0);
  });

  it('refuses a body over 1 MB before sending it', async () => {
    const client = await clientFor(() => success('UpdateAsset', {}));
    const body = { Id: 'asset-1', Name: 'x'.repeat(1024 * 1024) };
    await expect(client.updateAsset(body)).rejects.toThrow(PortraitRequestTooLargeError);
    await expect(client.updateAsset(body)).rejects.toThrow(/1048\d+ bytes; the API accepts at most 1048576/);
    expect(server?.received).toHaveLength(0);
  });

  it('counts the limit in UTF-8 bytes: exactly 1 MB is sent, one byte more is not', async () => {
    const client = await clientFor(() => success('UpdateAsset', {}));
    // {"Id":"asset-1","Name":"…"} is 26 bytes around the name; each é is 2.
    const atLimit = { Id: 'asset-1', Name: 'é'.repeat((1024 * 1024 - 26) / 2) };
    await client.updateAsset(atLimit);
    await expect(client.updateAsset({ ...atLimit, Name: `${atLimit.Name}a` })).rejects.toThrow(/UpdateAsset body is 1048577 bytes/);
    await expect(client.updateAsset({ ...atLimit, Name: `${atLimit.Name.slice(1)}😀` })).rejects.toThrow(/1048578 bytes/);
    expect(server?.received).toHaveLength(1);
  });
});

describe('retry timing rules', () => {
  const policy: RetryPolicy = { maxRetries: 5, minDelayMs: 500, maxDelayMs: 8000, retryCreates: false };
  const serverError = { kind: 'reply', status: 500, baseCode: 'InternalError', retryAfterMs: undefined } as const;

  it('doubles the backoff up to the cap, less at most 25% of jitter', () => {
    expect([0, 1, 2, 3, 4, 5].map((retry) => retryDelayMs(retry, serverError, policy, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(retryDelayMs(0, serverError, policy, () => 1)).toBe(375);
  });

  it('prefers a Retry-After of up to 60 s', () => {
    expect(retryDelayMs(0, { ...serverError, retryAfterMs: 2000 }, policy)).toBe(2000);
    expect(retryDelayMs(0, { ...serverError, retryAfterMs: 600_000 }, policy, () => 0)).toBe(500);
  });

  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after-ms': '120' }, 120],
    [{ 'retry-after': 'Tue, 24 Nov 2026 10:00:05 GMT' }, 5000],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after': '-1' }, undefined],
    [{}, undefined],
  ])('reads %j as %s ms', (headers, expected) => {
    expect(parseRetryAfter(new Headers(headers), Date.parse('Tue, 24 Nov 2026 10:00:00 GMT'))).toBe(expected);
  });
});
