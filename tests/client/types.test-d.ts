// Type-level tests of the client: compiled by vitest's typecheck mode, never run.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createPortraitClient,
  paginateListAssets,
  PortraitError,
  waitUntilAssetActive,
  waitUntilValidateResult,
  type Action,
  type PortraitClient,
  type PortraitErrorCode,
  type RequestOf,
  type ResultMetadata,
  type WithMetadata,
} from '../../src/client/index.js';
import type { components, paths } from '../../generated/schema.js';

type Schemas = components['schemas'];
const client = createPortraitClient({ apiKey: 'k' });

describe('client methods', () => {
  it('take each Action request and resolve to its Result with metadata', () => {
    expectTypeOf(client.getAsset).parameter(0).toEqualTypeOf<Schemas['GetAssetRequest']>();
    expectTypeOf(client.getAsset).returns.resolves.toEqualTypeOf<WithMetadata<Schemas['AssetItem']>>();
    expectTypeOf(client.createAssetGroup).returns.resolves.toEqualTypeOf<WithMetadata<Schemas['CreateAssetGroupResult']>>();
    expectTypeOf(client.listAssetGroups).returns.resolves.toEqualTypeOf<WithMetadata<Schemas['ListAssetGroupsResult']>>();
    expectTypeOf(client.getVisualValidateResult).returns.resolves.toHaveProperty('GroupId');
    expectTypeOf(client.call<'DeleteAsset'>).returns.resolves.toEqualTypeOf<WithMetadata<Schemas['DeleteAssetResult']>>();
  });

  it('take what call() takes after their Action, each declared by name (generated/client-methods.ts)', () => {
    type MethodArguments = { [A in Action]: Parameters<PortraitClient[Uncapitalize<A>]> };
    type CallArguments = { [A in Action]: Parameters<typeof client.call<A>> extends [A, ...infer Rest] ? Rest : never };
    expectTypeOf<MethodArguments>().toEqualTypeOf<CallArguments>();
  });

  it('expose the RequestId as $metadata', async () => {
    const asset = await client.getAsset({ Id: 'asset-1' });
    expectTypeOf(asset.$metadata).toEqualTypeOf<ResultMetadata>();
    expectTypeOf(asset.$metadata.requestId).toEqualTypeOf<string>();
  });

  it('let List calls omit the body, and no others', async () => {
    await client.listAssets();
    await client.listAssetGroups();
    // @ts-expect-error GetAsset needs a body
    await client.getAsset();
  });

  it('reject wrong bodies', async () => {
    // @ts-expect-error URL is required
    await client.createAsset({ GroupId: 'group-1', AssetType: 'Image' });
    // @ts-expect-error unknown fields are rejected
    await client.getAsset({ Id: 'asset-1', Extra: 1 });
    // @ts-expect-error AssetType is an enum
    await client.createAsset({ GroupId: 'group-1', URL: 'https://e.com/a', AssetType: 'Gif' });
    // @ts-expect-error PageSize is a number
    await client.listAssets({ PageSize: '10' });
    // @ts-expect-error Statuses holds AssetStatus values
    await client.listAssets({ Filter: { Statuses: ['Done'] } });
    // @ts-expect-error CreateAssetGroup cannot create LivenessFace groups
    await client.createAssetGroup({ Name: 'n', GroupType: 'LivenessFace' });
    // @ts-expect-error there is no such Action
    await client.call('DeleteEverything', {});
    // @ts-expect-error call checks the body against the Action it names
    await client.call('GetAsset', { BytedToken: 't' });
    // @ts-expect-error another Action's body does not fit, even one that shares a field
    await client.call('GetAsset', { Name: 'x' });
    // @ts-expect-error nor does it through the method
    await client.getAsset({ Name: 'x' });
  });

  it("take the request openapi-fetch checks for the Action's path key", () => {
    type GetAssetBody = paths['/portrait/?Action=GetAsset&Version=2024-01-01']['post']['requestBody']['content']['application/json'];
    expectTypeOf<RequestOf<'GetAsset'>>().toEqualTypeOf<GetAssetBody>();
    expectTypeOf<RequestOf<'ListAssets'>>().toEqualTypeOf<Schemas['ListAssetsRequest']>();
  });

  it('accept the global fetch, a handler of Requests, or one that passes the signal on', () => {
    createPortraitClient({ apiKey: 'k', fetch });
    createPortraitClient({ apiKey: 'k', fetch: (request: Request) => fetch(request) });
    createPortraitClient({ apiKey: 'k', fetch: (request, init) => fetch(request, { ...init, cache: 'no-store' }) });
    // @ts-expect-error a fetch takes a Request, not a URL string
    createPortraitClient({ apiKey: 'k', fetch: (url: string) => fetch(url) });
  });

  it('reject wrong result fields', async () => {
    const asset = await client.getAsset({ Id: 'asset-1' });
    // @ts-expect-error the field is URL
    void asset.Url;
    const group = await client.createAssetGroup({ Name: 'n' });
    // @ts-expect-error CreateAssetGroup's Result has only Id
    void group.Name;
    expectTypeOf(asset.Status).toEqualTypeOf<'Processing' | 'Active' | 'Failed'>();
  });
});

describe('errors, paginators and waiters', () => {
  it('narrow error codes to the documented union', () => {
    expectTypeOf<'QuotaExceeded'>().toExtend<PortraitErrorCode>();
    const error: unknown = undefined;
    if (PortraitError.is(error, 'RateLimitExceeded')) expectTypeOf(error.status).toEqualTypeOf<number>();
    // @ts-expect-error not a documented code
    PortraitError.is(error, 'Quota');
  });

  it('type paginated items and waiter results', async () => {
    for await (const item of paginateListAssets({ client }).items()) expectTypeOf(item).toEqualTypeOf<Schemas['AssetItem']>();
    for await (const page of paginateListAssets({ client }, { Filter: { GroupType: 'AIGC' } })) expectTypeOf(page.TotalCount).toEqualTypeOf<number>();
    expectTypeOf(await waitUntilAssetActive({ client }, { Id: 'asset-1' })).toEqualTypeOf<WithMetadata<Schemas['AssetItem']>>();
    expectTypeOf((await waitUntilValidateResult({ client }, { BytedToken: 't' })).GroupId).toEqualTypeOf<string>();
  });
});
