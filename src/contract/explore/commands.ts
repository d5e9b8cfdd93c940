// The command set: what a step may be, drawn from what the document says leads where. What a
// create's success leads to is the document's: its `links` (each field an expression takes from
// the reply, `{$response.body#/Result/Id}`, taken from that side's reply) and its
// `x-portrait-flows`, each a chain of links, played as one command. Refs to what earlier creates
// gave (the n-th group A made that exists still, B's asset, one deleted) stand beside deliberately
// wrong ids (unknown, another customer's, another project's), sort orders, page sizes and name
// filters that match a part of a name. Each command plays its steps on both sides through the
// sequence's pair; fast-check generates, runs and shrinks the sequences.
//
// Rare interactions get room four ways. Swarm testing: each sequence draws from a random subset
// of the Actions (those whose success the document links onward always among them), so a few
// kinds of step meet often. A step on something the sequence made runs only once the model holds
// one that exists (fast-check skips it otherwise), so steps land on resources that exist, and a
// create past the model's quota only now and then. A write usually comes with a follow-up that
// shows what it did (a link of the document, or a re-read it does not name), which shrinking
// drops when the difference shows without it. And a settle reads back every asset on both sides.
import fc from 'fast-check';
import { actionNames, portraitDocument, postOperations, successLinks, type Action } from '../../protocol/index.js';
import { isLinkExpression } from '../../protocol/links.js';
import { deref, requestSchema } from '../request-bodies.js';
import type { IdMap } from './id-map.js';
import type { SequencePair } from './sequence-pair.js';
import { createdKind, describeStep, refsOf, type CallStep, type Customer, type Made, type Placeholder, type Step } from './steps.js';

/** What a step is, for swarm testing: its Action, or a settle. */
export type StepKind = Action | 'settle';

/** What fast-check keeps of a sequence beside the pair: the kinds of step it draws, what the model made so far, and the model's quotas. */
export interface SequenceModel {
  enabled: ReadonlySet<StepKind>;
  made: IdMap;
  quotas: Record<Customer, { groupQuota: number; assetQuota: number }>;
}

const operations = postOperations(portraitDocument).map(({ operation }) => operation);
/** What the success of each Action leads to, by the document's links. */
const linksOf = (action: Action) => Object.values(successLinks(portraitDocument, operations.find((operation) => operation.operationId === action) ?? operations[0]!));

/** The Actions whose success the document links to further calls: every sequence may make what others refer to. */
const leadingActions = new Set(actionNames.filter((action) => linksOf(action).length > 0));
const swarmKinds: StepKind[] = [...actionNames.filter((action) => !leadingActions.has(action)), 'settle'];

/** The kinds of step one sequence draws from: the leading Actions and a random subset of the rest. */
export const swarm: fc.Arbitrary<ReadonlySet<StepKind>> = fc.subarray(swarmKinds).map((kinds) => new Set<StepKind>([...(leadingActions as Set<StepKind>), ...kinds]));

const kindOf = (step: Step): StepKind => (step.kind === 'settle' ? 'settle' : step.action);
/** Every id `step` refers to is there to name: one that exists (or was deleted, as the ref asks); an unknown id always is. */
const refersToWhatExists = (step: Step, made: IdMap) => refsOf(step).every((ref) => 'unknown' in ref || made.count(ref.made, ref.by, ref.deleted === true) > 0);
/** A List before its customer made anything of its kind in the sequence: it shows nothing a later List would not. */
function listsNothing(step: Step, made: IdMap): boolean {
  if (step.kind !== 'call' || (step.action !== 'ListAssets' && step.action !== 'ListAssetGroups')) return false;
  const kind = step.action === 'ListAssets' ? 'asset' : 'group';
  return made.count(kind, step.as) + made.count(kind, step.as, true) === 0;
}
/** A create the model's customer has no room for: it proves the quota, which one in a few is enough for. */
function pastQuota(step: Step, model: Readonly<SequenceModel>): boolean {
  if (step.kind !== 'call') return false;
  if (step.action === 'CreateAsset') return model.made.count('asset', step.as) >= model.quotas[step.as].assetQuota;
  return step.action === 'CreateAssetGroup' && model.made.count('group', step.as) >= model.quotas[step.as].groupQuota;
}

