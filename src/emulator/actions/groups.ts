// The group Actions. CreateAssetGroup makes AIGC groups only; LivenessFace groups come from
// the liveness flow through `addGroup`. Both kinds count toward the customer's group quota.
import { aigcNotAvailable, quotaExceeded } from './action-errors.js';
import type { ActionContext, ActionHandler } from './action-context.js';
import type { Refusal, AssetGroupItem, GroupType } from './action-types.js';
import { nameMatches, sortAndPage } from './listing.js';
import { findOwned } from './resource-access.js';
import { listRequestDefaults, requestDefault } from './schema-defaults.js';
import type { StoredGroup } from '../model/state.js';
import { isoSeconds, wholeSecond } from '../model/timestamps.js';

const defaultProjectName = requestDefault('CreateAssetGroup', 'ProjectName');
const defaultGroupType = requestDefault('CreateAssetGroup', 'GroupType');
const listDefaults = listRequestDefaults('ListAssetGroups');

export function groupItem(group: StoredGroup): AssetGroupItem {
  return {
    Id: group.Id,
    Name: group.Name,
    // Title is the deprecated alias of Name: always the same value, so old readers agree.
    Title: group.Name,
    Description: group.Description,
    GroupType: group.GroupType,
    ProjectName: group.ProjectName,
    CreateTime: isoSeconds(group.createdAt),
    UpdateTime: isoSeconds(group.updatedAt),
  };
}

/** Adds a group if the customer's quota has room. Shared by CreateAssetGroup and the liveness flow. */
export function addGroup(
  { state, tenant, now }: ActionContext,
  fields: { Name: string; Description: string; GroupType: GroupType; ProjectName: string },
): { group: StoredGroup } | Refusal {
  if (state.groupCount(tenant.customerId) >= tenant.groupQuota) {
    return quotaExceeded(`The customer already has ${tenant.groupQuota} groups; delete one with DeleteAssetGroup first.`);
  }
  const group: StoredGroup = { ...fields, Id: state.ids.groupId(now), customerId: tenant.customerId, createdAt: now, updatedAt: now };
  state.groups.set(group.Id, group);
  return { group };
}

export const createAssetGroup: ActionHandler<'CreateAssetGroup'> = (context, request) => {
  if (!context.tenant.aigc) return aigcNotAvailable();
  // Title is accepted for old clients and ignored: the item's Title always mirrors Name.
  const added = addGroup(context, {
    Name: request.Name,
    Description: request.Description ?? '',
    GroupType: request.GroupType ?? defaultGroupType,
    ProjectName: request.ProjectName ?? defaultProjectName,
  });
  return 'error' in added ? added : { result: { Id: added.group.Id } };
};

export const getAssetGroup: ActionHandler<'GetAssetGroup'> = ({ state, tenant }, request) => {
  const found = findOwned(state.groups, 'group', request.Id, tenant, request.ProjectName ?? defaultProjectName);
  return 'error' in found ? found : { result: groupItem(found.record) };
};

export const updateAssetGroup: ActionHandler<'UpdateAssetGroup'> = ({ state, tenant, now }, request) => {
  const found = findOwned(state.groups, 'group', request.Id, tenant, request.ProjectName ?? defaultProjectName);
  if ('error' in found) return found;
  const group = found.record;
  // As UpdateAsset: without a field to change, nothing changes, UpdateTime included.
  if (request.Name === undefined && request.Description === undefined) return { result: { Id: group.Id } };
  if (request.Name !== undefined) group.Name = request.Name;
  if (request.Description !== undefined) group.Description = request.Description;
  group.updatedAt = now;
  return { result: { Id: group.Id } };
};

export const deleteAssetGroup: ActionHandler<'DeleteAssetGroup'> = ({ state, tenant }, request) => {
  const found = findOwned(state.groups, 'group', request.Id, tenant, request.ProjectName ?? defaultProjectName);
  if ('error' in found) return found;
  state.deleteGroup(found.record.Id);
  return { result: {} };
};

export const listAssetGroups: ActionHandler<'ListAssetGroups'> = ({ state, tenant }, request) => {
  const projectName = request.ProjectName ?? defaultProjectName;
  const filter = request.Filter ?? {};
  const groupIds = filter.GroupIds ? new Set(filter.GroupIds) : undefined;
  const matches = [...state.groups.values()].filter(
    (group) =>
      group.customerId === tenant.customerId &&
      group.ProjectName === projectName &&
      (filter.GroupType === undefined || group.GroupType === filter.GroupType) &&
      (groupIds === undefined || groupIds.has(group.Id)) &&
      nameMatches(group.Name, filter.Name),
  );
  const sortBy = request.SortBy ?? listDefaults.SortBy;
  const page = sortAndPage(matches, (group) => wholeSecond(sortBy === 'UpdateTime' ? group.updatedAt : group.createdAt), {
    sortOrder: request.SortOrder ?? listDefaults.SortOrder,
    pageNumber: request.PageNumber ?? listDefaults.PageNumber,
    pageSize: request.PageSize ?? listDefaults.PageSize,
  });
  return { result: { ...page, Items: page.Items.map(groupItem) } };
};
