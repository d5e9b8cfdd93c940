// The client against an upstream that drops connections, stalls and answers 429 and 503: every
// safe call completes within its retry budget, and a Create* is only ever sent again after a
// reply that proves the first attempt did nothing (429 or 503), never after a drop or a stall.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPortraitClient, PortraitClientError } from '../../src/client/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { apiVersion } from '../../src/protocol/index.js';

type Fate = 'forward' | 'drop-before' | 'drop-after' | 'stall-after' | '429' | '503';

/** The seeded fates, in order: 60% forwarded, the rest split among the faults. */
function fates(seed: number): () => Fate {
  let state = seed;
  const table: [Fate, number][] = [['forward', 0.6], ['drop-before', 0.08], ['drop-after', 0.08], ['stall-after', 0.08], ['429', 0.08], ['503', 0.08]];
  return () => {
    // mulberry32: a small PRNG, so a failing run can be replayed exactly.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    let roll = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    for (const [fate, share] of table) if ((roll -= share) < 0) return fate;
    return 'forward';
  };
}

interface Attempt {
  action: string;
  name: string | undefined;
  fate: Fate;
}

let emulator: RunningEmulator;
let proxy: Server;
let proxyUrl: string;
const attempts: Attempt[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, processingDelayMs: 0, rateLimits: false, tenants: [{ customerId: 'c', apiKeys: ['k'], groupQuota: 10_000 }] });
  const nextFate = fates(20261124);
  proxy = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const fate = nextFate();
    const action = new URL(req.url ?? '/', 'http://x').searchParams.get('Action') ?? '';
    attempts.push({ action, name: (JSON.parse(body || '{}') as { Name?: string }).Name, fate });
    if (fate === '429' || fate === '503') {
      const Code = fate === '429' ? 'RateLimitExceeded' : 'ServiceUnavailable';
      res.writeHead(Number(fate), { 'content-type': 'application/json', 'retry-after': '0' });
      res.end(JSON.stringify({ ResponseMetadata: { RequestId: 'P'.repeat(32), Action: action, Version: apiVersion, Error: { Code, Message: fate } } }));
      return;
    }
    if (fate === 'drop-before') return req.socket.destroy();
    const upstream = await fetch(`${emulator.url}${req.url}`, { method: 'POST', headers: { authorization: String(req.headers.authorization), 'content-type': 'application/json' }, body });
    const text = await upstream.text();
    if (fate === 'drop-after') return req.socket.destroy();
    if (fate === 'stall-after') return;
    res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(text);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await emulator.close();
});

it('completes every safe call and never repeats a Create it was told not to retry', async () => {
  const client = createPortraitClient({ apiKey: 'k', baseUrl: proxyUrl, maxRetries: 10, timeoutMs: 150, minRetryDelayMs: 1, maxRetryDelayMs: 4 });
  const direct = createPortraitClient({ apiKey: 'k', baseUrl: emulator.url });
  const seed = await direct.createAssetGroup({ Name: 'seed' });

  let safeCalls = 0;
  const createOutcomes = new Map<string, 'created' | 'failed'>();
  for (let round = 0; round < 40; round++) {
    await client.getAssetGroup({ Id: seed.Id });
    await client.listAssetGroups({ PageSize: 100 });
    safeCalls += 2;
    const name = `create-${round}`;
    const outcome = await client.createAssetGroup({ Name: name }).then(
      () => 'created' as const,
      (error: unknown) => {
        expect(error).toBeInstanceOf(PortraitClientError);
        return 'failed' as const;
      },
    );
    createOutcomes.set(name, outcome);
  }
  expect(safeCalls).toBe(80);

  const faults = new Set(attempts.map((attempt) => attempt.fate));
  // The seed gives every kind of fault at least once.
  expect([...faults].sort()).toEqual(['429', '503', 'drop-after', 'drop-before', 'forward', 'stall-after']);

  const groups = await direct.listAssetGroups({ PageSize: 100 });
  for (const [name, outcome] of createOutcomes) {
    const tries = attempts.filter((attempt) => attempt.name === name);
    // Every attempt before the last was refused with a 429 or 503, which proves nothing was made.
    for (const earlier of tries.slice(0, -1)) expect(['429', '503'], `${name} was sent again after ${earlier.fate}`).toContain(earlier.fate);
    const made = groups.Items.filter((group) => group.Name === name).length;
    expect(made, `${name} exists ${made} times`).toBeLessThanOrEqual(1);
    if (outcome === 'created') expect(made).toBe(1);
  }
}, 60_000);