class StepCommand implements fc.AsyncCommand<SequenceModel, SequencePair> {
  constructor(
    readonly step: Step,
    readonly followUps: readonly Step[] = [],
    /** Sent even when the model's customer has no room for what it creates. */
    readonly pastQuota = false,
    /** The kind of step it was drawn as, which swarm testing goes by: kept when shrinking drops that step. */
    readonly kind: StepKind = kindOf(step),
  ) {}

  check(model: Readonly<SequenceModel>): boolean {
    return model.enabled.has(this.kind) && refersToWhatExists(this.step, model.made) && !listsNothing(this.step, model.made) && (this.pastQuota || !pastQuota(this.step, model));
  }

  async run(model: SequenceModel, pair: SequencePair): Promise<void> {
    await pair.play(this.step);
    for (const followUp of this.followUps) if (refersToWhatExists(followUp, model.made) && !listsNothing(followUp, model.made)) await pair.play(followUp);
  }

  toString(): string {
    return [this.step, ...this.followUps].map(describeStep).join(' then ');
  }
}

/** A project none of the sequence's resources is in: each is found only under its own. */
export const otherProject = 'explore-other';

const words = fc.constantFrom('amber', 'birch', 'cedar', 'dune');
const name = words.map((word): Placeholder => ({ $name: word }));
const description = fc.constantFrom('', 'first', 'second');
const media = fc.constantFrom<Placeholder>({ $media: 'good' }, { $media: 'good' }, { $media: 'broken' });

/** One of what `customer` made of a kind that exists still, now and then one deleted, or one no one made. */
function ref(made: Made, customer: fc.Arbitrary<Customer>): fc.Arbitrary<Placeholder> {
  return fc.oneof(
    { weight: 16, arbitrary: fc.record({ made: fc.constant(made), index: fc.nat(3), by: customer }).map((drawn): Placeholder => ({ $ref: drawn })) },
    { weight: 1, arbitrary: fc.record({ made: fc.constant(made), index: fc.nat(1), by: customer }).map((drawn): Placeholder => ({ $ref: { ...drawn, deleted: true } })) },
    { weight: 1, arbitrary: fc.constant<Placeholder>({ $ref: { unknown: made } }) },
  );
}

/** What a delete of `placeholder` deleted: the latest deleted of its kind and customer. */
function deletedBy(placeholder: Placeholder): Placeholder {
  if (!('$ref' in placeholder) || 'unknown' in placeholder.$ref) return placeholder;
  return { $ref: { ...placeholder.$ref, index: 0, deleted: true } };
}

/** A name filter that matches a part of the sequence's names (all of them, or those of one word), or one whole name. */
const nameFilter = fc.oneof({ weight: 4, arbitrary: fc.constant<Placeholder>({ $part: '' }) }, { weight: 1, arbitrary: words.map((word): Placeholder => ({ $part: word })) }, { weight: 1, arbitrary: name });

/** A field left out as often as not; shrinking leaves it out. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), arbitrary);
/** A field left out six times in seven: another project, a page further on. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
/** `arbitrary` in `quarters` of four draws, left out otherwise; shrinking leaves it out. */
function sometimes<T>(quarters: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  if (quarters >= 4) return arbitrary;
  return fc.oneof({ withCrossShrink: true }, { weight: 4 - quarters, arbitrary: fc.constant(undefined) }, { weight: quarters, arbitrary });
}
/** A body of the fields drawn, those left out (undefined) dropped. */
function body(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(fields).map((drawn) => Object.fromEntries(Object.entries(drawn).filter(([, value]) => value !== undefined)));
}

/** The values the document allows at `path` in `action`'s request (`[]` steps into an array's items). */
function allowed(action: Action, ...path: string[]): string[] {
  const schema = path.reduce((at, key) => deref(key === '[]' ? at.items : at.properties?.[key]), requestSchema(action));
  return (schema.enum ?? []).map(String);
}

