// The client against servers that misbehave: replies too large or endless, gzip bombs, redirects,
// envelopes that are almost right, paging that never ends, servers that never answer a waiter's
// poll or write into its log, and options taken from an unset environment variable. Each ends in
// a typed error, at once or at its deadline, with nothing a terminal would act on.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPortraitClient,
  paginateListAssetGroups,
  paginateListAssets,
  PortraitClientError,
  PortraitConnectionError,
  PortraitError,
  PortraitResponseTooLargeError,
  PortraitTimeoutError,
  PortraitWaiterTimeoutError,
  waitUntilAssetActive,
  waitUntilValidateResult,
} from '../../src/client/index.js';
import { actions, apiVersion } from '../../src/protocol/index.js';
import { failure, startScriptedServer, success, type Script, type ScriptedServer } from '../support/scripted-server.js';

const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

async function scripted(...args: Parameters<typeof startScriptedServer>): Promise<ScriptedServer> {
  const server = await startScriptedServer(...args);
  started.push(server);
  return server;
}

async function clientOf(script: Script, options: Parameters<typeof createPortraitClient>[0] = {}) {
  const server = await scripted(script);
  return { server, client: createPortraitClient({ apiKey: 'test-key', baseUrl: server.url, ...options }) };
}

/** A server that answers `status` and then sends `chunk` for ever, counting what it managed to send, and seeing the client close. */
async function endless(chunk: Buffer, status = 200, headers: Record<string, string> = {}): Promise<{ url: string; sent: () => number; closed: () => boolean }> {
  let sent = 0;
  let closed = false;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.socket.once('close', () => (closed = true));
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    const pump = () => {
      while (!response.destroyed && response.write(chunk)) sent += chunk.length;
      if (!response.destroyed) response.once('drain', pump);
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  started.push({ close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent, closed: () => closed };
}

describe('maxResponseBytes', () => {
  it('stops reading a large reply, a success or an error, with PortraitResponseTooLargeError', async () => {
    for (const status of [200, 500]) {
      const server = await scripted(() => ({ status, body: { ...success('GetAsset', { Id: 'a' }).body, padding: 'x'.repeat(100_000) } }));
      const client = createPortraitClient({ apiKey: 'k', baseUrl: server.url, maxResponseBytes: 64 * 1024, maxRetries: 0 });
      await expect(client.getAsset({ Id: 'a' }), String(status)).rejects.toThrow(PortraitResponseTooLargeError);
    }
  });

  it('stops an endless reply soon after the limit, without waiting for its end', async () => {
    const server = await endless(Buffer.alloc(64 * 1024, ' '));
    const client = createPortraitClient({ apiKey: 'k', baseUrl: server.url, maxResponseBytes: 1024 * 1024, maxRetries: 0 });
    await expect(client.getAsset({ Id: 'a' })).rejects.toThrow('GetAsset reply is over maxResponseBytes (1048576 bytes)');
    expect(server.sent()).toBeLessThan(64 * 1024 * 1024);
  });

  it('counts after decompression: a 30 KB gzip of 30 MB is over the default 10 MiB', async () => {
    const bomb = gzipSync(Buffer.alloc(30 * 1024 * 1024, ' '));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const server = await scripted(() => ({ raw: bomb, status: 200, contentType: 'application/json', headers: { 'content-encoding': 'gzip' } }));
    const client = createPortraitClient({ apiKey: 'k', baseUrl: server.url, maxRetries: 0 });
    await expect(client.getAsset({ Id: 'a' })).rejects.toThrow(PortraitResponseTooLargeError);
  });

  it('refuses a reply whose Content-Length is over the limit before reading any of it', async () => {
    // Headers promising 2 KB, then nothing: reading would wait for the timeout instead.
    const server = createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '2048' });
      response.flushHeaders();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    started.push({ close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) });
    const client = createPortraitClient({ apiKey: 'k', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, maxResponseBytes: 1024, maxRetries: 0, timeoutMs: 20_000 });
    await expect(client.getAsset({ Id: 'a' })).rejects.toThrow(PortraitResponseTooLargeError);
  });

  it('times out a body that stalls, a success or an error, even through a fetch that ignores its signal, and cancels it', async () => {
    for (const status of [200, 500]) {
      const cancelled: unknown[] = [];
      const stalled: typeof fetch = async () =>
        new Response(
          new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"ResponseMetadata":')), cancel: (reason) => void cancelled.push(reason) }),
          { status, headers: { 'content-type': 'application/json' } },
        );
      const client = createPortraitClient({ apiKey: 'k', baseUrl: 'http://portrait.local', fetch: (request) => stalled(request), timeoutMs: 200, maxRetries: 0 });
      await expect(client.getAsset({ Id: 'a' }), String(status)).rejects.toThrow(PortraitTimeoutError);
      expect(cancelled, String(status)).toHaveLength(1);
    }
  });
});

