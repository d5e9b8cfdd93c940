// Emulators broken on purpose in ways the scripted contract checks miss: each wraps the real
// emulator's Fetch handler, rewriting what comes in and goes out and keeping a little state of its
// own, and still answers only replies the document allows. Each comes with a witness, a short list
// of raw calls whose replies differ from the unbroken emulator's (witness.ts runs them): the
// model-based exploration (`--explore`) must find each one and shrink it to as few calls.
import { createEmulator, startEmulator, type Emulator, type EmulatorOptions, type EmulatorServerOptions, type RunningEmulator } from '../../src/emulator/index.js';
import { nameMatches } from '../../src/emulator/actions/listing.js';
import { isoSeconds } from '../../src/emulator/model/timestamps.js';
import { protocol, requestProperty, type Action, type FactName, type PaginatedAction } from '../../src/protocol/index.js';
import type { Handler } from '../../src/server/exchange.js';
import {
  callWith,
  errorCodeOf,
  everyMatch,
  failWith,
  madeId,
  pageOf,
  readCall,
  readReply,
  replyOf,
  sortedAsAsked,
  succeedWith,
  type Body,
  type Call,
  type FetchHandler,
  type ListItem,
  type ReadReply,
} from './intercepted-calls.js';

export type { FetchHandler } from './intercepted-calls.js';

/** One call of a witness. A string `"$n"` anywhere in `body` stands for the id call n made (its Id, GroupId or BytedToken). */
export interface WitnessCall {
  action: Action;
  /** The second customer's key (`demo-key-2`) instead of the first's (`demo-key`). */
  as?: 'secondary';
  body: Body;
}

/** What a broken emulator's wrapper may read of the emulator it wraps. */
export interface BreakContext {
  /** The emulator's clock. */
  now(): number;
  /** Every customer's API keys. */
  apiKeys: readonly string[];
}

export interface BrokenEmulator {
  /** Short and unique, for test names and reports. */
  name: string;
  /** One sentence: how it differs from the document. */
  description: string;
  /** Set when the difference is only on an assumed fact of the document: the explorer grades it as a warning. */
  assumed?: FactName;
  /** At most 6 calls whose replies differ from the unbroken emulator's. */
  witness: readonly WitnessCall[];
  /** Wraps an emulator's Fetch handler, with state of its own for that emulator. */
  wrap(handle: FetchHandler, context: BreakContext): FetchHandler;
}

/**
 * The options every broken emulator is made with, and which the model it is compared with must
 * share: no rate limits (a wrapper sends calls of its own), and a second customer with room for
 * one asset, so that a quota shows within a few calls.
 */
export const brokenEmulatorOptions = {
  rateLimits: false,
  tenants: [
    { customerId: 'demo', apiKeys: ['demo-key'] },
    { customerId: 'demo-2', apiKeys: ['demo-key-2'], assetQuota: 1 },
  ],
} as const satisfies EmulatorOptions;

const imageUrl = 'https://cdn.example.com/portraits/front-face.png';

/** How many witnesses begin: a group (`$0`) and an image in it (`$1`). */
const anAssetInAGroup: readonly WitnessCall[] = [
  { action: 'CreateAssetGroup', body: { Name: 'avatar' } },
  { action: 'CreateAsset', body: { GroupId: '$0', URL: imageUrl, AssetType: 'Image', Name: 'front-face' } },
];

const defaultProject = String(requestProperty('CreateAssetGroup', 'ProjectName').default);
const projectOf = (body: Body) => (typeof body.ProjectName === 'string' ? body.ProjectName : defaultProject);
const filterOf = (body: Body) => (body.Filter ?? {}) as { GroupIds?: string[]; Statuses?: string[]; Name?: string; GroupType?: string };

type Wrapper = (call: Call, handle: FetchHandler) => Promise<Response>;

/** A wrapper of the calls the gateway lets through; anything else goes to the emulator untouched. */
function calls(wrapper: Wrapper): (handle: FetchHandler) => FetchHandler {
  return (handle) => async (request) => {
    const call = await readCall(request);
    return call ? wrapper(call, handle) : handle(request);
  };
}

