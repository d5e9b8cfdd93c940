// What the target's reply must share with the model's: the HTTP status, `Error.Code`, and the
// state the calls imply: Names, counts, the order of list items (by the ref that made each),
// statuses once both sides settled, and whether a timestamp stayed or changed between two
// observations of one resource. Not compared: ids (mapped), time values, RequestIds, signed URLs.
// A difference names the fact it rests on, so that it is graded as the scripted checks grade.
import { facts, requestProperty, type FactName, type PaginatedAction } from '../../protocol/index.js';
import { excerpt } from '../../protocol/printable.js';
import type { Judged } from '../context.js';
import type { IdMap } from './id-map.js';
import type { CallStep, Made } from './steps.js';

export interface SideReply {
  status: number;
  /** `Error.Code`, whole (`InvalidParameter.Name`). */
  code: string | undefined;
  result: Record<string, unknown> | undefined;
}

/** Where the target parts from the model, and the fact that says the model is right. */
export interface Parting {
  judged: Judged;
  message: string;
}

/** Choices the document leaves open and the model makes: a difference from one is graded as an assumption. */
const modelChoice = (says: string): Judged => ({ fact: 'the model (the emulator)', source: 'assumed', says });

export interface ComparisonView {
  target: IdMap;
  model: IdMap;
  /** Every asset made has been settled on both sides since (a settle step came after the last create). */
  settled: boolean;
  /** The step's token has outlived its lifetime on the model's clock, which settles move on: the target's, younger in real time, may not have. */
  tokenAged: boolean;
  times: TimeMemory;
  /** A DeleteAssetGroup of the sequence succeeded on the model: a slot of the group quota was freed. */
  groupDeleted: boolean;
}

const isSettled = (status: unknown) => status === 'Active' || status === 'Failed';
/** A value a reply holds, as a message shows it: cut short. */
export const show = (value: unknown) => excerpt(JSON.stringify(value) ?? 'nothing', 100);

/** The first way `target` parts from `model` after `step`, if any. */
export function compareReplies(step: CallStep, target: SideReply, model: SideReply, view: ComparisonView): Parting | undefined {
  if (target.status !== model.status || target.code !== model.code) {
    // The model's clock jumped at settles: its token may have outlived its lifetime (and grace),
    // where the target's, younger in real time, has not. Only then does its end excuse a difference.
    const ended = ['TokenExpired', 'InvalidToken'].includes(model.code?.split('.')[0] ?? '');
    if (step.action === 'GetVisualValidateResult' && ended && view.tokenAged) return undefined;
    // The code is the server's text: cut, and made printable (a line feed in it forged a line).
    const answer = (reply: SideReply) => `HTTP ${reply.status}${reply.code ? ` ${excerpt(reply.code, 100)}` : ' with a Result'}`;
    return { judged: outcomeFact(step, target, model, view), message: `${step.action} answered ${answer(target)}; the model answered ${answer(model)}` };
  }
  if (!target.result || !model.result) return undefined;
  switch (step.action) {
    case 'GetAssetGroup':
      return compareItem('group', target.result, model.result, view);
    case 'GetAsset':
      return compareItem('asset', target.result, model.result, view);
    case 'ListAssetGroups':
      return compareList('group', step, target.result, model.result, view);
    case 'ListAssets':
      return compareList('asset', step, target.result, model.result, view);
    case 'CreateVisualValidateSession':
      return target.result.CallbackURL === model.result.CallbackURL ? undefined : { judged: 'behaviours.livenessSession', message: `CallbackURL came back as ${show(target.result.CallbackURL)}, not as sent` };
    default:
      return undefined;
  }
}

