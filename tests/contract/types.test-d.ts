// Type-level tests: compiled by `vitest` (typecheck mode), never run. A check's call is typed by
// its Action; what the document forbids goes through `ctx.send`, by name.
import { describe, expectTypeOf, it } from 'vitest';
import type { CheckContext } from '../../src/contract/context.js';
import type { ProbeReply } from '../../src/contract/probe.js';
import { overMaximum } from '../../src/contract/past-limits.js';
import type { components } from '../../src/protocol/index.js';

type Schemas = components['schemas'];
declare const ctx: CheckContext;

describe('ctx.call', () => {
  it("types the reply's Result by Action", async () => {
    expectTypeOf(await ctx.call('GetAsset', { Id: 'asset-1' })).toEqualTypeOf<ProbeReply<Schemas['GetAssetResult']>>();
    const groups = ctx.result(await ctx.call('ListAssetGroups', {}, { as: 'secondary' }), 'ListAssetGroups');
    expectTypeOf(groups.Items).toEqualTypeOf<Schemas['AssetGroupItem'][]>();
    expectTypeOf(groups.TotalCount).toEqualTypeOf<number>();
    const created = ctx.result(await ctx.call('CreateAsset', { GroupId: 'group-1', URL: 'https://example.com/a.png', AssetType: 'Image' }), 'CreateAsset');
    expectTypeOf(created).toEqualTypeOf<Schemas['CreateAssetResult']>();
    const session = ctx.result(await ctx.call('CreateVisualValidateSession', { CallbackURL: 'https://example.com/cb' }), 'session');
    expectTypeOf(session.BytedToken).toEqualTypeOf<string>();
    const asset = ctx.result(await ctx.call('GetAsset', { Id: 'asset-1' }), 'GetAsset');
    expectTypeOf(asset.Status).toEqualTypeOf<'Processing' | 'Active' | 'Failed'>();
    // @ts-expect-error AssetItem has no field Url (it is URL)
    void asset.Url;
  });

  it('refuses a body the Action does not take', () => {
    // @ts-expect-error GetAsset needs an Id
    void ctx.call('GetAsset', {});
    // @ts-expect-error an unknown field
    void ctx.call('ListAssetGroups', { Colour: 'red' });
    // @ts-expect-error an unknown field in a nested object
    void ctx.call('ListAssets', { Filter: { Colour: 'red' } });
    // @ts-expect-error UpdateAssetGroup cannot change GroupType
    void ctx.call('UpdateAssetGroup', { Id: 'group-1', GroupType: 'LivenessFace' });
    // @ts-expect-error PageSize is a number
    void ctx.call('ListAssets', { PageSize: '10' });
    // @ts-expect-error GetVisualValidateResult takes a BytedToken, not an Id
    void ctx.call('GetVisualValidateResult', { Id: 'group-1' });
    // @ts-expect-error there is no such Action
    void ctx.call('DeleteEverything', {});
  });

  it('leaves raw bodies, methods and Versions to ctx.send', () => {
    // @ts-expect-error a raw body goes through ctx.send
    void ctx.call('GetAsset', { Id: 'asset-1' }, { raw: '{"Id":' });
    // @ts-expect-error another Version goes through ctx.send
    void ctx.call('ListAssets', {}, { version: '2020-01-01' });
    // @ts-expect-error another method goes through ctx.send
    void ctx.call('ListAssets', {}, { method: 'GET' });
  });
});

describe('ctx.send', () => {
  it('sends anything, and knows nothing of the Result', async () => {
    const reply = await ctx.send({ action: 'DeleteEverything', body: { Colour: 'red' }, version: '2020-01-01', method: 'GET', as: 'anonymous' });
    expectTypeOf(reply).toEqualTypeOf<ProbeReply>();
    expectTypeOf(reply.result).toEqualTypeOf<unknown>();
    void ctx.send({ action: 'GetAsset', raw: '{"Id":' });
  });
});

describe('the run state', () => {
  it('knows its keys and their types', () => {
    expectTypeOf(ctx.recall('groupA')).toEqualTypeOf<string>();
    ctx.remember('activeAsset', 'asset-1');
    // @ts-expect-error no check makes groupC
    void ctx.recall('groupC');
    // @ts-expect-error a misspelt key
    ctx.remember('activeAset', 'asset-1');
    // @ts-expect-error ids are strings
    ctx.remember('groupA', 1);
  });
});

describe('request schemas', () => {
  it("name only the Action's request properties", () => {
    expectTypeOf(overMaximum('ListAssets', 'PageSize')).toEqualTypeOf<number>();
    // @ts-expect-error ListAssets has no property Pagesize
    void overMaximum('ListAssets', 'Pagesize');
    // @ts-expect-error GetAsset takes no PageSize
    void overMaximum('GetAsset', 'PageSize');
  });
});