const otherProjectRarely = { ProjectName: rarely(fc.constant(otherProject)) };
/** The project of what `id` names. */
const inItsProject = (id: Placeholder) => ({ ProjectName: fc.constant<Placeholder | undefined>('$ref' in id && !('unknown' in id.$ref) ? { $projectOf: id.$ref } : undefined) });
/** A call on what `id` names is sent in its project, one time in seven in another: steps land where the resource is. */
function projectOf(id: Placeholder): { ProjectName: fc.Arbitrary<Placeholder | string | undefined> } {
  if (!('$ref' in id) || 'unknown' in id.$ref) return otherProjectRarely;
  const ref = id.$ref;
  return { ProjectName: fc.oneof({ weight: 6, arbitrary: fc.constant<Placeholder>({ $projectOf: ref }) }, { weight: 1, arbitrary: fc.constant<Placeholder>({ $projectOf: ref, other: otherProject }) }) };
}
const paging = {
  PageNumber: rarely(fc.integer({ min: 2, max: 3 })),
  PageSize: maybe(fc.integer({ min: 1, max: 4 })),
  SortOrder: maybe(fc.constantFrom(...allowed('ListAssets', 'SortOrder'))),
  ...otherProjectRarely,
};

/**
 * The call `action`'s success leads to by `link`, as customer `as` in `project`: each field the
 * link takes from the reply is taken from that side's reply. Hand-written, as the link does not
 * say them: the project (the link's call is in the project of the call it follows), and names
 * and media URLs, which are the sequence's own so that its Lists and clean-up find what they make.
 */
function linked(from: Action, link: { operationId: string; requestBody?: Record<string, unknown> | undefined }, as: Customer, project: unknown): fc.Arbitrary<CallStep> {
  const fields = Object.fromEntries(
    Object.entries(link.requestBody ?? {}).map(([field, value]): [string, fc.Arbitrary<unknown>] => {
      if (isLinkExpression(value)) return [field, fromReply(from, value, as)];
      if (field === 'Name') return [field, name];
      if (field === 'URL') return [field, media];
      return [field, fc.constant(value)];
    }),
  );
  return body({ ...fields, ProjectName: fc.constant(project) }).map((drawn): CallStep => ({ kind: 'call', action: link.operationId as Action, as, body: drawn }));
}

/**
 * A value a link takes from the reply it follows: now and then, and as shrinking tries, the
 * latest of what the Action makes instead (the same, once made), so that a shrunk sequence may
 * drop the create it followed and name what an earlier one made.
 */
function fromReply(from: Action, expression: string, as: Customer): fc.Arbitrary<Placeholder> {
  const reply = fc.constant<Placeholder>({ $reply: expression, from });
  const made = createdKind(from);
  if (!made) return reply;
  return fc.oneof({ withCrossShrink: true }, { weight: 1, arbitrary: fc.constant<Placeholder>({ $ref: { made, index: 0, by: as } }) }, { weight: 15, arbitrary: reply });
}

/** The steps a sequence draws from, as one weighted choice; only customer A's without a second key. */
export function stepCommands(secondCustomer: boolean): fc.Arbitrary<fc.AsyncCommand<SequenceModel, SequencePair>>[] {
  const customers: Customer[] = secondCustomer ? ['A', 'B'] : ['A'];
  // The first customer twice as often: its state grows deeper, the second's is there to be wrongly reached.
  const customer = fc.oneof({ weight: 2, arbitrary: fc.constant<Customer>('A') }, { weight: 1, arbitrary: fc.constantFrom(...customers) });
  // Built once per customer: building them for every step drawn cost more than playing it.
  const steps = new Map(customers.map((as) => [as, stepsOf(as, customers)]));
  return [customer.chain((as) => steps.get(as) as fc.Arbitrary<StepCommand>)];
}

