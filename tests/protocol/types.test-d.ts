// Type-level tests: compiled by `vitest` (typecheck mode), never run.
import createClient from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import type { Action, actions, components, paths, PortraitCall, PortraitCallResult } from '../../src/protocol/index.js';

type Schemas = components['schemas'];
type Entry<A extends Action> = (typeof actions)[A];
type Operation<A extends Action> = paths[Entry<A>['path']]['post'];
type RequestBody<A extends Action> = NonNullable<Operation<A>['requestBody']>['content']['application/json'];
type OkBody<A extends Action> = Operation<A>['responses'][200]['content']['application/json'];
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;

describe('the Action table and the generated types agree', () => {
  it('types every request body as <Action>Request', () => {
    expectTypeOf<{ [A in Action]: Equal<RequestBody<A>, Schemas[Entry<A>['request']]> }[Action]>().toEqualTypeOf<true>();
  });

  it('types every 200 body as <Action>Response or ErrorResponse', () => {
    expectTypeOf<{ [A in Action]: Equal<OkBody<A>, Schemas[Entry<A>['response']] | Schemas['ErrorResponse']> }[Action]>().toEqualTypeOf<true>();
  });

  it('types every <Action>Response Result as <Action>Result', () => {
    expectTypeOf<{ [A in Action]: Equal<Schemas[Entry<A>['response']]['Result'], Schemas[Entry<A>['result']]> }[Action]>().toEqualTypeOf<true>();
  });
});