// Node's global fetch is told to refuse a redirect, so, as with a browser's opaque redirect, there
// is no status (0); a fetch of the caller's is told not to follow it, and returns it.
describe.each([
  { fetch: 'the global fetch', given: undefined, reported: () => 0 },
  { fetch: "a fetch of the caller's", given: (request: Request, init?: RequestInit) => fetch(request, init), reported: (status: number) => status },
])('redirects, with $fetch', ({ given, reported }) => {
  it.each([307, 302, 301, 308, 303])('never follows a %i: InvalidResponse, not retried, and the other origin sees nothing', async (status) => {
    const elsewhere = await scripted(() => success('GetAsset', { Id: 'stolen' }));
    const server = await scripted(() => ({ status, headers: { location: `${elsewhere.url}${actions.GetAsset.path}` }, body: {} }));
    const client = createPortraitClient({ apiKey: 'sk-secret', baseUrl: server.url, fetch: given, minRetryDelayMs: 1 });
    const error = await client.getAsset({ Id: 'a' }).catch((caught: unknown) => caught);
    expect(PortraitError.is(error, 'InvalidResponse')).toBe(true);
    expect((error as PortraitError).message).toBe(
      `GetAsset failed with InvalidResponse (HTTP ${reported(status)}): the reply is not a Portrait API envelope (a redirect, which the client does not follow).`,
    );
    expect((error as PortraitError).status).toBe(reported(status));
    expect(elsewhere.received).toHaveLength(0);
    expect(server.received).toHaveLength(1);
  });

  it('closes the connection of a redirect whose body never ends', async () => {
    const server = await endless(Buffer.alloc(64 * 1024, ' '), 302, { location: 'http://127.0.0.1:9/elsewhere' });
    const client = createPortraitClient({ apiKey: 'k', baseUrl: server.url, fetch: given, maxResponseBytes: 1024 * 1024 });
    // Its body is no envelope: not read up to maxResponseBytes, which would end as too large.
    const error = await client.getAsset({ Id: 'a' }).catch((caught: unknown) => caught);
    expect(PortraitError.is(error, 'InvalidResponse')).toBe(true);
    await expect.poll(server.closed).toBe(true);
  });
});

describe('replies without a body', () => {
  it.each([304, 205])('a %i is InvalidResponse, not a connection error, and is not retried', async (status) => {
    const server = await scripted(() => ({ raw: '', status, contentType: 'application/json' }));
    const client = createPortraitClient({ apiKey: 'k', baseUrl: server.url, minRetryDelayMs: 1 });
    const error = await client.getAsset({ Id: 'a' }).catch((caught: unknown) => caught);
    expect(PortraitError.is(error, 'InvalidResponse')).toBe(true);
    // Not one of the fetch standard's redirects (301, 302, 303, 307, 308).
    expect((error as PortraitError).message).not.toContain('redirect');
    expect(server.received).toHaveLength(1);
  });
});

describe('envelopes that are almost right', () => {
  it.each([123, { toString: 1 }, null, ['R']])('InvalidResponse, not retried, for a success whose RequestId is %j', async (requestId) => {
    const server = await scripted(() => ({ body: { ResponseMetadata: { RequestId: requestId, Action: 'GetAsset', Version: apiVersion }, Result: { Id: 'a' } } }));
    const client = createPortraitClient({ apiKey: 'k', baseUrl: server.url, minRetryDelayMs: 1 });
    const error = await client.getAsset({ Id: 'a' }).catch((caught: unknown) => caught);
    expect(PortraitError.is(error, 'InvalidResponse')).toBe(true);
    expect(server.received).toHaveLength(1);
  });

  it('InvalidResponse for an Error without a string Code', async () => {
    const server = await scripted(() => ({ body: { ResponseMetadata: { RequestId: 'R', Error: { Code: 5 } } } }));
    const client = createPortraitClient({ apiKey: 'k', baseUrl: server.url, maxRetries: 0 });
    await expect(client.getAsset({ Id: 'a' })).rejects.toThrow('(ResponseMetadata.Error has no Code)');
  });
});

