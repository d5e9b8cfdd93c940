// Deleting what the flow made: an asset, then the groups with what is left in them. A delete does
// not build on the checks that read what it deletes, so no `needs` puts it after them: this file
// comes after theirs in index.ts, and the run keeps the files' order wherever `needs` allows.
import type { Check } from '../context.js';
import { assetList } from './list-bodies.js';

export const deletionChecks: Check[] = [
  {
    name: 'assets.delete',
    title: 'DeleteAsset deletes: the asset is gone from Get and List',
    needs: ['groups.create', 'assets.create'],
    async run(ctx) {
      const id = ctx.recall('activeAsset');
      ctx.result(await ctx.call('DeleteAsset', { Id: id }), 'DeleteAsset');
      ctx.error(await ctx.call('GetAsset', { Id: id }), ['NotFound'], 'GetAsset after DeleteAsset', 'behaviours.deletes');
      const list = ctx.result(await ctx.call('ListAssets', assetList({ GroupIds: [ctx.recall('groupA')] })), 'ListAssets after DeleteAsset');
      ctx.expect('behaviours.deletes', !list.Items.some((item) => item.Id === id), 'ListAssets still lists the deleted asset');
    },
  },
  {
    name: 'groups.delete',
    title: 'DeleteAssetGroup deletes the group and its assets',
    needs: ['groups.create'],
    async run(ctx) {
      const made = await ctx.call('CreateAsset', { GroupId: ctx.recall('groupB'), URL: ctx.settings.imageUrl, AssetType: 'Image', Name: 'in-a-deleted-group' });
      const inGroup = ctx.created('assets', ctx.result(made, 'CreateAsset').Id, 'CreateAsset');
      for (const key of ['groupA', 'groupB'] as const) {
        const id = ctx.recall(key);
        ctx.result(await ctx.call('DeleteAssetGroup', { Id: id }), `DeleteAssetGroup ${key}`);
        ctx.error(await ctx.call('GetAssetGroup', { Id: id }), ['NotFound'], `GetAssetGroup after DeleteAssetGroup`, 'behaviours.deletes');
      }
      ctx.error(await ctx.call('GetAsset', { Id: inGroup }), ['NotFound'], 'GetAsset of an asset whose group was deleted', 'behaviours.groupDeleteTakesAssets');
    },
  },
];
