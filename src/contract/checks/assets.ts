// Assets through their life: create, process to Active or Failed, list, rename.
import type { ResultOf } from '../../protocol/index.js';
import type { Check, CheckContext } from '../context.js';
import { assetList, expectListDefaults } from './list-bodies.js';
import { httpUrl } from '../../protocol/http-url.js';

/** Polls GetAsset until the asset leaves Processing, checking that URL stays empty until then. */
async function finalState(ctx: CheckContext, id: string): Promise<ResultOf<'GetAsset'>> {
  const deadline = Date.now() + ctx.settings.assetTimeoutMs;
  for (;;) {
    const asset = ctx.result(await ctx.call('GetAsset', { Id: id }), 'GetAsset');
    if (asset.Status !== 'Processing') return asset;
    ctx.expect('behaviours.asyncProcessing', asset.URL === '', `GetAsset: URL must be empty while Processing, got ${JSON.stringify(asset.URL)}`);
    ctx.expect('behaviours.asyncProcessing', Date.now() < deadline, `asset ${id} still Processing after ${ctx.settings.assetTimeoutMs} ms`);
    await ctx.pause(ctx.settings.pollIntervalMs);
  }
}

function createAsset(ctx: CheckContext, url: string, name: string) {
  return ctx.call('CreateAsset', { GroupId: ctx.recall('groupA'), URL: url, AssetType: 'Image', Name: name });
}

export const assetChecks: Check[] = [
  {
    name: 'assets.create',
    title: 'CreateAsset adds an image to a group and returns its Id; it starts Processing',
    needs: ['groups.create'],
    async run(ctx) {
      const id = ctx.created('assets', ctx.result(await createAsset(ctx, ctx.settings.imageUrl, 'front-face'), 'CreateAsset').Id, 'CreateAsset');
      ctx.remember('activeAsset', id);
      // A URL that is no image: taken and then Failed, as the document assumes, or refused at once.
      const broken = await createAsset(ctx, ctx.settings.brokenImageUrl, 'broken');
      if (broken.result) ctx.remember('failedAsset', ctx.created('assets', broken.result.Id, 'CreateAsset'));
      else {
        ctx.error(broken, ['InvalidParameter'], `CreateAsset of ${ctx.settings.brokenImageUrl}`, 'behaviours.mediaOnly');
        ctx.expect('behaviours.nonMediaUrl', false, `CreateAsset of ${ctx.settings.brokenImageUrl} was refused at once: ${broken.error?.Code ?? broken.status}`);
        ctx.remember('failedAsset', undefined);
      }
      const asset = ctx.result(await ctx.call('GetAsset', { Id: id }), 'GetAsset right after CreateAsset');
      ctx.expect('behaviours.actions', asset.GroupId === ctx.recall('groupA') && asset.AssetType === 'Image', 'GetAsset does not show the GroupId and AssetType given');
      ctx.expect('behaviours.asyncProcessing', ['Processing', 'Active'].includes(asset.Status), `a new asset is ${asset.Status}`);
      if (asset.Status === 'Processing') ctx.expect('behaviours.asyncProcessing', asset.URL === '', `GetAsset: URL must be empty while Processing, got ${JSON.stringify(asset.URL)}`);
    },
  },
  {
    name: 'assets.until-active',
    title: 'an asset from a good image URL ends Active, with a URL',
    needs: ['assets.create'],
    runsBeside: true,
    async run(ctx) {
      const asset = await finalState(ctx, ctx.recall('activeAsset'));
      ctx.expect('behaviours.activeUrl', asset.Status === 'Active', `the asset ended ${asset.Status}: ${asset.FailedReason ?? ''}`);
      ctx.expect('behaviours.activeUrl', httpUrl(asset.URL) !== undefined, `an Active asset has URL ${JSON.stringify(asset.URL)}`);
    },
  },
  {
    name: 'assets.failed',
    title: 'an asset from a URL that is no image ends Failed, with a FailedReason and no URL (or is refused at once)',
    needs: ['assets.create'],
    runsBeside: true,
    async run(ctx) {
      const id = ctx.recall('failedAsset');
      // Refused at once: assets.create noted that difference, and there is no asset to follow.
      if (id === undefined) return;
      const asset = await finalState(ctx, id);
      ctx.expect('behaviours.mediaOnly', asset.Status !== 'Active', `an asset made from ${ctx.settings.brokenImageUrl} ended Active`);
      ctx.expect('behaviours.nonMediaUrl', asset.Status === 'Failed', `an asset made from ${ctx.settings.brokenImageUrl} ended ${asset.Status}, not Failed`);
      if (asset.Status === 'Failed') ctx.expect('behaviours.failedReason', asset.FailedReason, 'a Failed asset has no FailedReason');
      ctx.expect('behaviours.nonMediaUrl', asset.URL === '', `a Failed asset has URL ${JSON.stringify(asset.URL)}`);
    },
  },
  {
    name: 'assets.list',
    title: 'ListAssets filters by GroupIds and Statuses',
    needs: ['groups.create', 'assets.create', 'assets.until-active', 'assets.failed'],
    async run(ctx) {
      const groupIds = [ctx.recall('groupA')];
      const failedAsset = ctx.recall('failedAsset');
      const all = ctx.result(await ctx.call('ListAssets', assetList({ GroupIds: groupIds })), 'ListAssets by GroupIds');
      const ids = all.Items.map((item) => item.Id).sort();
      const expected = [ctx.recall('activeAsset'), ...(failedAsset === undefined ? [] : [failedAsset])].sort();
      ctx.expect('behaviours.listFilters', JSON.stringify(ids) === JSON.stringify(expected), `ListAssets of the group listed ${ids.join(', ')}`);
      const failed = ctx.result(await ctx.call('ListAssets', assetList({ GroupIds: groupIds, Statuses: ['Failed'] })), 'ListAssets by Statuses');
      const failedIds = failed.Items.map((item) => item.Id);
      ctx.expect('behaviours.listFilters', JSON.stringify(failedIds) === JSON.stringify(failedAsset === undefined ? [] : [failedAsset]), `ListAssets Statuses Failed listed ${failedIds.join(', ')}`);
      await expectListDefaults(ctx, 'ListAssets');
    },
  },
  {
    name: 'assets.update',
    title: 'UpdateAsset changes the Name',
    needs: ['assets.create'],
    async run(ctx) {
      const id = ctx.recall('activeAsset');
      const updated = ctx.result(await ctx.call('UpdateAsset', { Id: id, Name: 'front-face-renamed' }), 'UpdateAsset');
      ctx.expect('behaviours.actions', updated.Id === id, `UpdateAsset answered Id ${JSON.stringify(updated.Id)}, not ${id}`);
      const asset = ctx.result(await ctx.call('GetAsset', { Id: id }), 'GetAsset after UpdateAsset');
      ctx.expect('behaviours.updates', asset.Name === 'front-face-renamed', `after UpdateAsset the Name is ${asset.Name}`);
    },
  },
];
