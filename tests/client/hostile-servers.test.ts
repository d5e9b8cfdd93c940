// The client against servers that never answer, page for ever or write into its log, and against
// options taken from an unset environment variable: each ends at once or at its deadline, in a
// typed error, with nothing a terminal would act on.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPortraitClient,
  paginateListAssetGroups,
  paginateListAssets,
  PortraitClientError,
  PortraitConnectionError,
  PortraitError,
  PortraitWaiterTimeoutError,
  waitUntilAssetActive,
  waitUntilValidateResult,
} from '../../src/client/index.js';
import { failure, startScriptedServer, success, type Script } from '../support/scripted-server.js';

const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

async function clientOf(script: Script, options: Parameters<typeof createPortraitClient>[0] = {}) {
  const server = await startScriptedServer(script);
  started.push(server);
  return { server, client: createPortraitClient({ apiKey: 'test-key', baseUrl: server.url, ...options }) };
}

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

  it('stop with InvalidResponse when a server echoes each page number, keeps TotalCount a page ahead and sends the same item', async () => {
    const { client } = await clientOf((request) => {
      const { PageNumber = 1, PageSize = 1 } = request.body as { PageNumber?: number; PageSize?: number };
      return success('ListAssets', { Items: [item], PageNumber, PageSize, TotalCount: (PageNumber + 1) * PageSize });
    });
    const yielded: unknown[] = [];
    const paging = (async () => {
      for await (const asset of paginateListAssets({ client, pageSize: 1 }).items()) yielded.push(asset);
    })();
    await expect(paging).rejects.toThrow('The ListAssets reply holds only items already seen; paging stopped.');
    expect(yielded).toHaveLength(1);
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
  it('is a PortraitClientError at once, never retried or reported as maybe sent', async () => {
    const { server, client } = await clientOf(() => success('CreateAssetGroup', { Id: 'group-1' }), { maxRetries: 2, retryCreates: true });
    const error = await client.createAssetGroup({ Name: 'x', GroupType: 'AIGC' }, { headers: { 'X-Trace': 'a\r\nInjected: yes' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortraitClientError);
    expect(error).not.toBeInstanceOf(PortraitConnectionError);
    expect((error as Error).message).toMatch(/^CreateAssetGroup was not sent: /);
    expect(server.received).toHaveLength(0);
  });
});