describe('options checked when the client is made', () => {
  it('refuses a key with a control character, a space or a character outside ASCII, without quoting it', () => {
    for (const apiKey of ['sk-secret\n', 'sk-\rsecret', 'sk secret', 'sk-sécret', 'sk-secret\u0000']) {
      const make = () => createPortraitClient({ apiKey });
      expect(make).toThrow(PortraitClientError);
      expect(make).toThrow(/^(?!.*secret)/s);
    }
  });

  it('refuses timeouts, retries and limits no timer or count can keep, at creation and per call', async () => {
    for (const timeoutMs of [Infinity, 2 ** 31, 0, Number.NaN, 1.5, -1]) {
      expect(() => createPortraitClient({ apiKey: 'k', timeoutMs }), String(timeoutMs)).toThrow(/^timeoutMs must be a whole number from 1 to 2147483647/);
    }
    expect(() => createPortraitClient({ apiKey: 'k', maxRetries: -1 })).toThrow(/^maxRetries must be/);
    expect(() => createPortraitClient({ apiKey: 'k', maxResponseBytes: 0 })).toThrow(/^maxResponseBytes must be/);
    const client = createPortraitClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' });
    await expect(client.getAsset({ Id: 'a' }, { timeoutMs: Infinity })).rejects.toThrow(/^timeoutMs must be/);
  });
});

describe('paginators against a server that does not page', () => {
  const page = (pageNumber: number, items: unknown) =>
    success('ListAssets', { Items: items, TotalCount: 100, PageNumber: pageNumber, PageSize: 2 });
  const item = { Id: 'asset-1', GroupId: 'g', Name: '', AssetType: 'Image', Status: 'Active', URL: '', ProjectName: 'default', CreateTime: '2026-03-18T07:20:44Z', UpdateTime: '2026-03-18T07:20:44Z' };

  it('stops with InvalidResponse when the server repeats a page', async () => {
    const server = await scripted(() => page(1, [item, item]));
    const client = createPortraitClient({ apiKey: 'k', baseUrl: server.url, maxRetries: 0 });
    const seen: unknown[] = [];
    const paging = (async () => {
      for await (const listed of paginateListAssets({ client, pageSize: 2 })) seen.push(listed);
    })();
    await expect(paging).rejects.toThrow('The ListAssets reply is page 1, not the page 2 asked for; paging stopped.');
    expect(seen).toHaveLength(1);
  });

  it('stops with InvalidResponse, not a TypeError, when a page has no Items', async () => {
    const server = await scripted(() => page(1, undefined));
    const client = createPortraitClient({ apiKey: 'k', baseUrl: server.url, maxRetries: 0 });
    const error = await paginateListAssets({ client })[Symbol.asyncIterator]().next().catch((caught: unknown) => caught);
    expect(PortraitError.is(error, 'InvalidResponse')).toBe(true);
    expect((error as Error).message).toContain('has no Items list');
  });
});

/** Takes every request and answers none. */
async function silentServer(): Promise<string> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  started.push({ close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the waiters', () => {
  it('give up at maxWaitTime while a poll is still waiting for its reply, with PortraitWaiterTimeoutError', async () => {
    // Each poll could take a minute times three attempts: maxWaitTime must cut it short.
    const client = createPortraitClient({ apiKey: 'test-key', baseUrl: await silentServer(), timeoutMs: 60_000 });
    await expect(waitUntilAssetActive({ client, maxWaitTime: 0.3 }, { Id: 'asset-1' })).rejects.toThrow(PortraitWaiterTimeoutError);
    await expect(waitUntilValidateResult({ client, maxWaitTime: 0.3 }, { BytedToken: 'token' })).rejects.toThrow(
      new PortraitWaiterTimeoutError('Gave up waiting for the liveness result after 0.3 s.'),
    );
  });

  it.each([
    ['maxWaitTime', Number.NaN],
    ['maxWaitTime', Number.POSITIVE_INFINITY],
    ['minDelay', Number.NaN],
    ['minDelay', -5],
    ['maxDelay', Number.NaN],
  ])('refuse %s: %s at once, before any poll', async (name, value) => {
    const { server, client } = await clientOf(() => success('GetAsset', {}));
    const waiting = waitUntilAssetActive({ client, [name]: value }, { Id: 'asset-1' });
    await expect(waiting).rejects.toThrow(new PortraitClientError(`${name} must be a number of seconds from 0 to 2147483, not ${String(value)}.`));
    expect(server.received).toHaveLength(0);
  });
});

