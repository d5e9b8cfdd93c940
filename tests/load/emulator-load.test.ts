// Sustained mixed load on the emulator over loopback: every request is answered (no errors,
// timeouts or 5xx), the state afterwards equals a model of what was created and deleted, and
// the heap returns near its baseline. LOAD_REQUESTS and LOAD_CONNECTIONS set the load: 10,000
// requests at 20 connections in `npm test` (about a second alone here), 500,000 at 100 in
// `npm run test:long`. A count, not a duration: the test does the same work on any machine, where
// a duration took all the CPU it could get from the other tests for as long as it ran.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon from 'autocannon';
import { expect, it } from 'vitest';
import { createPortraitClient, paginateListAssetGroups, paginateListAssets } from '../../src/client/index.js';
import { startEmulator } from '../../src/emulator/index.js';
import { apiVersion } from '../../src/protocol/index.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const amount = Number(process.env.LOAD_REQUESTS ?? 10_000);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 20);
// autocannon takes an amount of 0 as "for 10 s" and refuses one below the connections.
if (!Number.isInteger(connections) || connections < 1 || !Number.isInteger(amount) || amount < connections) {
  throw new Error(`LOAD_CONNECTIONS must be a whole number from 1, and LOAD_REQUESTS one of at least LOAD_CONNECTIONS: not ${connections} and ${amount}.`);
}
const apiKey = 'load-key';
/** What one connection remembers between the requests of its flow. */
interface LoadContext {
  groupId?: string | undefined;
}

const path = (action: string) => `/portrait/?Action=${action}&Version=${apiVersion}`;

function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

it(`answers each of ${amount} requests at ${connections} connections and keeps its state`, async () => {
  const server = await startEmulator({
    port: 0,
    processingDelayMs: 0,
    rateLimits: false,
    tenants: [{ customerId: 'load', apiKeys: [apiKey], groupQuota: 1_000_000, assetQuota: 1_000_000 }],
  });
  try {
    const client = createPortraitClient({ apiKey, baseUrl: server.url });
    const seedGroup = await client.createAssetGroup({ Name: 'seed' });
    const seedAsset = await client.createAsset({ GroupId: seedGroup.Id, URL: 'https://example.com/seed.png', AssetType: 'Image' });

    // What the load did, as far as its replies tell; a request sent whose reply was not seen may
    // or may not have happened on the server, so the model allows for exactly those.
    const namesSent = new Set<string>();
    const created = new Set<string>();
    const deleteSent = new Set<string>();
    const deleted = new Set<string>();
    let counter = 0;
    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
    const post = (action: string, body: object) => ({ method: 'POST' as const, path: path(action), headers, body: JSON.stringify(body) });
    const baseline = heapAfterGc();

    const result = await autocannon({
      url: server.url,
      connections,
      amount,
      requests: [
        post('GetAsset', { Id: seedAsset.Id }),
        post('ListAssets', { PageSize: 100 }),
        {
          ...post('CreateAssetGroup', {}),
          setupRequest: (request) => {
            const name = `load-${(counter += 1)}`;
            namesSent.add(name);
            return { ...request, body: JSON.stringify({ Name: name }) };
          },
          onResponse: (status, body, context) => {
            const id = (JSON.parse(body) as { Result?: { Id?: string } }).Result?.Id;
            if (status === 200 && id) created.add(id);
            (context as LoadContext).groupId = id;
          },
        },
        {
          ...post('CreateAsset', {}),
          setupRequest: (request, context) => ({ ...request, body: JSON.stringify({ GroupId: (context as LoadContext).groupId, URL: 'https://example.com/a.png', AssetType: 'Image' }) }),
        },
        {
          ...post('DeleteAssetGroup', {}),
          setupRequest: (request, context) => {
            const { groupId } = context as LoadContext;
            deleteSent.add(String(groupId));
            return { ...request, body: JSON.stringify({ Id: groupId }) };
          },
          onResponse: (status, _body, context) => {
            if (status === 200) deleted.add(String((context as LoadContext).groupId));
          },
        },
        post('GetAssetGroup', { Id: 'group-20000101000000-nope0' }),
        post('ListAssetGroups', { PageSize: 500 }),
      ],
    });

    expect(result.errors, 'connection errors').toBe(0);
    expect(result.timeouts, 'timeouts').toBe(0);
    expect(result['5xx'], '5xx replies').toBe(0);
    // 2xx, the unknown group's 404 and the oversized page's 400: nothing else.
    expect(result['1xx'] + result['3xx']).toBe(0);
    // How many is a matter of speed, which tests do not judge; that the flow ran is not.
    expect(created.size).toBeGreaterThan(0);
    expect(deleted.size).toBeGreaterThan(0);

    // The model: the seed; every group whose creation was answered and whose deletion was never
    // sent; and nothing that was deleted or never asked for.
    const groups = new Map<string, string>();
    for await (const group of paginateListAssetGroups({ client, pageSize: 100 }).items()) groups.set(group.Id, group.Name);
    for (const id of created) if (!deleteSent.has(id)) expect(groups.has(id), `group ${id} is missing`).toBe(true);
    for (const [id, name] of groups) {
      if (id === seedGroup.Id) continue;
      expect(namesSent.has(name), `group ${name} was never asked for`).toBe(true);
      expect(deleted.has(id), `group ${id} was deleted`).toBe(false);
    }
    const assetGroups = new Set<string>();
    for await (const asset of paginateListAssets({ client, pageSize: 100 }).items()) assetGroups.add(asset.GroupId);
    expect([...assetGroups].every((id) => groups.has(id))).toBe(true);
    expect(assetGroups.has(seedGroup.Id)).toBe(true);

    const growthMb = (heapAfterGc() - baseline) / 2 ** 20;
    console.log(`load: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, heap growth ${growthMb.toFixed(1)} MB`);
    expect(growthMb).toBeLessThan(32);
  } finally {
    await server.close();
  }
}, 60_000 + amount / 2);