/** The steps of customer `as`: mostly on what it made itself, now and then on the other's. */
function stepsOf(as: Customer, customers: Customer[]): fc.Arbitrary<StepCommand> {
  const owner = fc.oneof({ weight: 3, arbitrary: fc.constant(as) }, { weight: 1, arbitrary: fc.constantFrom(...customers.filter((other) => other !== as), as) });
  const group = ref('group', owner);
  const asset = ref('asset', owner);
  const groups = fc.uniqueArray(group, { minLength: 1, maxLength: 3, selector: (v) => JSON.stringify(v) });
  const step = (action: Action, built: fc.Arbitrary<Record<string, unknown>>) => built.map((drawn): CallStep => ({ kind: 'call', action, as, body: drawn }));
  const read = (action: Action, built: fc.Arbitrary<Record<string, unknown>>) => step(action, built).map((drawn) => new StepCommand(drawn));
  // A write, most often followed at once by calls that show what it did, each drawn on its own
  // (in quarters: how often it comes): after a create, a link of the document; what the document
  // does not link, written here: a re-read of what it wrote, the List it shows in (sorted by
  // UpdateTime after an update), and after a delete a call on the deleted id, or a create in the
  // room the delete freed.
  const pastQuotaNowAndThen = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
  const write = (built: fc.Arbitrary<CallStep>, followUps: (drawn: CallStep) => [quarters: number, fc.Arbitrary<CallStep>][]) =>
    fc.tuple(built, pastQuotaNowAndThen).chain(([drawn, evenPastQuota]) => {
      const then = followUps(drawn).map(([quarters, arbitrary]) => sometimes(quarters, arbitrary));
      // The write itself left out now and then, which lets shrinking keep its follow-ups alone.
      const written = fc.option(fc.constant(drawn), { nil: undefined, freq: 16 });
      return fc.tuple(written, ...then).map(([write, ...drawnThen]) => {
        const [first = drawn, ...rest] = [write, ...drawnThen].filter((one): one is CallStep => one !== undefined);
        return new StepCommand(first, rest, first === drawn && evenPastQuota, drawn.action);
      });
    });
  const links = (drawn: CallStep) => fc.oneof(...linksOf(drawn.action).map((link) => linked(drawn.action, link, as, drawn.body.ProjectName)));
  // A List is always scoped to what the sequence made (its names, or its groups): the target's
  // customer may hold other resources, the model's holds none.
  // Mostly all the sequence made, so that a List shows more than one item; narrower now and then.
  const groupScope = fc.oneof({ weight: 3, arbitrary: body({ Name: nameFilter, GroupType: maybe(fc.constant('AIGC')) }) }, { weight: 1, arbitrary: body({ GroupIds: groups, Name: rarely(nameFilter) }) });
  const statuses = fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.subarray(allowed('ListAssets', 'Filter', 'Statuses', '[]'), { minLength: 1 }) });
  const assetScope = fc.oneof({ weight: 3, arbitrary: body({ Name: nameFilter, Statuses: statuses }) }, { weight: 1, arbitrary: body({ GroupIds: groups, Statuses: statuses }) });
  const listGroups = step('ListAssetGroups', body({ Filter: groupScope, ...paging, SortBy: fc.constantFrom(undefined, ...allowed('ListAssetGroups', 'SortBy')) }));
  const listAssets = step('ListAssets', body({ Filter: assetScope, ...paging, SortBy: fc.constantFrom(undefined, ...allowed('ListAssets', 'SortBy')) }));
  const byUpdateTime = { SortBy: fc.constant('UpdateTime'), SortOrder: maybe(fc.constantFrom(...allowed('ListAssets', 'SortOrder'))) };
  const groupsByUpdateTime = step('ListAssetGroups', body({ Filter: groupScope, ...byUpdateTime }));
  const assetsByUpdateTime = step('ListAssets', body({ Filter: assetScope, ...byUpdateTime }));
  const createGroup = step('CreateAssetGroup', body({ Name: name, Description: maybe(description), ...otherProjectRarely }));
  const createAsset = group.chain((id) => step('CreateAsset', body({ GroupId: fc.constant(id), URL: media, AssetType: fc.constant('Image'), Name: name, ...projectOf(id) })));
  const createSession = step('CreateVisualValidateSession', body({ CallbackURL: fc.constant('https://example.com/explore/callback'), ...otherProjectRarely }));
  const creates: Partial<Record<Action, fc.Arbitrary<CallStep>>> = { CreateAssetGroup: createGroup, CreateAsset: createAsset, CreateVisualValidateSession: createSession };
  const token = ref('token', owner);
  const getGroup = (id: Placeholder) => step('GetAssetGroup', body({ Id: fc.constant(id), ...inItsProject(id) }));
  const getAsset = (id: Placeholder) => step('GetAsset', body({ Id: fc.constant(id), ...inItsProject(id) }));
  return fc.oneof(
    { weight: 3, arbitrary: write(createGroup, (drawn) => [[3, links(drawn)], [1, listGroups]]) },
    { weight: 3, arbitrary: group.chain((id) => read('GetAssetGroup', body({ Id: fc.constant(id), ...projectOf(id) }))) },
    { weight: 3, arbitrary: group.chain((id) => write(step('UpdateAssetGroup', body({ Id: fc.constant(id), Name: maybe(name), Description: maybe(description), ...projectOf(id) })), () => [[3, getGroup(id)], [2, groupsByUpdateTime]])) },
    {
      weight: 3,
      arbitrary: group.chain((id) =>
        write(step('DeleteAssetGroup', body({ Id: fc.constant(id), ...projectOf(id) })), () => [[2, getGroup(deletedBy(id))], [3, listAssets], [1, listGroups], [1, createGroup]]),
      ),
    },
    { weight: 2, arbitrary: listGroups.map((drawn) => new StepCommand(drawn)) },
    { weight: 5, arbitrary: write(createAsset, (drawn) => [[3, links(drawn)], [2, listAssets]]) },
    { weight: 3, arbitrary: asset.chain((id) => read('GetAsset', body({ Id: fc.constant(id), ...projectOf(id) }))) },
    { weight: 3, arbitrary: asset.chain((id) => write(step('UpdateAsset', body({ Id: fc.constant(id), Name: name, ...projectOf(id) })), () => [[3, getAsset(id)], [2, assetsByUpdateTime]])) },
    {
      weight: 4,
      arbitrary: asset.chain((id) =>
        write(step('DeleteAsset', body({ Id: fc.constant(id), ...projectOf(id) })), () => [
          [1, getAsset(deletedBy(id))],
          [1, step('UpdateAsset', body({ Id: fc.constant(deletedBy(id)), Name: name, ...inItsProject(deletedBy(id)) }))],
          [2, listAssets],
          [3, createAsset],
        ]),
      ),
    },
    { weight: 3, arbitrary: listAssets.map((drawn) => new StepCommand(drawn)) },
    { weight: 2, arbitrary: fc.constant(new StepCommand({ kind: 'settle' })) },
    { weight: 1, arbitrary: write(createSession, (drawn) => [[3, links(drawn)]]) },
    { weight: 2, arbitrary: token.chain((id) => read('GetVisualValidateResult', body({ BytedToken: fc.constant(id), ...projectOf(id) }))) },
    ...flows(as, creates),
  );
}

