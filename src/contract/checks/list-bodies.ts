// List bodies every reading of the Lists takes: the upstream's pages require `Filter.GroupType`
// (and, for ListAssets, the paging), the document assumes neither is needed
// (`behaviours.listDefaults`). The checks send them, so that a server that needs them is judged
// on everything else, and test the assumption on its own.
import type { PaginatedAction, RequestOf } from '../../protocol/index.js';
import { describe, type CheckContext } from '../context.js';

type GroupFilter = NonNullable<RequestOf<'ListAssetGroups'>['Filter']>;
type AssetFilter = NonNullable<RequestOf<'ListAssets'>['Filter']>;
type Paging = { PageNumber: number; PageSize: number };

const firstPage: Paging = { PageNumber: 1, PageSize: 100 };

/** ListAssetGroups of AIGC groups (the only ones the checks make), `filter` added. */
export function groupList(filter: Omit<GroupFilter, 'GroupType'> = {}, paging: Paging = firstPage): RequestOf<'ListAssetGroups'> {
  return { Filter: { GroupType: 'AIGC', ...filter }, ...paging };
}

/** ListAssets of assets in AIGC groups, `filter` added. */
export function assetList(filter: Omit<AssetFilter, 'GroupType'> = {}, paging: Paging = firstPage): RequestOf<'ListAssets'> {
  return { Filter: { GroupType: 'AIGC', ...filter }, ...paging };
}

/**
 * The assumption itself: a List takes `{}` and fills the document's defaults. A refusal that
 * names a parameter differs from it; any other failure breaks the Action.
 */
export async function expectListDefaults(ctx: CheckContext, action: PaginatedAction): Promise<void> {
  const bare = await ctx.call(action, {});
  if (bare.result) return;
  const namesAParameter = ['MissingParameter', 'InvalidParameter'].includes(bare.baseCode ?? '');
  ctx.expect(namesAParameter ? 'behaviours.listDefaults' : 'behaviours.actions', false, `${action} {}: expected a Result with the document's defaults, got ${describe(bare)}`);
}