describe('the paginators', () => {
  const item = { Id: 'asset-1', GroupId: 'group-1', Name: '', AssetType: 'Image', Status: 'Active', URL: '', ProjectName: 'default', CreateTime: '2026-03-18T07:20:44Z', UpdateTime: '2026-03-18T07:20:44Z' };

  /** A server that echoes the page asked for and announces one page more than it has sent. */
  const oneMorePage = (items: (page: number) => object[]) => (request: { body: unknown }) => {
    const { PageNumber = 1, PageSize = 1 } = request.body as { PageNumber?: number; PageSize?: number };
    return success('ListAssets', { Items: items(PageNumber), PageNumber, PageSize, TotalCount: (PageNumber + 1) * PageSize });
  };

  it('yield an item once, and end, when a server echoes each page number, keeps TotalCount a page ahead and sends the same item', async () => {
    const { server, client } = await clientOf(oneMorePage(() => [item]));
    const yielded: unknown[] = [];
    for await (const asset of paginateListAssets({ client, pageSize: 1 }).items()) yielded.push(asset);
    expect(yielded).toEqual([item]);
    expect(server.received).toHaveLength(3);
  });

  it('end after twice the items the first page announced, when every page brings new ones and one more page is always promised', async () => {
    const { server, client } = await clientOf(oneMorePage((page) => [{ ...item, Id: `asset-${page}` }]));
    let count = 0;
    for await (const _ of paginateListAssets({ client, pageSize: 1 }).items()) count++;
    expect(count).toBe(4);
    expect(server.received).toHaveLength(4);
  });

  it('yield each item once from an honest server whose newest-first list grew while paging', async () => {
    const ids = ['asset-4', 'asset-3', 'asset-2', 'asset-1'];
    const { client } = await clientOf((request, index) => {
      // Two new assets arrive after the first page was read.
      const listed = index === 0 ? ids : ['asset-6', 'asset-5', ...ids];
      const { PageNumber = 1, PageSize = 2 } = request.body as { PageNumber?: number; PageSize?: number };
      const Items = listed.slice((PageNumber - 1) * PageSize, PageNumber * PageSize).map((Id) => ({ ...item, Id }));
      return success('ListAssets', { Items, PageNumber, PageSize, TotalCount: listed.length });
    });
    const yielded: string[] = [];
    for await (const asset of paginateListAssets({ client, pageSize: 2 }).items()) yielded.push(asset.Id);
    expect(yielded).toEqual(['asset-4', 'asset-3', 'asset-2', 'asset-1']);
  });

  it.each([
    ['pageSize', { pageSize: 1e-9 }, {}],
    ['PageSize', {}, { PageSize: 1e-9 }],
    ['PageNumber', {}, { PageNumber: Number.NaN }],
    ['PageNumber', {}, { PageNumber: 0 }],
  ])('refuse a %s no page can have, at once', async (name, config, input) => {
    const { server, client } = await clientOf(() => success('ListAssetGroups', {}));
    expect(() => paginateListAssetGroups({ client, ...config }, input)).toThrow(new PortraitClientError(`${name} must be a whole number from 1, not ${String(Object.values({ ...config, ...input })[0])}.`));
    expect(server.received).toHaveLength(0);
  });
});

