// Asset groups through their life: create, read, change, list and page.
import { requestProperty, type ResultOf } from '../../protocol/index.js';
import type { Check, CheckContext } from '../context.js';

/** Pages through ListAssetGroups for this run's groups, one per page, returning every page's Result. */
async function pagesOfOne(ctx: CheckContext) {
  const pages: ResultOf<'ListAssetGroups'>[] = [];
  for (let pageNumber = 1; pageNumber <= 10; pageNumber++) {
    const reply = await ctx.call('ListAssetGroups', { Filter: { Name: ctx.state.tag }, PageNumber: pageNumber, PageSize: 1, SortOrder: 'Asc' });
    const page = ctx.result(reply, `ListAssetGroups page ${pageNumber}`);
    pages.push(page);
    if (page.Items.length === 0) break;
  }
  return pages;
}

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
      ctx.expect(group.Id === id, `GetAssetGroup returned Id ${group.Id}, not ${id}`);
      ctx.expect(group.Name === `contract-${ctx.state.tag}-a`, `GetAssetGroup Name is ${group.Name}`);
      ctx.expect(group.GroupType === 'AIGC', `GetAssetGroup GroupType is ${group.GroupType}, not AIGC`);
      ctx.expect(group.ProjectName === projectName, `GetAssetGroup ProjectName is ${group.ProjectName}, not the default ${String(projectName)}`);
    },
  },
  {
    name: 'groups.update',
    title: 'UpdateAssetGroup changes Name and Description, and nothing else',
    needs: ['groups.create'],
    async run(ctx) {
      const id = ctx.recall('groupA');
      const name = `contract-${ctx.state.tag}-a-renamed`;
      ctx.result(await ctx.call('UpdateAssetGroup', { Id: id, Name: name, Description: 'renamed' }), 'UpdateAssetGroup');
      const group = ctx.result(await ctx.call('GetAssetGroup', { Id: id }), 'GetAssetGroup after UpdateAssetGroup');
      ctx.expect(group.Name === name && group.Description === 'renamed', `after UpdateAssetGroup: Name ${group.Name}, Description ${group.Description}`);
      ctx.expect(group.GroupType === 'AIGC', `UpdateAssetGroup changed GroupType to ${group.GroupType}`);
      const changeType = await ctx.send({ action: 'UpdateAssetGroup', body: { Id: id, GroupType: 'LivenessFace' } });
      ctx.error(changeType, ['InvalidParameter'], 'UpdateAssetGroup of GroupType');
    },
  },
  {
    name: 'groups.list',
    title: 'ListAssetGroups filters by GroupIds, Name and GroupType',
    needs: ['groups.create'],
    async run(ctx) {
      const ids = [ctx.recall('groupA'), ctx.recall('groupB')];
      const byIds = ctx.result(await ctx.call('ListAssetGroups', { Filter: { GroupIds: ids } }), 'ListAssetGroups by GroupIds');
      const listed = byIds.Items.map((item) => item.Id).sort();
      ctx.expect(JSON.stringify(listed) === JSON.stringify([...ids].sort()), `ListAssetGroups by GroupIds listed ${listed.join(', ')}`);
      ctx.expect(byIds.TotalCount === 2, `ListAssetGroups by GroupIds: TotalCount ${byIds.TotalCount}, not 2`);
      const byName = ctx.result(await ctx.call('ListAssetGroups', { Filter: { Name: ctx.state.tag } }), 'ListAssetGroups by Name');
      ctx.expect(byName.TotalCount === 2, `ListAssetGroups by a fuzzy Name: TotalCount ${byName.TotalCount}, not 2`);
      const otherType = ctx.result(await ctx.call('ListAssetGroups', { Filter: { GroupIds: ids, GroupType: 'LivenessFace' } }), 'ListAssetGroups by GroupType');
      ctx.expect(otherType.TotalCount === 0, `ListAssetGroups GroupType LivenessFace found ${otherType.TotalCount} AIGC groups`);
    },
  },
  {
    name: 'groups.pagination',
    title: 'ListAssetGroups pages cover every item once, with a stable TotalCount',
    needs: ['groups.create'],
    async run(ctx) {
      const pages = await pagesOfOne(ctx);
      const ids = pages.flatMap((page) => page.Items.map((item) => item.Id));
      ctx.expect(pages.every((page) => page.TotalCount === 2), `TotalCount changed across pages: ${pages.map((p) => p.TotalCount).join(', ')}`);
      ctx.expect(pages.every((page, i) => page.PageNumber === i + 1 && page.PageSize === 1), 'PageNumber or PageSize not echoed as asked');
      ctx.expect(new Set(ids).size === ids.length, `an item came on two pages: ${ids.join(', ')}`);
      const expected = [ctx.recall('groupA'), ctx.recall('groupB')].sort();
      ctx.expect(JSON.stringify([...ids].sort()) === JSON.stringify(expected), `pages held ${ids.join(', ') || 'nothing'}, not both groups`);
      ctx.expect(pages.length === 3, `expected 2 pages of one item then an empty page, got ${pages.length} pages`);
    },
  },
];
