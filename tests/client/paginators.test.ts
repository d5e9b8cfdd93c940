import { afterEach, describe, expect, it } from 'vitest';
import { createPortraitClient, paginateListAssetGroups, paginateListAssets } from '../../src/client/index.js';
import { startScriptedServer, success, type ScriptedServer } from '../support/scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface ListBody {
  PageNumber?: number;
  PageSize?: number;
}

/** A server listing `count` items, `claimedTotal` of them announced in TotalCount. */
async function listing(action: string, count: number, claimedTotal = count) {
  const items = Array.from({ length: count }, (_, i) => ({ Id: `${action === 'ListAssets' ? 'asset' : 'group'}-${i}` }));
  server = await startScriptedServer((request) => {
    const { PageNumber = 1, PageSize = 10 } = request.body as ListBody;
    const Items = items.slice((PageNumber - 1) * PageSize, PageNumber * PageSize);
    return success(action, { Items, TotalCount: claimedTotal, PageNumber, PageSize });
  });
  return createPortraitClient({ apiKey: 'test-key', baseUrl: server.url });
}

const collect = async <T>(iterable: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const value of iterable) all.push(value);
  return all;
};

describe('paginateListAssets', () => {
  it('yields every page until TotalCount, and asks for no page past it', async () => {
    const client = await listing('ListAssets', 23);
    const pages = await collect(paginateListAssets({ client }, { Filter: { Statuses: ['Active'] } }));
    expect(pages.map((page) => page.Items.length)).toEqual([10, 10, 3]);
    expect(server?.received.map((r) => (r.body as ListBody).PageNumber)).toEqual([1, 2, 3]);
    expect(server?.received[2]?.body).toMatchObject({ Filter: { Statuses: ['Active'] } });
    expect(pages[0]?.$metadata.action).toBe('ListAssets');
  });

  it('yields every item with .items(), at the page size asked for', async () => {
    const client = await listing('ListAssets', 23);
    const items = await collect(paginateListAssets({ client, pageSize: 5 }).items());
    expect(items.map((item) => item.Id)).toEqual(Array.from({ length: 23 }, (_, i) => `asset-${i}`));
    expect(server?.received).toHaveLength(5);
    expect(server?.received.every((r) => (r.body as ListBody).PageSize === 5)).toBe(true);
  });

  it('stops at an empty page even when TotalCount promises more', async () => {
    const client = await listing('ListAssets', 12, 1000);
    const items = await collect(paginateListAssets({ client }).items());
    expect(items).toHaveLength(12);
    expect(server?.received).toHaveLength(3);
  });

  it('yields nothing for an empty list', async () => {
    const client = await listing('ListAssets', 0);
    expect(await collect(paginateListAssets({ client }))).toEqual([]);
    expect(server?.received).toHaveLength(1);
  });

  it('starts at the PageNumber given', async () => {
    const client = await listing('ListAssets', 30);
    const pages = await collect(paginateListAssets({ client }, { PageNumber: 2 }));
    expect(pages.map((page) => page.PageNumber)).toEqual([2, 3]);
  });
});

describe('paginateListAssetGroups', () => {
  it('walks the groups the same way', async () => {
    const client = await listing('ListAssetGroups', 101);
    const items = await collect(paginateListAssetGroups({ client, pageSize: 100 }).items());
    expect(items).toHaveLength(101);
    expect(items.at(-1)?.Id).toBe('group-100');
    expect(server?.received.every((r) => r.action === 'ListAssetGroups')).toBe(true);
  });
});
