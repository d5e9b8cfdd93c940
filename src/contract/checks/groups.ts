// Asset groups through their life: create, read, change, list and page.
import { requestProperty } from '../../protocol/index.js';
import type { Check } from '../context.js';
import { expectListDefaults, groupList } from './list-bodies.js';

export const groupChecks: Check[] = [
  {
    name: 'groups.create',
    title: 'CreateAssetGroup creates AIGC groups and returns their Id',
    async run(ctx) {
      for (const [key, suffix] of [['groupA', 'a'], ['groupB', 'b']] as const) {
        const reply = await ctx.call('CreateAssetGroup', {
          GroupType: 'AIGC',
          Name: `contract-${ctx.state.tag}-${suffix}`,
          Description: `Made by the contract checks, run ${ctx.state.tag}`,
        });
        ctx.remember(key, ctx.created('groups', ctx.result(reply, 'CreateAssetGroup').Id, 'CreateAssetGroup'));
      }
    },
  },
  {
    name: 'groups.get',
    title: 'GetAssetGroup returns what was created',
    needs: ['groups.create'],
    async run(ctx) {
      const id = ctx.recall('groupA');
      const projectName = requestProperty('CreateAssetGroup', 'ProjectName').default;
      const group = ctx.result(await ctx.call('GetAssetGroup', { Id: id }), 'GetAssetGroup');
      ctx.expect('behaviours.actions', group.Id === id, `GetAssetGroup returned Id ${group.Id}, not ${id}`);
      ctx.expect('behaviours.actions', group.Name === `contract-${ctx.state.tag}-a`, `GetAssetGroup Name is ${group.Name}`);
      ctx.expect('behaviours.actions', group.GroupType === 'AIGC', `GetAssetGroup GroupType is ${group.GroupType}, not AIGC`);
      ctx.expect('behaviours.actions', group.ProjectName === projectName, `GetAssetGroup ProjectName is ${group.ProjectName}, not the default ${String(projectName)}`);
    },
  },
  {
    name: 'groups.update',
    title: 'UpdateAssetGroup changes Name and Description, and nothing else',
    needs: ['groups.create'],
    async run(ctx) {
      const id = ctx.recall('groupA');
      const name = `contract-${ctx.state.tag}-a-renamed`;
      const updated = ctx.result(await ctx.call('UpdateAssetGroup', { Id: id, Name: name, Description: 'renamed' }), 'UpdateAssetGroup');
      ctx.expect('behaviours.actions', updated.Id === id, `UpdateAssetGroup answered Id ${JSON.stringify(updated.Id)}, not ${id}`);
      const group = ctx.result(await ctx.call('GetAssetGroup', { Id: id }), 'GetAssetGroup after UpdateAssetGroup');
      ctx.expect('behaviours.updates', group.Name === name && group.Description === 'renamed', `after UpdateAssetGroup: Name ${group.Name}, Description ${group.Description}`);
      ctx.expect('behaviours.updates', group.GroupType === 'AIGC', `UpdateAssetGroup changed GroupType to ${group.GroupType}`);
      // GroupType is no field of UpdateAssetGroup: refused as unknown, or at least left as it was.
      const changeType = await ctx.send({ action: 'UpdateAssetGroup', body: { Id: id, GroupType: 'LivenessFace' } });
      ctx.error(changeType, ['InvalidParameter'], 'UpdateAssetGroup of GroupType', 'protocol.unknownFields');
      const after = ctx.result(await ctx.call('GetAssetGroup', { Id: id }), 'GetAssetGroup after an UpdateAssetGroup of GroupType');
      ctx.expect('behaviours.updates', after.GroupType === 'AIGC', `UpdateAssetGroup changed GroupType to ${after.GroupType}`);
    },
  },
  {
    name: 'groups.list',
    title: 'ListAssetGroups filters by GroupIds, Name and GroupType',
    needs: ['groups.create'],
    async run(ctx) {
      const ids = [ctx.recall('groupA'), ctx.recall('groupB')];
      const byIds = ctx.result(await ctx.call('ListAssetGroups', groupList({ GroupIds: ids })), 'ListAssetGroups by GroupIds');
      const listed = byIds.Items.map((item) => item.Id).sort();
      ctx.expect('behaviours.listFilters', JSON.stringify(listed) === JSON.stringify([...ids].sort()), `ListAssetGroups by GroupIds listed ${listed.join(', ')}`);
      ctx.expect('behaviours.listFilters', byIds.TotalCount === 2, `ListAssetGroups by GroupIds: TotalCount ${byIds.TotalCount}, not 2`);
      const byName = ctx.result(await ctx.call('ListAssetGroups', groupList({ Name: ctx.state.tag })), 'ListAssetGroups by Name');
      ctx.expect('behaviours.fuzzyName', byName.TotalCount === 2, `ListAssetGroups by a part of the Name: TotalCount ${byName.TotalCount}, not 2`);
      const otherType = ctx.result(await ctx.call('ListAssetGroups', { ...groupList(), Filter: { GroupIds: ids, GroupType: 'LivenessFace' } }), 'ListAssetGroups by GroupType');
      ctx.expect('behaviours.listFilters', otherType.TotalCount === 0, `ListAssetGroups GroupType LivenessFace found ${otherType.TotalCount} AIGC groups`);
      await expectListDefaults(ctx, 'ListAssetGroups');
    },
  },
  {
    name: 'groups.pagination',
    title: 'ListAssetGroups pages cover every item once, with a stable TotalCount; past the last page, none',
    needs: ['groups.create'],
    async run(ctx) {
      const page = async (pageNumber: number) => ctx.call('ListAssetGroups', { ...groupList({ Name: ctx.state.tag }, { PageNumber: pageNumber, PageSize: 1 }), SortOrder: 'Asc' });
      const pages = [ctx.result(await page(1), 'ListAssetGroups page 1'), ctx.result(await page(2), 'ListAssetGroups page 2')];
      const ids = pages.flatMap((one) => one.Items.map((item) => item.Id));
      ctx.expect('behaviours.pagination', pages.every((one) => one.TotalCount === 2), `TotalCount changed across pages: ${pages.map((one) => one.TotalCount).join(', ')}`);
      ctx.expect('behaviours.pagination', pages.every((one, i) => one.PageNumber === i + 1 && one.PageSize === 1), 'PageNumber or PageSize not echoed as asked');
      ctx.expect('behaviours.pagination', new Set(ids).size === ids.length, `an item came on two pages: ${ids.join(', ')}`);
      const expected = [ctx.recall('groupA'), ctx.recall('groupB')].sort();
      ctx.expect('behaviours.pagination', JSON.stringify([...ids].sort()) === JSON.stringify(expected), `pages held ${ids.join(', ') || 'nothing'}, not both groups`);
      const past = ctx.result(await page(3), 'ListAssetGroups page 3 of 2', 'behaviours.pastTheLastPage');
      ctx.expect('behaviours.pastTheLastPage', past.Items.length === 0, `page 3 of 2 held ${past.Items.length} items`);
    },
  },
];
