// A second customer must neither see nor change the first one's resources.
import type { Check, CheckContext } from '../context.js';
import { assetList, groupList } from './list-bodies.js';

const denied = ['Forbidden', 'NotFound'];

async function unchanged(ctx: CheckContext) {
  const group = ctx.result(await ctx.call('GetAssetGroup', { Id: ctx.recall('groupA') }), 'GetAssetGroup by its owner');
  ctx.expect('behaviours.tenancy', !group.Name.includes('hijacked'), 'the other customer renamed the group');
  ctx.result(await ctx.call('GetAsset', { Id: ctx.recall('activeAsset') }), 'GetAsset by its owner after the other customer tried to delete it');
}

export const tenancyChecks: Check[] = [
  {
    name: 'tenancy.read',
    title: "another customer's Get answers Forbidden or NotFound, never the resource",
    needs: ['groups.create', 'assets.create'],
    needsSecondKey: true,
    async run(ctx) {
      ctx.error(await ctx.call('GetAssetGroup', { Id: ctx.recall('groupA') }, { as: 'secondary' }), denied, "GetAssetGroup of another customer's group", 'behaviours.tenancy');
      ctx.error(await ctx.call('GetAsset', { Id: ctx.recall('activeAsset') }, { as: 'secondary' }), denied, "GetAsset of another customer's asset", 'behaviours.tenancy');
    },
  },
  {
    name: 'tenancy.list',
    title: "another customer's List never shows the resources",
    needs: ['groups.create', 'assets.create'],
    needsSecondKey: true,
    async run(ctx) {
      const GroupIds = [ctx.recall('groupA')];
      const groups = ctx.result(await ctx.call('ListAssetGroups', groupList({ GroupIds }), { as: 'secondary' }), 'ListAssetGroups as the other customer');
      ctx.expect('behaviours.tenancy', groups.Items.length === 0, "ListAssetGroups shows another customer's group");
      const assets = ctx.result(await ctx.call('ListAssets', assetList({ GroupIds }), { as: 'secondary' }), 'ListAssets as the other customer');
      ctx.expect('behaviours.tenancy', assets.Items.length === 0, "ListAssets shows another customer's assets");
      const named = ctx.result(await ctx.call('ListAssetGroups', groupList({ Name: ctx.state.tag }), { as: 'secondary' }), 'ListAssetGroups by Name as the other customer');
      ctx.expect('behaviours.tenancy', named.TotalCount === 0, "ListAssetGroups by Name counts another customer's groups");
    },
  },
  {
    name: 'tenancy.write',
    title: "another customer's Update, Delete and CreateAsset are refused and change nothing",
    needs: ['groups.create', 'assets.create'],
    needsSecondKey: true,
    async run(ctx) {
      const as = { as: 'secondary' } as const;
      ctx.error(await ctx.call('UpdateAssetGroup', { Id: ctx.recall('groupA'), Name: 'hijacked' }, as), denied, "UpdateAssetGroup of another customer's group", 'behaviours.tenancy');
      ctx.error(await ctx.call('DeleteAsset', { Id: ctx.recall('activeAsset') }, as), denied, "DeleteAsset of another customer's asset", 'behaviours.tenancy');
      const planted = await ctx.call('CreateAsset', { GroupId: ctx.recall('groupA'), URL: ctx.settings.imageUrl, AssetType: 'Image' }, as);
      if (planted.result) ctx.created('assets', planted.result.Id, 'CreateAsset');
      ctx.error(planted, denied, "CreateAsset into another customer's group", 'behaviours.tenancy');
      await unchanged(ctx);
    },
  },
];
