// Latency and faults for testing a client's retries and timeouts: refused when wrong, replayed by
// their seed, met by the typed client as a real gateway's would be, and never a change of state.
// Waits run on vitest's fake timers: no assertion here reads the wall clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPortraitClient, PortraitConnectionError, PortraitTimeoutError } from '../../src/client/index.js';
import { createEmulator, allFaultKinds, startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';
import { maxStallMs } from '../../src/emulator/http/fault-injection.js';
import { ConnectionReset } from '../../src/server/connection-reset.js';
import { validateReply, type Action } from '../../src/protocol/index.js';
import { actionRequest } from '../support/calls.js';
import { createHarness, demoKey, origin, startTime } from './harness.js';
import type { Envelope } from '../support/http.js';

/** A frozen clock and no rate limits: bursts of calls in a test are not what a limit is for. */
function emulatorWith(options: EmulatorOptions): Emulator {
  return createEmulator({ clock: () => startTime, rateLimits: false, ...options });
}

function callOf(action: Action, body: object = {}, base = origin): Request {
  return actionRequest(base, action, body);
}

/** How each of `count` calls ended: its status, or `reset`. */
async function outcomes(emulator: Emulator, count: number, action: Action = 'ListAssetGroups', body: object = {}): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    seen.push(await emulator.handle(callOf(action, body)).then((reply) => String(reply.status), (error: unknown) => (error instanceof TypeError ? 'reset' : String(error))));
  }
  return seen;
}

/** The client's every wait (retry pauses, Retry-After, per-attempt deadlines) on the fake timers, stepped until `promise` settles. */
async function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  let result: PromiseSettledResult<T> | undefined;
  promise.then(
    (value) => (result = { status: 'fulfilled', value }),
    (reason: unknown) => (result = { status: 'rejected', reason }),
  );
  for (let steps = 0; result === undefined && steps < 10_000; steps++) await vi.advanceTimersByTimeAsync(100);
  if (!result) throw new Error('never settled');
  return result;
}

const replyKinds = ['429', '500', 'reset'] as const;

describe('createEmulator refuses, naming the option', () => {
  it.each([
    [{ latencyMs: -1 }, /^latencyMs must be milliseconds from 0 to 60000/],
    [{ latencyMs: Number.NaN }, /^latencyMs must be .* not NaN$/],
    [{ latencyMs: 60_001 }, /^latencyMs must be milliseconds from 0 to 60000/],
    [{ latencyMs: [500, 100] }, /^latencyMs must be .*min <= max, not \[500, 100\]$/],
    [{ latencyMs: [100] as unknown as [number, number] }, /^latencyMs must be/],
    [{ faultRate: 1.5 }, /^faultRate must be a number from 0 to 1 .* not 1\.5$/],
    [{ faultRate: -0.1 }, /^faultRate must be a number from 0 to 1/],
    [{ faultRate: Number.NaN }, /^faultRate must be .* not NaN$/],
    [{ faultKinds: [] }, /^faultKinds must be a non-empty list of 429, 500, stall, reset/],
    [{ faultKinds: ['503'] as unknown as ['429'] }, /^faultKinds names an unknown fault "503"/],
    [{ faultKinds: ['429', '429'] as const }, /^faultKinds lists "429" twice$/],
    [{ faultSeed: 1.5 }, /^faultSeed must be a whole number from 0 to 4294967295, not 1\.5$/],
    [{ faultSeed: 2 ** 32 }, /^faultSeed must be a whole number/],
    [{ faultSeed: -1 }, /^faultSeed must be a whole number/],
  ] as [EmulatorOptions, RegExp][])('%j', (options, message) => {
    expect(() => createEmulator(options)).toThrow(TypeError);
    expect(() => createEmulator(options)).toThrow(message);
  });
});