/** A wrapper of the calls of `action` alone. */
function onAction(action: Action, wrapper: Wrapper): (handle: FetchHandler) => FetchHandler {
  return calls((call, handle) => (call.action === action ? wrapper(call, handle) : handle(call.request)));
}

/** A List of `action` answered from every match, changed by `change`, sorted and paged again as asked. */
async function relisted<A extends PaginatedAction>(
  handle: FetchHandler,
  call: Call,
  action: A,
  change: (items: ListItem<A>[]) => ListItem<A>[],
  totalCount?: (items: ListItem<A>[]) => number,
): Promise<Response> {
  const { body } = call;
  const matches = await everyMatch(handle, call, action);
  if ('refused' in matches) return replyOf(matches.refused);
  const items = sortedAsAsked(change(matches.items), body, action);
  return succeedWith(matches.reply, action, pageOf(items, body, action, totalCount?.(items)));
}

const exactName: BrokenEmulator = {
  name: 'exact-name-filter',
  description: 'ListAssets matches Filter.Name against the whole name, case and all, instead of any part of it in any case.',
  witness: [
    ...anAssetInAGroup,
    { action: 'ListAssets', body: { Filter: { Name: 'front' } } },
  ],
  wrap: onAction('ListAssets', (call, handle) => {
    const { Name: name } = filterOf(call.body);
    return name !== undefined ? relisted(handle, call, 'ListAssets', (items) => items.filter((item) => item.Name === name)) : handle(call.request);
  }),
};

const groupDeleteLeavesAssets: BrokenEmulator = {
  name: 'group-delete-leaves-assets-listable',
  description: "For the customer's next two calls after DeleteAssetGroup, ListAssets still lists the deleted group's assets.",
  witness: [
    ...anAssetInAGroup,
    { action: 'DeleteAssetGroup', body: { Id: '$0' } },
    { action: 'ListAssets', body: {} },
  ],
  wrap(handle) {
    // Counted down as each of the customer's calls begins, so the delete sets one more.
    const lingeringCalls = 2;
    const lingering = new Map<string, { items: ListItem<'ListAssets'>[]; groupType: unknown; projectName: string; callsLeft: number }>();
    return calls(async (call) => {
      const key = call.key ?? '';
      const stale = lingering.get(key);
      if (stale) stale.callsLeft -= 1;
      if (stale?.callsLeft === 0) lingering.delete(key);
      if (call.action === 'DeleteAssetGroup') {
        const scope = { ProjectName: projectOf(call.body) };
        const group = await readReply(await handle(callWith(call, { ...scope, Id: call.body.Id }, 'GetAssetGroup')));
        const assets = await everyMatch(handle, { ...call, body: { ...scope, Filter: { GroupIds: [call.body.Id] } } }, 'ListAssets');
        const reply = await handle(call.request);
        if (reply.status === 200 && group.envelope.Result && 'items' in assets && assets.items.length > 0) {
          lingering.set(key, { items: assets.items, groupType: group.envelope.Result.GroupType, projectName: scope.ProjectName, callsLeft: lingeringCalls + 1 });
        }
        return reply;
      }
      if (!stale || call.action !== 'ListAssets' || projectOf(call.body) !== stale.projectName) return handle(call.request);
      const filter = filterOf(call.body);
      const shown = stale.items.filter(
        (item) =>
          (filter.GroupIds === undefined || filter.GroupIds.includes(item.GroupId)) &&
          (filter.Statuses === undefined || filter.Statuses.includes(item.Status)) &&
          (filter.GroupType === undefined || filter.GroupType === stale.groupType) &&
          nameMatches(item.Name, filter.Name),
      );
      return relisted(handle, call, 'ListAssets', (items) => [...items, ...shown]);
    })(handle);
  },
};

