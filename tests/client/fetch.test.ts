// A fetch of the caller's: what it is given, and the time limits that hold whatever it does; and
// how the global fetch is called.
import { runInNewContext } from 'node:vm';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createPortraitClient, PortraitAbortError, PortraitTimeoutError, type FetchFunction } from '../../src/client/index.js';
import { apiVersion } from '../../src/protocol/index.js';
import { actionUrl } from '../support/calls.js';
import { startScriptedServer, success } from '../support/scripted-server.js';

const asset = { Id: 'asset-1', GroupId: 'group-1', Name: 'n', AssetType: 'Image', Status: 'Active', URL: '', CreateTime: 't', UpdateTime: 't' };
const envelope = (result: object) => Response.json({ ResponseMetadata: { RequestId: 'R1', Action: 'GetAsset', Version: apiVersion }, Result: result });

/** A fetch that never answers, and what it was given. */
function hangingFetch() {
  const seen: { request: Request; signal: AbortSignal | undefined }[] = [];
  const fetch: FetchFunction = (request, init) => {
    seen.push({ request, signal: init?.signal });
    return new Promise(() => {});
  };
  return { fetch, seen };
}

describe("the caller's fetch", () => {
  it('gets the request and a signal, which a timeout aborts', async () => {
    const { fetch, seen } = hangingFetch();
    const client = createPortraitClient({ apiKey: 'k', baseUrl: 'http://api.local', fetch, timeoutMs: 20, maxRetries: 0 });
    await expect(client.getAsset({ Id: 'asset-1' })).rejects.toBeInstanceOf(PortraitTimeoutError);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.request.url).toBe(actionUrl('http://api.local', 'GetAsset'));
    expect(seen[0]?.request.headers.get('authorization')).toBe('Bearer k');
    expect(await seen[0]?.request.json()).toEqual({ Id: 'asset-1' });
    expect(seen[0]?.signal?.aborted).toBe(true);
  });

  it('times out and retries even when the fetch ignores its signal', async () => {
    const { fetch, seen } = hangingFetch();
    const client = createPortraitClient({ apiKey: 'k', fetch, timeoutMs: 10, maxRetries: 2, minRetryDelayMs: 1 });
    await expect(client.getAsset({ Id: 'asset-1' })).rejects.toThrow(/timed out after 10 ms/);
    expect(seen).toHaveLength(3);
  });

  it("passes the caller's abort on to the signal, with its reason", async () => {
    const { fetch, seen } = hangingFetch();
    const client = createPortraitClient({ apiKey: 'k', fetch });
    const controller = new AbortController();
    const pending = client.getAsset({ Id: 'asset-1' }, { signal: controller.signal });
    // Aborted once fetch holds the request, however long a loaded machine took to get there.
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    controller.abort('enough');
    await expect(pending).rejects.toBeInstanceOf(PortraitAbortError);
    expect(seen[0]?.signal?.reason).toBe('enough');
  });

  it('keeps the signal when it spreads init into its own', async () => {
    let forwarded: RequestInit | undefined;
    const client = createPortraitClient({
      apiKey: 'k',
      fetch: (request, init) => {
        forwarded = { ...init, cache: 'no-store' };
        return Promise.resolve(envelope(asset));
      },
    });
    await client.getAsset({ Id: 'asset-1' });
    expect(forwarded?.signal).toBeInstanceOf(AbortSignal);
  });

  it('authenticates `raw` too', async () => {
    const seen: Request[] = [];
    const client = createPortraitClient({
      apiKey: 'k',
      baseUrl: 'http://api.local',
      fetch: (request) => {
        seen.push(request);
        return Promise.resolve(envelope(asset));
      },
    });
    const { data } = await client.raw.POST('/portrait/?Action=GetAsset&Version=2024-01-01', { body: { Id: 'asset-1' } });
    expect(data && 'Result' in data ? data.Result : undefined).toEqual(asset);
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer k');
  });
});

describe('the global fetch', () => {
  it("sends the body without Node's fetch copying it, as it does for every request that does not refuse redirects", async () => {
    const server = await startScriptedServer(() => success('GetAsset', asset));
    onTestFinished(() => server.close());
    // Node's fetch copies a body by teeing its stream (undici's cloneBody), as the bare call shows.
    const tee = vi.spyOn(ReadableStream.prototype, 'tee');
    onTestFinished(() => tee.mockRestore());
    await (await fetch(server.url, { method: 'POST', body: '{}', redirect: 'manual' })).text();
    expect(tee).toHaveBeenCalledTimes(1);
    tee.mockClear();
    const client = createPortraitClient({ apiKey: 'k', baseUrl: server.url });
    expect(await client.getAsset({ Id: 'asset-1' })).toEqual(asset);
    expect(server.received.map((request) => request.body).at(-1)).toEqual({ Id: 'asset-1' });
    expect(tee).not.toHaveBeenCalled();
  });

  /** The global fetch replaced by `fetch` for one test, and what each call was given. */
  function stubGlobalFetch(fetch: () => Promise<Response>) {
    const seen: RequestInit[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => (seen.push(init), fetch()));
    onTestFinished(() => void vi.unstubAllGlobals());
    return seen;
  }

  it("reads a refused redirect by its shape, so that one made in another realm (a test runner's vm context) is still one", async () => {
    const seen = stubGlobalFetch(() => Promise.reject(runInNewContext("new TypeError('fetch failed', { cause: new Error('unexpected redirect') })")));
    const error = await createPortraitClient({ apiKey: 'k', minRetryDelayMs: 1 }).getAsset({ Id: 'asset-1' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'PortraitError', code: 'InvalidResponse', status: 0 });
    expect(seen.map((init) => init.redirect)).toEqual(['error']);
  });

  it("keeps redirect 'manual' where a page's fetch may stand in for Node's (a document: happy-dom, jsdom, an Electron renderer)", async () => {
    vi.stubGlobal('document', {});
    const seen = stubGlobalFetch(() => Promise.resolve(envelope(asset)));
    await createPortraitClient({ apiKey: 'k' }).getAsset({ Id: 'asset-1' });
    expect(seen.map((init) => init.redirect)).toEqual(['manual']);
  });
});