describe('the fault seed', () => {
  const options: EmulatorOptions = { faultRate: 0.5, faultKinds: [...replyKinds] };

  it('gives the same faults to the same calls, and other faults with another seed', async () => {
    const run = await outcomes(emulatorWith({ ...options, faultSeed: 7 }), 40);
    expect(await outcomes(emulatorWith({ ...options, faultSeed: 7 }), 40)).toEqual(run);
    expect(new Set(run)).toEqual(new Set(['200', '429', '500', 'reset']));
    expect(await outcomes(emulatorWith({ ...options, faultSeed: 8 }), 40)).not.toEqual(run);
  });

  it('keeps the faults of a lower rate when the rate is raised, each of the same kind', async () => {
    const low = await outcomes(emulatorWith({ ...options, faultRate: 0.2, faultSeed: 9 }), 60);
    const high = await outcomes(emulatorWith({ ...options, faultRate: 0.6, faultSeed: 9 }), 60);
    const faulted = (run: string[]) => run.flatMap((outcome, call) => (outcome === '200' ? [] : [`${call}: ${outcome}`]));
    expect(faulted(low).length).toBeGreaterThan(0);
    expect(faulted(high).length).toBeGreaterThan(faulted(low).length);
    expect(faulted(high)).toEqual(expect.arrayContaining(faulted(low)));
  });

  it('is picked when none is given, and told, so that the run can be replayed', async () => {
    const first = emulatorWith(options);
    expect(Number.isInteger(first.faultSeed)).toBe(true);
    const run = await outcomes(first, 40);
    expect(await outcomes(emulatorWith({ ...options, faultSeed: first.faultSeed }), 40)).toEqual(run);
  });

  it('is named in the message of each fault that has one', async () => {
    const reply = await emulatorWith({ faultRate: 1, faultKinds: ['500'], faultSeed: 1234 }).handle(callOf('ListAssets'));
    expect(await reply.text()).toContain('fault seed 1234');
  });
});

describe('the fault rate', () => {
  it('at 0 changes nothing: every call answers as the document says', async () => {
    const h = createHarness({ faultRate: 0, faultKinds: [...allFaultKinds], faultSeed: 1 });
    for (let i = 0; i < 30; i++) expect((await h.call('ListAssetGroups', {})).status).toBe(200);
  });

  it('at 1 faults every call: a 429 with Retry-After and RateLimitExceeded, as the document gives it', async () => {
    const emulator = emulatorWith({ faultRate: 1, faultKinds: ['429'] });
    for (let i = 0; i < 20; i++) {
      const reply = await emulator.handle(callOf('GetAsset', { Id: 'asset-20260318072044-abcde' }));
      const body = (await reply.json()) as Envelope;
      expect([reply.status, reply.headers.get('retry-after'), body.ResponseMetadata.Error?.Code]).toEqual([429, '1', 'RateLimitExceeded']);
      expect(validateReply('GetAsset', 429, body).valid).toBe(true);
    }
  });

  it('at 1 faults every call: a 500 InternalError, as the document gives it', async () => {
    const emulator = emulatorWith({ faultRate: 1, faultKinds: ['500'] });
    for (let i = 0; i < 20; i++) {
      const reply = await emulator.handle(callOf('ListAssets'));
      const body = (await reply.json()) as Envelope;
      expect([reply.status, body.ResponseMetadata.Error?.Code]).toEqual([500, 'InternalError']);
      expect(validateReply('ListAssets', 500, body).valid).toBe(true);
    }
  });

  it('at 1 faults every call: a reset rejects as fetch does, a TypeError whose cause is ECONNRESET', async () => {
    const emulator = emulatorWith({ faultRate: 1, faultKinds: ['reset'] });
    for (let i = 0; i < 20; i++) {
      const failure = await emulator.handle(callOf('ListAssets')).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TypeError);
      expect((failure as TypeError).cause).toBeInstanceOf(ConnectionReset);
      expect((failure as { cause: { code: string } }).cause.code).toBe('ECONNRESET');
    }
  });

  it('spares the liveness pages and media links, which stand for other hosts', async () => {
    const pages = [`${origin}/liveness/unknown-token`, `${origin}/media/asset-unknown`];
    const statuses = (emulator: Emulator) => Promise.all(pages.map(async (page) => (await emulator.handle(new Request(page))).status));
    expect(await statuses(emulatorWith({ faultRate: 1, faultKinds: ['reset'] }))).toEqual(await statuses(emulatorWith({})));
  });
});