const updateTouchesAnother: BrokenEmulator = {
  name: 'update-touches-another-asset',
  description: 'UpdateAsset of a Name also sets the UpdateTime of the asset the customer created just before that one, as Gets and Lists show (their UpdateTime order too, on a clock that moves between calls).',
  witness: [
    { action: 'CreateAssetGroup', body: { Name: 'avatar' } },
    { action: 'CreateAsset', body: { GroupId: '$0', URL: imageUrl, AssetType: 'Image', Name: 'first' } },
    { action: 'CreateAsset', body: { GroupId: '$0', URL: imageUrl, AssetType: 'Image', Name: 'second' } },
    { action: 'UpdateAsset', body: { Id: '$2', Name: 'second-renamed' } },
    { action: 'ListAssets', body: { SortBy: 'UpdateTime', SortOrder: 'Desc' } },
  ],
  wrap(handle, { now }) {
    const createdBy = new Map<string, string[]>();
    const touchedAt = new Map<string, string>();
    const touched = <T extends { Id: string; UpdateTime?: string }>(item: T): T => {
      const at = touchedAt.get(item.Id);
      return at !== undefined && at > String(item.UpdateTime) ? { ...item, UpdateTime: at } : item;
    };
    return calls(async (call) => {
      const key = call.key ?? '';
      if (call.action === 'ListAssets') return relisted(handle, call, 'ListAssets', (items) => items.map(touched));
      const reply = await readReply(await handle(call.request));
      const id = madeId(reply);
      if (call.action === 'CreateAsset' && id !== undefined) createdBy.set(key, [...(createdBy.get(key) ?? []), id]);
      if (call.action === 'UpdateAsset' && reply.envelope.Result && call.body.Name !== undefined) {
        const created = createdBy.get(key) ?? [];
        const before = created[created.indexOf(String(call.body.Id)) - 1];
        if (before !== undefined) touchedAt.set(before, isoSeconds(now()));
      }
      if (call.action === 'GetAsset' && reply.envelope.Result) reply.envelope.Result = touched(reply.envelope.Result as { Id: string });
      return replyOf(reply);
    })(handle);
  },
};

/** `Id` in `call` replaced by an id nobody was given, so the emulator answers as for an unknown one, and the message names the id asked for. */
async function asUnknown(handle: FetchHandler, call: Call, id: string): Promise<Response> {
  const unknown = `${id.split('-')[0] ?? 'asset'}-00000000000000-never`;
  const reply = await readReply(await handle(callWith(call, { ...call.body, Id: unknown })));
  const error = reply.envelope.ResponseMetadata.Error;
  if (error) error.Message = error.Message.replace(unknown, id);
  return replyOf(reply);
}

const quotaFreedLate: BrokenEmulator = {
  name: 'asset-quota-freed-late',
  description: "DeleteAsset hides the asset at once but frees its place in the customer's asset quota only after the customer's next call, which a CreateAsset at the quota finds QuotaExceeded.",
  witness: [
    { action: 'CreateAssetGroup', as: 'secondary', body: { Name: 'avatar' } },
    { action: 'CreateAsset', as: 'secondary', body: { GroupId: '$0', URL: imageUrl, AssetType: 'Image' } },
    { action: 'DeleteAsset', as: 'secondary', body: { Id: '$1' } },
    { action: 'CreateAsset', as: 'secondary', body: { GroupId: '$0', URL: imageUrl, AssetType: 'Image' } },
  ],
  wrap(handle) {
    const hidden = new Map<string, Call>();
    const answer = async (call: Call): Promise<Response> => {
      const id = call.body.Id;
      const byId = call.action === 'GetAsset' || call.action === 'UpdateAsset' || call.action === 'DeleteAsset';
      if (byId && typeof id === 'string' && hidden.has(id)) return asUnknown(handle, call, id);
      if (call.action === 'ListAssets') return relisted(handle, call, 'ListAssets', (items) => items.filter((item) => !hidden.has(item.Id)));
      if (call.action !== 'DeleteAsset' || typeof id !== 'string') return handle(call.request);
      const found = await readReply(await handle(callWith(call, call.body, 'GetAsset')));
      if (!found.envelope.Result) return handle(call.request);
      hidden.set(id, call);
      return succeedWith(found, 'DeleteAsset', {});
    };
    return calls(async (call) => {
      const due = [...hidden].filter(([, deletion]) => deletion.key === call.key);
      const reply = await answer(call);
      for (const [id, deletion] of due) {
        hidden.delete(id);
        await handle(deletion.request);
      }
      return reply;
    })(handle);
  },
};