/**
 * The document's flows, each one command: its first step drawn as any other, each next one the
 * link to it from the step before, and a settle before a step the flow sends again while its
 * Result says so (an asset still Processing): the explorer's way of waiting.
 */
function flows(as: Customer, creates: Partial<Record<Action, fc.Arbitrary<CallStep>>>): { weight: number; arbitrary: fc.Arbitrary<StepCommand> }[] {
  return (portraitDocument['x-portrait-flows'] ?? []).flatMap((flow) => {
    const [first, ...rest] = flow.steps as Action[];
    const start = first === undefined ? undefined : creates[first];
    if (!start) return [];
    const arbitrary = start.chain((drawn) => {
      const next: fc.Arbitrary<Step>[] = [];
      let before: Action = drawn.action;
      for (const action of rest) {
        const link = linksOf(before).find((one) => one.operationId === action);
        if (!link) break;
        if (flow.repeatWhile?.[action]) next.push(fc.constant<Step>({ kind: 'settle' }));
        next.push(linked(before, link, as, drawn.body.ProjectName));
        before = action;
      }
      // Each step kept four times in five, so that shrinking drops those the difference needs not (a link whose reply is gone is not sent).
      const kept = (step: fc.Arbitrary<Step>) => fc.option(step, { nil: undefined, freq: 5 });
      return fc.tuple(kept(fc.constant(drawn)), ...next.map(kept)).map((drawnSteps) => {
        const [first = drawn, ...then] = drawnSteps.filter((step): step is Step => step !== undefined);
        return new StepCommand(first, then, false, drawn.action);
      });
    });
    return [{ weight: 1, arbitrary }];
  });
}