describe('a faulted call', () => {
  it('runs nothing: the groups that exist are those whose Create was answered', async () => {
    const emulator = emulatorWith({ faultRate: 0.5, faultKinds: [...replyKinds], faultSeed: 3 });
    const creates = await outcomes(emulator, 30, 'CreateAssetGroup', { Name: 'retried' });
    const created = creates.filter((outcome) => outcome === '200').length;
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThan(creates.length);
    let listed: number | undefined;
    for (let tries = 0; listed === undefined && tries < 50; tries++) {
      const reply = await emulator.handle(callOf('ListAssetGroups', { PageSize: 100 }));
      if (reply.status === 200) listed = ((await reply.json()) as { Result: { TotalCount: number } }).Result.TotalCount;
    }
    expect(listed).toBe(created);
  });
});

describe('with fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('the typed client', () => {
    const clientOf = (emulator: Emulator, options: { maxRetries?: number; timeoutMs?: number } = {}) =>
      createPortraitClient({ apiKey: demoKey, baseUrl: origin, fetch: emulator.handle, minRetryDelayMs: 10, maxRetryDelayMs: 10, ...options });

    it.each(replyKinds)('retries a %s and succeeds', async (kind) => {
      const client = clientOf(emulatorWith({ faultRate: 0.5, faultKinds: [kind], faultSeed: 11 }), { maxRetries: 30 });
      let attempts = 0;
      for (let i = 0; i < 10; i++) {
        const result = await settle(client.listAssetGroups({}));
        expect(result.status).toBe('fulfilled');
        if (result.status !== 'fulfilled') continue;
        attempts += result.value.$metadata.attempts;
        // A 429's Retry-After (1 s) is what the client waited, not its own backoff.
        if (kind === '429') expect(result.value.$metadata.totalRetryDelayMs).toBe((result.value.$metadata.attempts - 1) * 1000);
      }
      expect(attempts).toBeGreaterThan(10);
    });

    it('meets a reset as a connection error that may have been sent', async () => {
      const client = clientOf(emulatorWith({ faultRate: 1, faultKinds: ['reset'] }), { maxRetries: 0 });
      const result = await settle(client.listAssets({}));
      expect(result.status === 'rejected' && result.reason).toBeInstanceOf(PortraitConnectionError);
      expect(result.status === 'rejected' && (result.reason as PortraitConnectionError).mayHaveBeenSent).toBe(true);
    });

    it('cuts a stall with its timeoutMs, and the emulator lets go of it: no timer is left', async () => {
      const client = clientOf(emulatorWith({ faultRate: 1, faultKinds: ['stall'] }), { maxRetries: 1, timeoutMs: 2000 });
      const result = await settle(client.listAssets({}));
      expect(result.status === 'rejected' && result.reason).toBeInstanceOf(PortraitTimeoutError);
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  it('ends a stall that no client cuts with a reset, after the longest stall', async () => {
    const emulator = emulatorWith({ faultRate: 1, faultKinds: ['stall'] });
    let ended = false;
    const failure = emulator.handle(callOf('ListAssets')).then(
      () => undefined,
      (error: unknown) => error,
    );
    void failure.then(() => (ended = true));
    await vi.advanceTimersByTimeAsync(maxStallMs - 1);
    expect(ended).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await failure).toBeInstanceOf(TypeError);
  });

  it('waits latencyMs before each answer', async () => {
    const emulator = emulatorWith({ latencyMs: 5000 });
    let answered = false;
    const reply = emulator.handle(callOf('ListAssets')).then((response) => {
      answered = true;
      return response;
    });
    await vi.advanceTimersByTimeAsync(4999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await reply).status).toBe(200);
  });

  it('draws each latency of a range between its ends, the same ones for the same seed', async () => {
    const waits = async (faultSeed: number) => {
      const emulator = emulatorWith({ latencyMs: [1000, 2000], faultSeed });
      const waited: number[] = [];
      for (let i = 0; i < 10; i++) {
        const started = Date.now();
        const reply = emulator.handle(callOf('ListAssets'));
        await vi.advanceTimersToNextTimerAsync();
        expect((await reply).status).toBe(200);
        waited.push(Date.now() - started);
      }
      return waited;
    };
    const first = await waits(21);
    for (const wait of first) expect(wait >= 1000 && wait <= 2000, String(wait)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(1);
    expect(await waits(21)).toEqual(first);
  });

  it('leaves the same calls faulted whatever the latency', async () => {
    const statuses = async (latencyMs: [number, number]) => {
      const emulator = emulatorWith({ faultRate: 0.5, faultKinds: ['429', '500'], faultSeed: 5, latencyMs });
      const seen: number[] = [];
      for (let i = 0; i < 30; i++) {
        const reply = await settle(emulator.handle(callOf('ListAssets')));
        seen.push(reply.status === 'fulfilled' ? reply.value.status : 0);
      }
      return seen;
    };
    const without = await statuses([0, 0]);
    expect(new Set(without)).toEqual(new Set([200, 429, 500]));
    expect(await statuses([10, 900])).toEqual(without);
  });

  it('stops the latency of a call its client gave up, which then runs nothing', async () => {
    const emulator = emulatorWith({ latencyMs: 5000 });
    const controller = new AbortController();
    const create = emulator.handle(callOf('CreateAssetGroup', { Name: 'never' }), { signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    expect(await create).toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
    const list = await settle(emulator.handle(callOf('ListAssetGroups')));
    const body = list.status === 'fulfilled' ? ((await list.value.json()) as { Result: { TotalCount: number } }) : undefined;
    expect(body?.Result.TotalCount).toBe(0);
  });
});

describe('what a call leaves behind', () => {
  const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

  it('keeps no process alive for a stall no one waits on, where a latency wait does', async () => {
    const before = timers();
    const stalled = emulatorWith({ faultRate: 1, faultKinds: ['stall'] }).handle(callOf('ListAssetGroups'));
    expect(timers()).toBe(before);
    const waiting = emulatorWith({ latencyMs: 60_000 }).handle(callOf('ListAssetGroups'), { signal: AbortSignal.abort() }).catch(() => 'aborted');
    const slow = new AbortController();
    const delayed = emulatorWith({ latencyMs: 60_000 }).handle(callOf('ListAssetGroups'), { signal: slow.signal }).catch(() => 'aborted');
    expect(timers()).toBe(before + 1);
    slow.abort();
    expect([await waiting, await delayed]).toEqual(['aborted', 'aborted']);
    void stalled.catch(() => undefined);
  });

  it('sends nothing for a call aborted before it is made, as fetch does', async () => {
    const emulator = emulatorWith({});
    const create = callOf('CreateAssetGroup', { Name: 'never-sent' });
    await expect(emulator.handle(create, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    const listed = (await (await emulator.handle(callOf('ListAssetGroups'))).json()) as { Result: { TotalCount: number } };
    expect(listed.Result.TotalCount).toBe(0);
  });

  it('describes a refused value printably, whatever it holds', () => {
    expect(() => createEmulator({ faultKinds: ['\u202e429'] as unknown as ['429'] })).toThrow('faultKinds names an unknown fault "\\u202e429"');
  });
});

describe('over a socket', () => {
  it('a reset is the client connection error, a stall its timeout, and closing the server ends a stall', async () => {
    const reset = await startEmulator({ port: 0, faultRate: 1, faultKinds: ['reset'] });
    try {
      const client = createPortraitClient({ apiKey: demoKey, baseUrl: reset.url, maxRetries: 0 });
      await expect(client.listAssets({})).rejects.toBeInstanceOf(PortraitConnectionError);
    } finally {
      await reset.close();
    }

    let arrived = 0;
    const stall = await startEmulator({
      port: 0,
      faultRate: 1,
      faultKinds: ['stall'],
      handler: (emulator) => (request) => {
        arrived++;
        return emulator.answer(request);
      },
    });
    let closed = false;
    try {
      const client = createPortraitClient({ apiKey: demoKey, baseUrl: stall.url, maxRetries: 0, timeoutMs: 300 });
      await expect(client.listAssets({})).rejects.toBeInstanceOf(PortraitTimeoutError);
      const stalled = fetch(callOf('ListAssets', {}, stall.url)).catch((error: unknown) => error);
      await expect.poll(() => arrived).toBe(2);
      await stall.close();
      closed = true;
      expect(await stalled).toBeInstanceOf(TypeError);
    } finally {
      if (!closed) await stall.close();
    }
  }, 120_000);
});