const totalCountOtherProjects: BrokenEmulator = {
  name: 'total-count-counts-other-projects',
  description: "ListAssetGroups' TotalCount also counts the customer's matching groups in the other projects it has made groups in.",
  witness: [
    { action: 'CreateAssetGroup', body: { Name: 'elsewhere', ProjectName: 'other-project' } },
    { action: 'ListAssetGroups', body: {} },
  ],
  wrap(handle) {
    const projectsBy = new Map<string, Set<string>>();
    return calls(async (call) => {
      const key = call.key ?? '';
      const projects = projectsBy.get(key) ?? new Set<string>();
      if (call.action === 'CreateAssetGroup' || call.action === 'CreateVisualValidateSession') projectsBy.set(key, projects.add(projectOf(call.body)));
      const reply = await readReply(await handle(call.request));
      const result = reply.envelope.Result as { TotalCount?: number } | undefined;
      if (call.action !== 'ListAssetGroups' || result?.TotalCount === undefined) return replyOf(reply);
      for (const project of projects) {
        if (project === projectOf(call.body)) continue;
        const elsewhere = await readReply(await handle(callWith(call, { ...call.body, ProjectName: project, PageNumber: 1, PageSize: 1 })));
        result.TotalCount += Number((elsewhere.envelope.Result as { TotalCount?: number } | undefined)?.TotalCount ?? 0);
      }
      return replyOf(reply);
    })(handle);
  },
};

const errorPastTheLastPage: BrokenEmulator = {
  name: 'error-past-the-last-page',
  description: 'ListAssets answers InvalidParameter.PageNumber (HTTP 400) for a page past the last instead of an empty page (an assumed fact: behaviours.pastTheLastPage).',
  assumed: 'behaviours.pastTheLastPage',
  witness: [{ action: 'ListAssets', body: { PageNumber: 2 } }],
  wrap: onAction('ListAssets', async (call, handle) => {
    const reply = await readReply(await handle(call.request));
    const result = reply.envelope.Result as { Items?: unknown[]; PageNumber?: number } | undefined;
    if (result?.Items?.length !== 0 || result.PageNumber === 1) return replyOf(reply);
    return failWith(reply, 'ListAssets', 'InvalidParameter', `PageNumber ${result.PageNumber} is past the last page.`, 'PageNumber');
  }),
};

const groupIdSortIgnoresOrder: BrokenEmulator = {
  name: 'group-id-sort-ignores-order',
  description: 'ListAssets with SortBy GroupId always sorts ascending, whatever SortOrder asks.',
  witness: [
    { action: 'CreateAssetGroup', body: { Name: 'first' } },
    { action: 'CreateAssetGroup', body: { Name: 'second' } },
    { action: 'CreateAsset', body: { GroupId: '$0', URL: imageUrl, AssetType: 'Image' } },
    { action: 'CreateAsset', body: { GroupId: '$1', URL: imageUrl, AssetType: 'Image' } },
    { action: 'ListAssets', body: { SortBy: 'GroupId', SortOrder: 'Desc' } },
  ],
  wrap: onAction('ListAssets', (call, handle) =>
    handle(call.body.SortBy === 'GroupId' ? callWith(call, { ...call.body, SortOrder: 'Asc' }) : call.request),
  ),
};

const groupSortIgnoresUpdateTime: BrokenEmulator = {
  name: 'group-sort-ignores-update-time',
  description: 'ListAssetGroups with SortBy UpdateTime sorts by CreateTime (seen on a clock that moves between calls).',
  witness: [
    { action: 'CreateAssetGroup', body: { Name: 'first' } },
    { action: 'CreateAssetGroup', body: { Name: 'second' } },
    { action: 'UpdateAssetGroup', body: { Id: '$0', Name: 'first-renamed' } },
    { action: 'ListAssetGroups', body: { SortBy: 'UpdateTime' } },
  ],
  wrap: onAction('ListAssetGroups', (call, handle) => {
    const { SortBy: _, ...rest } = call.body;
    return handle(callWith(call, rest));
  }),
};