/** The fact a different status or error code breaks, from what the step asked and what the model said. */
function outcomeFact(step: CallStep, target: SideReply, model: SideReply, view: ComparisonView): Judged {
  const base = (code: string | undefined) => code?.split('.')[0];
  const refs = JSON.stringify(step.body);
  if (step.action === 'CreateAsset' && refs.includes('"broken"') && base(target.code) === 'InvalidParameter') return 'behaviours.nonMediaUrl';
  if (model.result && Array.isArray(model.result.Items) && model.result.Items.length === 0 && Number(step.body.PageNumber ?? 1) > 1) return 'behaviours.pastTheLastPage';
  if (target.code && base(target.code) === base(model.code)) {
    if (target.code !== model.code) return 'behaviours.fieldInErrorCode';
    const statusFact = `errors.${base(target.code)}.status`;
    if (statusFact in facts) return statusFact as FactName;
  }
  if (refs.includes(`"by":"${step.as === 'A' ? 'B' : 'A'}"`)) return 'behaviours.tenancy';
  if (step.action === 'GetVisualValidateResult') return 'behaviours.livenessSession';
  if (base(model.code) === 'QuotaExceeded' || base(target.code) === 'QuotaExceeded') {
    if (step.action === 'CreateAsset') return 'protocol.assetQuota';
    // Refused after a delete freed a slot on the model: the slot came back late. Otherwise the quota itself.
    return base(target.code) === 'QuotaExceeded' && view.groupDeleted ? 'behaviours.quotaFreedAtOnce' : 'protocol.activeGroupQuota';
  }
  return 'behaviours.actions';
}

/** The fields of one item both sides hold: what the calls fixed, ids mapped, times and URLs left out. */
function compareItem(made: Made, target: Record<string, unknown>, model: Record<string, unknown>, view: ComparisonView): Parting | undefined {
  const name = view.target.nameOf(made, target.Id);
  const fields = made === 'group' ? ['Name', 'Description', 'GroupType', 'ProjectName'] : ['Name', 'AssetType'];
  for (const field of fields) {
    if (target[field] !== model[field]) return { judged: 'behaviours.updates', message: `${name}: ${field} is ${show(target[field])}; the model has ${show(model[field])}` };
  }
  if (made === 'asset') {
    const group = [view.target.nameOf('group', target.GroupId), view.model.nameOf('group', model.GroupId)];
    if (group[0] !== group[1]) return { judged: 'behaviours.actions', message: `${name}: GroupId is ${group[0]}; the model has ${group[1]}` };
    const bothSettled = isSettled(target.Status) && isSettled(model.Status);
    if (bothSettled && target.Status !== model.Status) return { judged: 'behaviours.asyncProcessing', message: `${name}: Status is ${show(target.Status)}; the model has ${show(model.Status)}` };
    if (!bothSettled) {
      view.times.forget(name);
      return undefined;
    }
  }
  return view.times.observe(made, name, target, model);
}