describe("a server's text", () => {
  const forged = '\n2026-12-07 INFO Portrait GetAsset attempt 1: HTTP 200\u001b]0;owned\u0007\r\u202e';

  it('reaches the logger and the error made printable: no forged line, escape or bidirectional override', async () => {
    const lines: string[] = [];
    const logger = { debug: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
    const reply = failure('GetAsset', `InternalError${forged}`, 500);
    reply.body.ResponseMetadata.RequestId = `REQ${forged}`;
    (reply.body.ResponseMetadata.Error as { Message: string }).Message = `broken${forged}`;
    const { client } = await clientOf(() => reply, { logger, maxRetries: 1, minRetryDelayMs: 0 });
    const error = await client.getAsset({ Id: 'asset-1' }).catch((caught: unknown) => caught);
    expect(PortraitError.is(error)).toBe(true);
    expect(lines).toHaveLength(3);
    for (const text of [...lines, (error as PortraitError).message, (error as PortraitError).code, String((error as PortraitError).requestId)]) {
      expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
    expect(lines[0]).toContain('broken\\u000a2026-12-07 INFO');
  });
});

describe('a request fetch refuses before sending', () => {
  // The global fetch is handed the URL and the request's parts, a fetch of the caller's a Request.
  it.each([
    ['the global fetch', undefined],
    ["a fetch of the caller's", (request: Request, init?: { readonly signal: AbortSignal }) => fetch(request, init)],
  ])('is a PortraitClientError at once, never retried or reported as maybe sent, through %s', async (_, fetchImpl) => {
    const { server, client } = await clientOf(() => success('CreateAssetGroup', { Id: 'group-1' }), { maxRetries: 2, retryCreates: true, fetch: fetchImpl });
    const error = await client.createAssetGroup({ Name: 'x', GroupType: 'AIGC' }, { headers: { 'X-Trace': 'tok-SECRET-123\r\nInjected: yes' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortraitClientError);
    expect(error).not.toBeInstanceOf(PortraitConnectionError);
    expect((error as Error).message).toMatch(/^CreateAssetGroup was not sent: /);
    // The runtime's own message quotes the value, which may be a secret: it is left out.
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('tok-SECRET');
    expect(server.received).toHaveLength(0);
  });
});

describe("a server's text in the waiters' and paginators' errors", () => {
  const hostile = '\r\n\u001b]0;owned\u0007\u001b]52;c;Y3VybA==\u0007 FAKE LOG LINE key=test-key-0123456789 \u202e';
  const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b\u202a-\u202e]/;

  it('reaches PortraitAssetFailedError printable, with the key redacted', async () => {
    const failed = { Id: `asset-1${hostile}`, GroupId: 'group-1', Name: '', AssetType: 'Image', Status: 'Failed', FailedReason: hostile, URL: '', CreateTime: '2026-03-18T07:20:44Z', UpdateTime: '2026-03-18T07:20:44Z' };
    const { client } = await clientOf(() => success('GetAsset', failed), { apiKey: 'test-key-0123456789' });
    const error = (await waitUntilAssetActive({ client }, { Id: 'asset-1' }).catch((caught: unknown) => caught)) as Error & { failedReason: string };
    expect(error.name).toBe('PortraitAssetFailedError');
    for (const text of [error.message, error.failedReason]) {
      expect(text).not.toMatch(unsafe);
      expect(text).not.toContain('test-key-0123456789');
    }
    expect(error.failedReason).toContain('\\u001b]52;c;');
  });

  it('reaches the paginators\' InvalidResponse printable, cut short, with the key redacted', async () => {
    const { client } = await clientOf(() => success('ListAssets', { Items: [{ Id: 'asset-1' }], PageNumber: `${hostile}${'x'.repeat(10_000)}`, PageSize: 1, TotalCount: 5 }), { apiKey: 'test-key-0123456789' });
    const error = (await paginateListAssets({ client })[Symbol.asyncIterator]().next().catch((caught: unknown) => caught)) as Error;
    expect(PortraitError.is(error, 'InvalidResponse')).toBe(true);
    expect(error.message).not.toMatch(unsafe);
    expect(error.message).not.toContain('test-key-0123456789');
    expect(error.message.length).toBeLessThan(500);
  });

  it('reaches a PortraitError with the key redacted even percent-encoded', async () => {
    const key = 'sk/ab+cd=ef/gh';
    const reply = failure('GetAssetGroup', 'InvalidParameter', 400);
    (reply.body.ResponseMetadata.Error as { Message: string }).Message = `bad key ${encodeURIComponent(key)}`;
    const { client } = await clientOf(() => reply, { apiKey: key, maxRetries: 0 });
    const error = (await client.getAssetGroup({ Id: 'group-1' }).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe('GetAssetGroup failed with InvalidParameter (HTTP 400): bad key [redacted]');
  });

  it('refuses a TotalCount no list can have, such as 1e300', async () => {
    const { client } = await clientOf(() => success('ListAssets', { Items: [{ Id: 'asset-1' }], PageNumber: 1, PageSize: 1, TotalCount: 1e300 }));
    const error = await paginateListAssets({ client })[Symbol.asyncIterator]().next().catch((caught: unknown) => caught);
    expect(PortraitError.is(error, 'InvalidResponse')).toBe(true);
    expect((error as Error).message).toContain('has no usable PageSize and TotalCount');
  });
});