const firstStatusOnly: BrokenEmulator = {
  name: 'statuses-filter-first-only',
  description: 'ListAssets with several Filter.Statuses lists only the assets of the first one.',
  witness: [
    ...anAssetInAGroup,
    { action: 'ListAssets', body: { Filter: { Statuses: ['Active', 'Processing'] } } },
  ],
  wrap: onAction('ListAssets', (call, handle) => {
    const filter = filterOf(call.body);
    const several = filter.Statuses !== undefined && filter.Statuses.length > 1;
    return handle(several ? callWith(call, { ...call.body, Filter: { ...filter, Statuses: filter.Statuses?.slice(0, 1) } }) : call.request);
  }),
};

const updateAcrossTenants: BrokenEmulator = {
  name: 'update-asset-across-customers',
  description: "UpdateAsset of another customer's asset renames it and succeeds instead of answering Forbidden.",
  witness: [
    ...anAssetInAGroup,
    { action: 'UpdateAsset', as: 'secondary', body: { Id: '$1', Name: 'taken-over' } },
    { action: 'GetAsset', body: { Id: '$1' } },
  ],
  wrap(handle, { apiKeys }) {
    return onAction('UpdateAsset', async (call, inner) => {
      const reply = await readReply(await inner(call.request));
      if (errorCodeOf(reply) !== 'Forbidden') return replyOf(reply);
      for (const owner of apiKeys.filter((key) => key !== call.key)) {
        const asOwner = await inner(callWith(call, call.body, 'UpdateAsset', owner));
        if (asOwner.status === 200) return asOwner;
      }
      return replyOf(reply);
    })(handle);
  },
};

const getIgnoresProject: BrokenEmulator = {
  name: 'get-asset-ignores-project',
  description: 'GetAsset with another ProjectName still finds an asset of the default project instead of answering NotFound.',
  witness: [
    ...anAssetInAGroup,
    { action: 'GetAsset', body: { Id: '$1', ProjectName: 'other-project' } },
  ],
  wrap: onAction('GetAsset', async (call, handle) => {
    const reply = await readReply(await handle(call.request));
    if (errorCodeOf(reply) !== 'NotFound' || call.body.ProjectName === undefined) return replyOf(reply);
    const { ProjectName: _, ...inDefault } = call.body;
    return handle(callWith(call, inDefault));
  }),
};

const deletedAssetForbidden: BrokenEmulator = {
  name: 'update-deleted-asset-forbidden',
  description: 'UpdateAsset of an asset that was deleted answers Forbidden (HTTP 403) instead of NotFound.',
  witness: [
    ...anAssetInAGroup,
    { action: 'DeleteAsset', body: { Id: '$1' } },
    { action: 'UpdateAsset', body: { Id: '$1', Name: 'too-late' } },
  ],
  wrap(handle) {
    const deleted = new Set<string>();
    return calls(async (call) => {
      const reply = await readReply(await handle(call.request));
      const id = String(call.body.Id);
      if (call.action === 'DeleteAsset' && reply.envelope.Result) deleted.add(id);
      if (call.action !== 'UpdateAsset' || errorCodeOf(reply) !== 'NotFound' || !deleted.has(id)) return replyOf(reply);
      return failWith(reply, 'UpdateAsset', 'Forbidden', 'The API key cannot access this asset.');
    })(handle);
  },
};

const getLagsDescription: BrokenEmulator = {
  name: 'get-group-lags-description',
  description: 'GetAssetGroup answers from a cache that an UpdateAssetGroup of the Description alone leaves stale for one more Get.',
  witness: [
    { action: 'CreateAssetGroup', body: { Name: 'avatar', Description: 'before' } },
    { action: 'GetAssetGroup', body: { Id: '$0' } },
    { action: 'UpdateAssetGroup', body: { Id: '$0', Description: 'after' } },
    { action: 'GetAssetGroup', body: { Id: '$0' } },
  ],
  wrap(handle) {
    const cached = new Map<string, Body>();
    const stale = new Set<string>();
    return calls(async (call) => {
      const id = String(call.body.Id);
      const reply = await readReply(await handle(call.request));
      if (call.action === 'UpdateAssetGroup' && reply.envelope.Result) {
        if (call.body.Name === undefined && cached.has(id)) stale.add(id);
        else cached.delete(id);
      }
      if (call.action === 'DeleteAssetGroup') cached.delete(id);
      if (call.action !== 'GetAssetGroup' || !reply.envelope.Result) return replyOf(reply);
      const served = stale.has(id) ? cached.get(id) : undefined;
      stale.delete(id);
      cached.set(id, reply.envelope.Result);
      return served ? succeedWith(reply, 'GetAssetGroup', served) : replyOf(reply);
    })(handle);
  },
};