function compareList(made: Made, step: CallStep, target: Record<string, unknown>, model: Record<string, unknown>, view: ComparisonView): Parting | undefined {
  const filter = (step.body.Filter ?? {}) as Record<string, unknown>;
  const countFact: FactName = filter.Name !== undefined ? 'behaviours.fuzzyName' : 'behaviours.listFilters';
  for (const field of ['PageNumber', 'PageSize'] as const) {
    if (target[field] !== model[field]) return { judged: 'behaviours.pagination', message: `${step.action}: ${field} is ${show(target[field])}; the model has ${show(model[field])}` };
  }
  const targetItems = (Array.isArray(target.Items) ? target.Items : []) as Record<string, unknown>[];
  const modelItems = (Array.isArray(model.Items) ? model.Items : []) as Record<string, unknown>[];
  // The target's own ids and times are its to choose, but its page must be in the order they give.
  const sortBy = String(step.body.SortBy ?? requestProperty(step.action as PaginatedAction, 'SortBy').default);
  const sortOrder = String(step.body.SortOrder ?? requestProperty(step.action as PaginatedAction, 'SortOrder').default);
  const keys = targetItems.map((item) => String(item[sortBy]));
  const misplaced = keys.findIndex((key, index) => index > 0 && (sortOrder === 'Asc' ? key < (keys[index - 1] as string) : key > (keys[index - 1] as string)));
  if (misplaced > 0) {
    return { judged: 'behaviours.pagination', message: `${step.action}: item ${misplaced + 1} has ${sortBy} ${show(keys[misplaced])}, out of ${sortOrder} order after ${show(keys[misplaced - 1])}` };
  }
  // Statuses move while assets process: a list filtered by them is compared once both sides settled.
  const movesWhileProcessing = made === 'asset' && !view.settled;
  if (!(movesWhileProcessing && filter.Statuses !== undefined)) {
    if (target.TotalCount !== model.TotalCount) return { judged: countFact, message: `${step.action}: TotalCount is ${show(target.TotalCount)}; the model counts ${show(model.TotalCount)}` };
    if (targetItems.length !== modelItems.length) return { judged: countFact, message: `${step.action}: ${targetItems.length} Items; the model has ${modelItems.length}` };
    const whole = Number(model.PageNumber) === 1 && Number(model.TotalCount) <= Number(model.PageSize);
    const targetNames = targetItems.map((item) => view.target.nameOf(made, item.Id));
    const modelNames = modelItems.map((item) => view.model.nameOf(made, item.Id));
    // Items the target sorts alike (the same time to the second) may come in any order among
    // themselves. An asset's UpdateTime is also the moment its processing ended, which each side
    // chooses: assets by UpdateTime are in the target's own order (checked above), not the model's.
    const ordered = whole && sortBy !== 'GroupId' && !(made === 'asset' && sortBy === 'UpdateTime');
    const blocks = ordered ? tieBlocks(targetItems.map((item) => item[sortBy])) : [targetItems.length];
    if (whole && !sameBlocks(targetNames, modelNames, blocks)) {
      return { judged: ordered ? 'behaviours.pagination' : countFact, message: `${step.action}: the Items are ${targetNames.join(', ') || 'none'}; the model lists ${modelNames.join(', ') || 'none'}` };
    }
  }
  const modelByName = new Map(modelItems.map((item) => [view.model.nameOf(made, item.Id), item]));
  for (const item of targetItems) {
    const twin = modelByName.get(view.target.nameOf(made, item.Id));
    const parting = twin && compareItem(made, item, twin, view);
    if (parting) return parting;
  }
  return undefined;
}

/** The lengths of the runs of equal keys. */
function tieBlocks(keys: unknown[]): number[] {
  const blocks: number[] = [];
  keys.forEach((key, index) => {
    if (index > 0 && key === keys[index - 1]) blocks.push((blocks.pop() ?? 0) + 1);
    else blocks.push(1);
  });
  return blocks;
}

function sameBlocks(target: string[], model: string[], blocks: number[]): boolean {
  let start = 0;
  for (const length of blocks) {
    const sorted = (names: string[]) => names.slice(start, start + length).sort().join('\n');
    if (sorted(target) !== sorted(model)) return false;
    start += length;
  }
  return true;
}

/**
 * Whether each resource's CreateTime and UpdateTime stayed or changed between two observations,
 * per side. The target's times may be whole seconds, so a change the model made within one
 * second of the target's is no difference; a change the target made and the model did not is.
 */
export class TimeMemory {
  readonly #seen = new Map<string, { target: Record<string, unknown>; model: Record<string, unknown> }>();

  forget(name: string): void {
    this.#seen.delete(name);
  }

  observe(made: Made, name: string, target: Record<string, unknown>, model: Record<string, unknown>): Parting | undefined {
    const before = this.#seen.get(name);
    this.#seen.set(name, { target, model });
    if (!before) return undefined;
    for (const field of ['CreateTime', 'UpdateTime']) {
      if (before.target[field] !== target[field] && before.model[field] === model[field]) {
        // An asset's times are the document's (UpdateAsset changes its own, nothing else); whether a group's follow its assets is the model's choice.
        const judged = made === 'asset' ? 'behaviours.updates' : modelChoice(`A group's ${field} changes only when the group itself does.`);
        return { judged, message: `${name}: ${field} changed between two reads, from ${show(before.target[field])} to ${show(target[field])}; the model's stayed` };
      }
    }
    return undefined;
  }
}
