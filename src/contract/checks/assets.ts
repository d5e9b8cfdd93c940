// Assets through their life: create, process to Active or Failed, list, rename.
import type { ResultOf } from '../../protocol/index.js';
import type { Check, CheckContext } from '../context.js';

/** Polls GetAsset until the asset leaves Processing, checking that URL stays empty until then. */
async function finalState(ctx: CheckContext, id: string): Promise<ResultOf<'GetAsset'>> {
  const deadline = Date.now() + ctx.settings.assetTimeoutMs;
  for (;;) {
    const asset = ctx.result(await ctx.call('GetAsset', { Id: id }), 'GetAsset');
    if (asset.Status !== 'Processing') return asset;
    ctx.expect(asset.URL === '', `GetAsset: URL must be empty while Processing, got ${JSON.stringify(asset.URL)}`);
    ctx.expect(Date.now() < deadline, `asset ${id} still Processing after ${ctx.settings.assetTimeoutMs} ms`);
    await ctx.pause(ctx.settings.pollIntervalMs);
  }
}

async function createAsset(ctx: CheckContext, key: 'activeAsset' | 'failedAsset', url: string, name: string): Promise<string> {
  const reply = await ctx.call('CreateAsset', { GroupId: ctx.recall('groupA'), URL: url, AssetType: 'Image', Name: name });
  const id = ctx.created('assets', ctx.result(reply, 'CreateAsset').Id, 'CreateAsset');
  ctx.remember(key, id);
  return id;
}

export const assetChecks: Check[] = [
  {
    name: 'assets.create',
    title: 'CreateAsset adds an image to a group and returns its Id; it starts Processing',
    needs: ['groups.create'],
    async run(ctx) {
      const id = await createAsset(ctx, 'activeAsset', ctx.settings.imageUrl, 'front-face');
      await createAsset(ctx, 'failedAsset', ctx.settings.brokenImageUrl, 'broken');
      const asset = ctx.result(await ctx.call('GetAsset', { Id: id }), 'GetAsset right after CreateAsset');
      ctx.expect(asset.GroupId === ctx.recall('groupA') && asset.AssetType === 'Image', 'GetAsset does not show the GroupId and AssetType given');
      ctx.expect(['Processing', 'Active'].includes(asset.Status), `a new asset is ${asset.Status}`);
      if (asset.Status === 'Processing') ctx.expect(asset.URL === '', `GetAsset: URL must be empty while Processing, got ${JSON.stringify(asset.URL)}`);
    },
  },
  {
    name: 'assets.until-active',
    title: 'an asset from a good image URL ends Active, with a URL',
    needs: ['assets.create'],
    async run(ctx) {
      const asset = await finalState(ctx, ctx.recall('activeAsset'));
      ctx.expect(asset.Status === 'Active', `the asset ended ${asset.Status}: ${asset.FailedReason ?? ''}`);
      ctx.expect(/^https?:\/\//.test(asset.URL), `an Active asset has URL ${JSON.stringify(asset.URL)}`);
    },
  },
  {
    name: 'assets.failed',
    title: 'an asset from a URL that is no image ends Failed, with a FailedReason and no URL',
    needs: ['assets.create'],
    async run(ctx) {
      const asset = await finalState(ctx, ctx.recall('failedAsset'));
      ctx.expect(asset.Status === 'Failed', `an asset made from ${ctx.settings.brokenImageUrl} ended ${asset.Status}, not Failed`);
      ctx.expect(asset.FailedReason, 'a Failed asset has no FailedReason');
      ctx.expect(asset.URL === '', `a Failed asset has URL ${JSON.stringify(asset.URL)}`);
    },
  },
  {
    name: 'assets.list',
    title: 'ListAssets filters by GroupIds and Statuses',
    needs: ['groups.create', 'assets.create', 'assets.until-active', 'assets.failed'],
    async run(ctx) {
      const groupIds = [ctx.recall('groupA')];
      const all = ctx.result(await ctx.call('ListAssets', { Filter: { GroupIds: groupIds } }), 'ListAssets by GroupIds');
      const ids = all.Items.map((item) => item.Id).sort();
      const expected = [ctx.recall('activeAsset'), ctx.recall('failedAsset')].sort();
      ctx.expect(JSON.stringify(ids) === JSON.stringify(expected), `ListAssets of the group listed ${ids.join(', ')}`);
      const failed = ctx.result(await ctx.call('ListAssets', { Filter: { GroupIds: groupIds, Statuses: ['Failed'] } }), 'ListAssets by Statuses');
      const failedIds = failed.Items.map((item) => item.Id);
      ctx.expect(failedIds.length === 1 && failedIds[0] === ctx.recall('failedAsset'), `ListAssets Statuses Failed listed ${failedIds.join(', ')}`);
    },
  },
  {
    name: 'assets.update',
    title: 'UpdateAsset changes the Name',
    needs: ['assets.create'],
    async run(ctx) {
      const id = ctx.recall('activeAsset');
      ctx.result(await ctx.call('UpdateAsset', { Id: id, Name: 'front-face-renamed' }), 'UpdateAsset');
      const asset = ctx.result(await ctx.call('GetAsset', { Id: id }), 'GetAsset after UpdateAsset');
      ctx.expect(asset.Name === 'front-face-renamed', `after UpdateAsset the Name is ${asset.Name}`);
    },
  },
];