const countsDeletedAssets: BrokenEmulator = {
  name: 'total-count-counts-deleted-assets',
  description: "ListAssets' TotalCount still counts the assets DeleteAsset deleted, as long as their group lives (a count off by one per delete).",
  witness: [
    ...anAssetInAGroup,
    { action: 'DeleteAsset', body: { Id: '$1' } },
    { action: 'ListAssets', body: {} },
  ],
  wrap(handle) {
    const deleted: { key: string | undefined; groupId: string; projectName: string }[] = [];
    return calls(async (call) => {
      const before = call.action === 'DeleteAsset' ? await readReply(await handle(callWith(call, call.body, 'GetAsset'))) : undefined;
      const reply = await readReply(await handle(call.request));
      const asset = before?.envelope.Result as { GroupId: string; ProjectName: string } | undefined;
      if (asset && reply.envelope.Result) deleted.push({ key: call.key, groupId: asset.GroupId, projectName: asset.ProjectName });
      if (call.action === 'DeleteAssetGroup' && reply.envelope.Result) {
        for (let i = deleted.length - 1; i >= 0; i--) if (deleted[i]?.groupId === call.body.Id) deleted.splice(i, 1);
      }
      const result = reply.envelope.Result as { TotalCount?: number } | undefined;
      if (call.action !== 'ListAssets' || result?.TotalCount === undefined) return replyOf(reply);
      const { GroupIds: groupIds, Name: name, Statuses: statuses } = filterOf(call.body);
      if (name === undefined && statuses === undefined) {
        result.TotalCount += deleted.filter((one) => one.key === call.key && one.projectName === projectOf(call.body) && (groupIds === undefined || groupIds.includes(one.groupId))).length;
      }
      return replyOf(reply);
    })(handle);
  },
};

const groupIdsReused: BrokenEmulator = {
  name: 'group-ids-reused',
  description: "CreateAssetGroup hands out again the Id of a group the same customer deleted, so calls with the deleted group's Id reach the new group.",
  witness: [
    { action: 'CreateAssetGroup', body: { Name: 'first' } },
    { action: 'DeleteAssetGroup', body: { Id: '$0' } },
    { action: 'CreateAssetGroup', body: { Name: 'second' } },
    { action: 'GetAssetGroup', body: { Id: '$0' } },
  ],
  wrap(handle) {
    const freedBy = new Map<string, string[]>();
    const innerOf = new Map<string, string>();
    const renamed = (text: string, names: Map<string, string>) => [...names].reduce((sent, [from, to]) => sent.replaceAll(from, to), text);
    return calls(async (call) => {
      const key = call.key ?? '';
      const reply = await readReply(await handle(callWith(call, JSON.parse(renamed(JSON.stringify(call.body), innerOf)) as Body)));
      if (call.action === 'DeleteAssetGroup' && reply.envelope.Result && typeof call.body.Id === 'string') {
        innerOf.delete(call.body.Id);
        freedBy.set(key, [...(freedBy.get(key) ?? []), call.body.Id]);
      }
      const made = madeId(reply);
      if (call.action === 'CreateAssetGroup' && made !== undefined) {
        const reused = freedBy.get(key)?.shift();
        if (reused !== undefined) innerOf.set(reused, made);
      }
      const publicOf = new Map([...innerOf].map(([outer, inner]) => [inner, outer]));
      return replyOf({ ...reply, envelope: JSON.parse(renamed(JSON.stringify(reply.envelope), publicOf)) as ReadReply['envelope'] });
    })(handle);
  },
};

