// The asset Actions. An asset lives in one of its customer's groups and in that group's
// project; its Status, UpdateTime and URL are worked out at each read (see ../model/asset-processing.ts).
import { quotaExceeded } from './action-errors.js';
import type { ActionHandler, ReplyLinks } from './action-context.js';
import type { AssetItem } from './action-types.js';
import { judgeMedia, processingStateAt, type ProcessingState } from '../model/asset-processing.js';
import { nameMatches, sortAndPage, type SortKey } from './listing.js';
import { findOwned } from './resource-access.js';
import { listRequestDefaults, requestDefault } from './schema-defaults.js';
import type { StoredAsset } from '../model/state.js';
import { isoSeconds, wholeSecond } from '../model/timestamps.js';

const defaultProjectName = requestDefault('CreateAsset', 'ProjectName');
const defaultModeration = requestDefault('CreateAsset', 'Moderation');
const listDefaults = listRequestDefaults('ListAssets');

/** The asset as a client sees it in `processing`, its state at this moment. */
function assetItem(asset: StoredAsset, processing: ProcessingState, links: ReplyLinks): AssetItem {
  const item: AssetItem = {
    Id: asset.Id,
    GroupId: asset.GroupId,
    Name: asset.Name,
    AssetType: asset.AssetType,
    Status: processing.Status,
    // A fresh link on every read, as upstream signs one per response.
    URL: processing.Status === 'Active' ? links.media(asset.Id) : '',
    Moderation: { ...asset.Moderation },
    ProjectName: asset.ProjectName,
    CreateTime: isoSeconds(asset.createdAt),
    UpdateTime: isoSeconds(processing.updatedAt),
  };
  if (processing.FailedReason !== undefined) item.FailedReason = processing.FailedReason;
  return item;
}

export const createAsset: ActionHandler<'CreateAsset'> = ({ state, tenant, now }, request) => {
  const projectName = request.ProjectName ?? defaultProjectName;
  const group = findOwned(state.groups, 'group', request.GroupId, tenant, projectName);
  if ('error' in group) return group;
  if (state.assetCount(tenant.customerId) >= tenant.assetQuota) {
    return quotaExceeded(`The customer already has ${tenant.assetQuota} assets; delete one with DeleteAsset first.`);
  }
  const asset: StoredAsset = {
    Id: state.ids.assetId(now),
    GroupId: group.record.Id,
    Name: request.Name ?? '',
    AssetType: request.AssetType,
    Moderation: { ...(request.Moderation ?? defaultModeration) },
    ProjectName: projectName,
    customerId: tenant.customerId,
    sourceUrl: request.URL,
    verdict: judgeMedia(request.URL, request.AssetType),
    createdAt: now,
    updatedAt: now,
  };
  state.assets.set(asset.Id, asset);
  return { result: { Id: asset.Id } };
};

export const getAsset: ActionHandler<'GetAsset'> = (context, request) => {
  const found = findOwned(context.state.assets, 'asset', request.Id, context.tenant, request.ProjectName ?? defaultProjectName);
  if ('error' in found) return found;
  return { result: assetItem(found.record, processingStateAt(found.record, context.now, context.processingDelayMs), context.links) };
};

export const updateAsset: ActionHandler<'UpdateAsset'> = ({ state, tenant, now }, request) => {
  const found = findOwned(state.assets, 'asset', request.Id, tenant, request.ProjectName ?? defaultProjectName);
  if ('error' in found) return found;
  // Name is all an update can change; without it nothing changes.
  if (request.Name !== undefined) {
    found.record.Name = request.Name;
    found.record.updatedAt = now;
  }
  return { result: { Id: found.record.Id } };
};

export const deleteAsset: ActionHandler<'DeleteAsset'> = ({ state, tenant }, request) => {
  const found = findOwned(state.assets, 'asset', request.Id, tenant, request.ProjectName ?? defaultProjectName);
  if ('error' in found) return found;
  state.assets.delete(found.record.Id);
  return { result: {} };
};

export const listAssets: ActionHandler<'ListAssets'> = (context, request) => {
  const { state, tenant, now, processingDelayMs } = context;
  const projectName = request.ProjectName ?? defaultProjectName;
  const filter = request.Filter ?? {};
  const groupIds = filter.GroupIds ? new Set(filter.GroupIds) : undefined;
  const statuses = filter.Statuses ? new Set(filter.Statuses) : undefined;
  const matches: { Id: string; asset: StoredAsset; processing: ProcessingState }[] = [];
  for (const asset of state.assets.values()) {
    const kept =
      asset.customerId === tenant.customerId &&
      asset.ProjectName === projectName &&
      (groupIds === undefined || groupIds.has(asset.GroupId)) &&
      (filter.GroupType === undefined || state.groups.get(asset.GroupId)?.GroupType === filter.GroupType) &&
      nameMatches(asset.Name, filter.Name);
    if (!kept) continue;
    // Status and UpdateTime depend on the moment: filter, sort and show them as they are now.
    const processing = processingStateAt(asset, now, processingDelayMs);
    if (statuses === undefined || statuses.has(processing.Status)) matches.push({ Id: asset.Id, asset, processing });
  }

  const sortBy = request.SortBy ?? listDefaults.SortBy;
  const sortKey = ({ asset, processing }: (typeof matches)[number]): SortKey => {
    if (sortBy === 'GroupId') return asset.GroupId;
    return wholeSecond(sortBy === 'UpdateTime' ? processing.updatedAt : asset.createdAt);
  };
  const page = sortAndPage(matches, sortKey, {
    sortOrder: request.SortOrder ?? listDefaults.SortOrder,
    pageNumber: request.PageNumber ?? listDefaults.PageNumber,
    pageSize: request.PageSize ?? listDefaults.PageSize,
  });
  return { result: { ...page, Items: page.Items.map(({ asset, processing }) => assetItem(asset, processing, context.links)) } };
};
