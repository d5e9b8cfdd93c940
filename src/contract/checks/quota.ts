// The group quota: filled, refused past it, freed by a delete. It leaves the quota full, so this
// file comes last in index.ts: no check after it could create a group.
import { CheckFailure, type Check } from '../context.js';

export const quotaChecks: Check[] = [
  {
    name: 'groups.quota',
    title: 'CreateAssetGroup answers QuotaExceeded past the group quota, and deleting frees it at once',
    async run(ctx) {
      const { groupQuota } = ctx.settings;
      // Both types count toward the quota.
      const count = async (GroupType: 'AIGC' | 'LivenessFace') =>
        ctx.result(await ctx.call('ListAssetGroups', { Filter: { GroupType }, PageNumber: 1, PageSize: 1 }), `ListAssetGroups of ${GroupType} groups`).TotalCount;
      const existing = (await count('AIGC')) + (await count('LivenessFace'));
      // The loop below creates groups up to the quota from this count: it must be one.
      ctx.expect('behaviours.pagination', Number.isInteger(existing) && existing >= 0, `ListAssetGroups counts ${existing} groups`);
      const create = (n: number) => ctx.call('CreateAssetGroup', { Name: `contract-${ctx.state.tag}-quota-${n}` });
      const made: string[] = [];
      for (let n = existing; n < groupQuota; n++) {
        made.push(ctx.created('groups', ctx.result(await create(n), `CreateAssetGroup number ${n + 1} of ${groupQuota}`).Id, 'CreateAssetGroup'));
      }
      const over = await create(groupQuota);
      if (over.result) ctx.created('groups', over.result.Id, 'CreateAssetGroup');
      ctx.error(over, ['QuotaExceeded'], `CreateAssetGroup number ${groupQuota + 1}`, 'protocol.activeGroupQuota');
      const freed = made.pop();
      if (!freed) throw new CheckFailure(`the customer already had ${existing} groups; this run made none it could delete to free the quota`);
      ctx.result(await ctx.call('DeleteAssetGroup', { Id: freed }), 'DeleteAssetGroup');
      const again = await create(groupQuota + 1);
      ctx.created('groups', ctx.result(again, 'CreateAssetGroup right after a delete freed the quota', 'behaviours.quotaFreedAtOnce').Id, 'CreateAssetGroup');
    },
  },
];