const pagesSkipAnItem: BrokenEmulator = {
  name: 'pages-skip-an-item',
  description: 'ListAssetGroups pages after the first start one item late when PageSize is over 1, so an item falls between pages.',
  witness: [
    { action: 'CreateAssetGroup', body: { Name: 'first' } },
    { action: 'CreateAssetGroup', body: { Name: 'second' } },
    { action: 'CreateAssetGroup', body: { Name: 'third' } },
    { action: 'ListAssetGroups', body: { PageNumber: 2, PageSize: 2 } },
  ],
  wrap: onAction('ListAssetGroups', (call, handle) => {
    const pageSize = Number(call.body.PageSize ?? requestProperty('ListAssetGroups', 'PageSize').default);
    const late = Number(call.body.PageNumber ?? 1) > 1 && pageSize > 1;
    return late ? relisted(handle, call, 'ListAssetGroups', (items) => items.slice(1), (items) => items.length + 1) : handle(call.request);
  }),
};

const otherProjectTokenPending: BrokenEmulator = {
  name: 'other-project-token-pending',
  description: 'GetVisualValidateResult of a token issued for another project answers ValidatePending instead of InvalidToken.',
  witness: [
    { action: 'CreateVisualValidateSession', body: { CallbackURL: 'https://www.example.com/portrait/callback', ProjectName: 'other-project' } },
    { action: 'GetVisualValidateResult', body: { BytedToken: '$0' } },
  ],
  wrap(handle) {
    const projectOfToken = new Map<string, { key: string | undefined; projectName: string }>();
    return calls(async (call) => {
      const reply = await readReply(await handle(call.request));
      const token = madeId(reply);
      if (call.action === 'CreateVisualValidateSession' && token !== undefined) projectOfToken.set(token, { key: call.key, projectName: projectOf(call.body) });
      const issued = projectOfToken.get(String(call.body.BytedToken));
      const elsewhere = issued !== undefined && issued.key === call.key && issued.projectName !== projectOf(call.body);
      if (call.action !== 'GetVisualValidateResult' || errorCodeOf(reply) !== 'InvalidToken' || !elsewhere) return replyOf(reply);
      return failWith(reply, 'GetVisualValidateResult', 'ValidatePending', 'The liveness check has not been completed yet; call again shortly.');
    })(handle);
  },
};

/** Every broken emulator: the six of issue 23's examples first. */
export const brokenEmulators: readonly BrokenEmulator[] = [
  exactName,
  groupDeleteLeavesAssets,
  updateTouchesAnother,
  quotaFreedLate,
  totalCountOtherProjects,
  errorPastTheLastPage,
  groupIdSortIgnoresOrder,
  groupSortIgnoresUpdateTime,
  firstStatusOnly,
  updateAcrossTenants,
  getIgnoresProject,
  deletedAssetForbidden,
  getLagsDescription,
  countsDeletedAssets,
  groupIdsReused,
  pagesSkipAnItem,
  otherProjectTokenPending,
];

function breakContext(options: EmulatorOptions): BreakContext {
  const { clock = Date.now, tenants = brokenEmulatorOptions.tenants } = options;
  return { now: clock, apiKeys: tenants.flatMap((tenant) => tenant.apiKeys) };
}

/** `broken` in-process: `handle` is a Fetch handler, for a client's or the contract's `fetch`. */
export function createBrokenEmulator(broken: BrokenEmulator, options: EmulatorOptions = {}): { handle: FetchHandler; emulator: Emulator } {
  const settings = { ...brokenEmulatorOptions, ...options };
  const emulator = createEmulator(settings);
  return { handle: broken.wrap((request) => emulator.handle(request), breakContext(settings)), emulator };
}

/** `broken` on a port (`port: 0` picks a free one), through startEmulator's `handler`. */
export function startBrokenEmulator(broken: BrokenEmulator, options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  const settings = { ...brokenEmulatorOptions, ...options };
  return startEmulator({
    ...settings,
    handler: (emulator) => {
      const handle = broken.wrap((request) => emulator.handle(request), breakContext(settings));
      const answer: Handler = async (request) => {
        const read = await request.readBody(protocol.maxBodyBytes);
        // What cannot be read whole is the emulator's to refuse, as it would unbroken.
        if (read.outcome !== 'read') return emulator.answer({ ...request, header: (name) => request.header(name), headers: () => request.headers(), readBody: async () => read });
        const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
        const response = await handle(new Request(request.url, { method: request.method, headers: request.headers(), ...(hasBody ? { body: read.text } : {}) }));
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => (headers[name] = value));
        return { status: response.status, headers, body: await response.text() };
      };
      return answer;
    },
  });
}