describe('typed calls through openapi-fetch', () => {
  const client = createClient<paths>({ baseUrl: 'https://api.alltoken.ai/v1' });
  const post = client.POST;

  it('compiles a call of each Action and narrows its result', async () => {
    const group = await post('/portrait/?Action=CreateAssetGroup&Version=2024-01-01', { body: { Name: 'avatar-001', GroupType: 'AIGC' } });
    if (group.data && 'Result' in group.data) expectTypeOf(group.data.Result.Id).toEqualTypeOf<string>();
    const read = await post('/portrait/?Action=GetAssetGroup&Version=2024-01-01', { body: { Id: 'group-1' } });
    if (read.data && 'Result' in read.data) expectTypeOf(read.data.Result.GroupType).toEqualTypeOf<'AIGC' | 'LivenessFace'>();
    const groups = await post('/portrait/?Action=ListAssetGroups&Version=2024-01-01', { body: { Filter: { GroupType: 'AIGC' }, PageSize: 50 } });
    if (groups.data && 'Result' in groups.data) expectTypeOf(groups.data.Result.Items).toEqualTypeOf<Schemas['AssetGroupItem'][]>();
    await post('/portrait/?Action=UpdateAssetGroup&Version=2024-01-01', { body: { Id: 'group-1', Description: 'new' } });
    await post('/portrait/?Action=DeleteAssetGroup&Version=2024-01-01', { body: { Id: 'group-1' } });
    const created = await post('/portrait/?Action=CreateAsset&Version=2024-01-01', {
      body: { GroupId: 'group-1', URL: 'https://example.com/a.png', AssetType: 'Image' },
    });
    if (created.data && 'Result' in created.data) expectTypeOf(created.data.Result).toEqualTypeOf<Schemas['CreateAssetResult']>();
    const asset = await post('/portrait/?Action=GetAsset&Version=2024-01-01', { body: { Id: 'asset-1' } });
    if (asset.data && 'Result' in asset.data) {
      expectTypeOf(asset.data.Result.Status).toEqualTypeOf<'Processing' | 'Active' | 'Failed'>();
      expectTypeOf(asset.data.Result.FailedReason).toEqualTypeOf<string | undefined>();
    }
    await post('/portrait/?Action=ListAssets&Version=2024-01-01', { body: { Filter: { Statuses: ['Active'] }, SortBy: 'GroupId' } });
    await post('/portrait/?Action=UpdateAsset&Version=2024-01-01', { body: { Id: 'asset-1', Name: 'front' } });
    await post('/portrait/?Action=DeleteAsset&Version=2024-01-01', { body: { Id: 'asset-1' } });
    const session = await post('/portrait/?Action=CreateVisualValidateSession&Version=2024-01-01', {
      body: { CallbackURL: 'https://example.com/callback' },
    });
    if (session.data && 'Result' in session.data) expectTypeOf(session.data.Result.H5Link).toEqualTypeOf<string>();
    const verified = await post('/portrait/?Action=GetVisualValidateResult&Version=2024-01-01', { body: { BytedToken: 't' } });
    if (verified.data && 'Result' in verified.data) expectTypeOf(verified.data.Result.GroupId).toEqualTypeOf<string>();
  });

  it('sees an error that arrives with HTTP 200', async () => {
    const { data } = await post('/portrait/?Action=GetAsset&Version=2024-01-01', { body: { Id: 'asset-1' } });
    if (data && !('Result' in data)) expectTypeOf(data.ResponseMetadata.Error).toEqualTypeOf<Schemas['Error']>();
    if (data && 'Result' in data) expectTypeOf(data.ResponseMetadata).not.toHaveProperty('Error');
  });

  it('rejects wrong bodies and wrong result fields', async () => {
    // @ts-expect-error URL is required
    await post('/portrait/?Action=CreateAsset&Version=2024-01-01', { body: { GroupId: 'group-1', AssetType: 'Image' } });
    // @ts-expect-error AssetType is an enum
    await post('/portrait/?Action=CreateAsset&Version=2024-01-01', { body: { GroupId: 'group-1', URL: 'https://e.com/a', AssetType: 'Gif' } });
    // @ts-expect-error PageSize is a number
    await post('/portrait/?Action=ListAssets&Version=2024-01-01', { body: { PageSize: '10' } });
    // openapi-fetch infers `init` generically, which skips excess-property checks on the body;
    // the request type itself rejects unknown fields wherever it is the declared type.
    // @ts-expect-error unknown fields are not allowed
    const body: Schemas['GetAssetRequest'] = { Id: 'asset-1', Extra: true };
    await post('/portrait/?Action=GetAsset&Version=2024-01-01', { body });
    // @ts-expect-error GetVisualValidateResult takes a BytedToken, not an Id
    await post('/portrait/?Action=GetVisualValidateResult&Version=2024-01-01', { body: { Id: 'group-1' } });
    // @ts-expect-error CreateAssetGroup cannot create LivenessFace groups
    await post('/portrait/?Action=CreateAssetGroup&Version=2024-01-01', { body: { Name: 'n', GroupType: 'LivenessFace' } });
    // @ts-expect-error there is no such Action
    await post('/portrait/?Action=CreateGroup&Version=2024-01-01', { body: {} });
    const { data } = await post('/portrait/?Action=GetAsset&Version=2024-01-01', { body: { Id: 'asset-1' } });
    // @ts-expect-error AssetItem has no field Url (it is URL)
    if (data && 'Result' in data) void data.Result.Url;
  });
});

describe('the discriminated call schemas', () => {
  it('pairs each Action with its own request and result', () => {
    expectTypeOf<{ [A in Action]: Equal<PortraitCall<A>['Body'], Schemas[Entry<A>['request']]> }[Action]>().toEqualTypeOf<true>();
    expectTypeOf<{ [A in Action]: Equal<PortraitCallResult<A>['Result'], Schemas[Entry<A>['result']]> }[Action]>().toEqualTypeOf<true>();
    expectTypeOf<PortraitCall['Action']>().toEqualTypeOf<Action>();
  });

  it('refuses a body given with another Action', () => {
    // The right body for its Action type-checks; each line below the error marks would not.
    void ({ Action: 'CreateAssetGroup', Version: '2024-01-01', Body: { Name: 'avatar-001' } } satisfies PortraitCall);
    // @ts-expect-error GetAsset takes an Id, not a Name
    void ({ Action: 'GetAsset', Version: '2024-01-01', Body: { Name: 'avatar-001' } } satisfies PortraitCall);
    // @ts-expect-error the Version is a constant
    void ({ Action: 'GetAsset', Version: '2023-01-01', Body: { Id: 'asset-1' } } satisfies PortraitCall);
  });
});
