// The command set: what a step may be, drawn from what the document says leads where. Creates
// give ids that later steps refer to (the n-th group A made, B's asset), beside deliberately
// wrong ids (unknown, another customer's, another project's), sort orders, page sizes and name
// filters that match a part of a name. Each command plays its step on both sides through the
// sequence's pair; fast-check generates, runs and shrinks the sequences.
//
// Rare interactions get room three ways. Swarm testing: each sequence draws from a random subset
// of the Actions (those whose success the document links onward always among them), so a few
// kinds of step meet often. A step on something the sequence made runs only once the model holds
// one (fast-check skips it otherwise), so steps land on resources that exist. And a write may come
// with a follow-up call that shows what it did, which shrinking drops when the difference shows
// without it.
import fc from 'fast-check';
import { actionNames, portraitDocument, postOperations, successLinks, type Action } from '../../protocol/index.js';
import { deref, requestSchema } from '../request-bodies.js';
import type { IdMap } from './id-map.js';
import type { SequencePair } from './sequence-pair.js';
import { describeStep, refsOf, type CallStep, type Customer, type Made, type Placeholder, type Step } from './steps.js';

/** What a step is, for swarm testing: its Action, or a settle. */
export type StepKind = Action | 'settle';

/** What fast-check keeps of a sequence beside the pair: the kinds of step it draws, and what the model made so far. */
export interface SequenceModel {
  enabled: ReadonlySet<StepKind>;
  made: IdMap;
}

/** The Actions whose success the document links to further calls: every sequence may make what others refer to. */
const leadingActions = new Set(postOperations(portraitDocument).flatMap(({ operation }) => (Object.keys(successLinks(portraitDocument, operation)).length > 0 ? [operation.operationId] : [])));
const swarmKinds: StepKind[] = [...actionNames.filter((action) => !leadingActions.has(action)), 'settle'];

/** The kinds of step one sequence draws from: the leading Actions and a random subset of the rest. */
export const swarm: fc.Arbitrary<ReadonlySet<StepKind>> = fc.subarray(swarmKinds).map((kinds) => new Set<StepKind>([...(leadingActions as Set<StepKind>), ...kinds]));

const kindOf = (step: Step): StepKind => (step.kind === 'settle' ? 'settle' : step.action);
/** Every id `step` refers to was made (an unknown id is always there to send). */
const refersToWhatExists = (step: Step, made: IdMap) => refsOf(step).every((ref) => 'unknown' in ref || made.count(ref.made, ref.by) > 0);

class StepCommand implements fc.AsyncCommand<SequenceModel, SequencePair> {
  constructor(
    readonly step: Step,
    readonly followUp?: CallStep,
  ) {}

  check(model: Readonly<SequenceModel>): boolean {
    return model.enabled.has(kindOf(this.step)) && refersToWhatExists(this.step, model.made);
  }

  async run(model: SequenceModel, pair: SequencePair): Promise<void> {
    await pair.play(this.step);
    if (this.followUp && refersToWhatExists(this.followUp, model.made)) await pair.play(this.followUp);
  }

  toString(): string {
    return this.followUp ? `${describeStep(this.step)} then ${describeStep(this.followUp)}` : describeStep(this.step);
  }
}

/** A project none of the sequence's resources is in: each is found only under its own. */
export const otherProject = 'explore-other';

const words = fc.constantFrom('amber', 'birch', 'cedar', 'dune');
const name = words.map((word): Placeholder => ({ $name: word }));
const description = fc.constantFrom('', 'first', 'second');

function ref(made: Made, customer: fc.Arbitrary<Customer>): fc.Arbitrary<Placeholder> {
  return fc.oneof(
    { weight: 9, arbitrary: fc.record({ made: fc.constant(made), index: fc.oneof(fc.constant(0), fc.constant(1), fc.nat(3)), by: customer }).map((made): Placeholder => ({ $ref: made })) },
    { weight: 1, arbitrary: fc.constant<Placeholder>({ $ref: { unknown: made } }) },
  );
}

/** A name filter that matches a part of the sequence's names (all of them, or those of one word), or one whole name. */
const nameFilter = fc.oneof({ weight: 2, arbitrary: fc.constant<Placeholder>({ $part: '' }) }, { weight: 1, arbitrary: words.map((word): Placeholder => ({ $part: word })) }, { weight: 1, arbitrary: name });

/** A field left out as often as not; shrinking leaves it out. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), arbitrary);
/** A field left out four times in five: another project, a page further on. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
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
const paging = {
  PageNumber: rarely(fc.integer({ min: 2, max: 3 })),
  PageSize: maybe(fc.integer({ min: 1, max: 4 })),
  SortOrder: maybe(fc.constantFrom(...allowed('ListAssets', 'SortOrder'))),
  ...otherProjectRarely,
};

/** The steps a sequence draws from, as one weighted choice; only customer A's without a second key. */
export function stepCommands(secondCustomer: boolean): fc.Arbitrary<fc.AsyncCommand<SequenceModel, SequencePair>>[] {
  const customers: Customer[] = secondCustomer ? ['A', 'B'] : ['A'];
  return [fc.constantFrom(...customers).chain((as) => stepsOf(as, customers))];
}

/** The steps of customer `as`: mostly on what it made itself, now and then on the other's. */
function stepsOf(as: Customer, customers: Customer[]): fc.Arbitrary<StepCommand> {
  const owner = fc.oneof({ weight: 4, arbitrary: fc.constant(as) }, { weight: 1, arbitrary: fc.constantFrom(...customers) });
  const group = ref('group', owner);
  const asset = ref('asset', owner);
  const groups = fc.uniqueArray(group, { minLength: 1, maxLength: 3, selector: (v) => JSON.stringify(v) });
  const step = (action: Action, built: fc.Arbitrary<Record<string, unknown>>) => built.map((drawn): CallStep => ({ kind: 'call', action, as, body: drawn }));
  const read = (action: Action, built: fc.Arbitrary<Record<string, unknown>>) => step(action, built).map((drawn) => new StepCommand(drawn));
  // A write, now and then followed at once by a call that shows what it did: a Get of what it
  // wrote, the List it shows in (sorted by UpdateTime after an update), and after a delete any
  // call on the deleted id, or a create in the room the delete freed.
  const write = (action: Action, built: fc.Arbitrary<Record<string, unknown>>, followUps: fc.Arbitrary<CallStep>[]) =>
    fc.tuple(step(action, built), followUps.length > 0 ? fc.option(fc.oneof(...followUps), { nil: undefined, freq: 2 }) : fc.constant(undefined)).map(([drawn, followUp]) => new StepCommand(drawn, followUp));
  // A List is always scoped to what the sequence made (its names, or its groups): the target's
  // customer may hold other resources, the model's holds none.
  const groupScope = fc.oneof({ weight: 3, arbitrary: body({ Name: nameFilter, GroupType: maybe(fc.constant('AIGC')) }) }, { weight: 1, arbitrary: body({ GroupIds: groups, Name: rarely(nameFilter) }) });
  const statuses = maybe(fc.subarray(allowed('ListAssets', 'Filter', 'Statuses', '[]'), { minLength: 1 }));
  const assetScope = fc.oneof({ weight: 3, arbitrary: body({ Name: nameFilter, Statuses: statuses }) }, { weight: 1, arbitrary: body({ GroupIds: groups, Statuses: statuses }) });
  const listGroups = step('ListAssetGroups', body({ Filter: groupScope, ...paging, SortBy: fc.constantFrom(undefined, ...allowed('ListAssetGroups', 'SortBy')) }));
  const listAssets = step('ListAssets', body({ Filter: assetScope, ...paging, SortBy: fc.constantFrom(undefined, ...allowed('ListAssets', 'SortBy')) }));
  const byUpdateTime = { SortBy: fc.constant('UpdateTime'), SortOrder: maybe(fc.constantFrom(...allowed('ListAssets', 'SortOrder'))) };
  const groupsByUpdateTime = step('ListAssetGroups', body({ Filter: groupScope, ...byUpdateTime }));
  const assetsByUpdateTime = step('ListAssets', body({ Filter: assetScope, ...byUpdateTime }));
  const createAsset = body({ GroupId: group, URL: fc.constantFrom<Placeholder>({ $media: 'good' }, { $media: 'broken' }), AssetType: fc.constant('Image'), Name: name, ...otherProjectRarely });
  const token = ref('token', owner);
  return fc.oneof(
    { weight: 3, arbitrary: write('CreateAssetGroup', body({ Name: name, Description: maybe(description), ...otherProjectRarely }), [listGroups, listAssets]) },
    { weight: 3, arbitrary: read('GetAssetGroup', body({ Id: group, ...otherProjectRarely })) },
    {
      weight: 3,
      arbitrary: group.chain((id) =>
        write('UpdateAssetGroup', body({ Id: fc.constant(id), Name: maybe(name), Description: maybe(description), ...otherProjectRarely }), [step('GetAssetGroup', body({ Id: fc.constant(id) })), groupsByUpdateTime]),
      ),
    },
    { weight: 1, arbitrary: group.chain((id) => write('DeleteAssetGroup', body({ Id: fc.constant(id), ...otherProjectRarely }), [step('GetAssetGroup', body({ Id: fc.constant(id) })), listGroups, listAssets])) },
    { weight: 2, arbitrary: listGroups.map((drawn) => new StepCommand(drawn)) },
    {
      weight: 5,
      arbitrary: write('CreateAsset', createAsset, [listAssets]),
    },
    { weight: 3, arbitrary: read('GetAsset', body({ Id: asset, ...otherProjectRarely })) },
    { weight: 3, arbitrary: asset.chain((id) => write('UpdateAsset', body({ Id: fc.constant(id), Name: name, ...otherProjectRarely }), [step('GetAsset', body({ Id: fc.constant(id) })), assetsByUpdateTime])) },
    {
      weight: 3,
      arbitrary: asset.chain((id) =>
        write('DeleteAsset', body({ Id: fc.constant(id), ...otherProjectRarely }), [
          step('GetAsset', body({ Id: fc.constant(id) })),
          step('UpdateAsset', body({ Id: fc.constant(id), Name: name })),
          listAssets,
          step('CreateAsset', createAsset),
        ]),
      ),
    },
    { weight: 3, arbitrary: listAssets.map((drawn) => new StepCommand(drawn)) },
    { weight: 2, arbitrary: fc.constant(new StepCommand({ kind: 'settle' })) },
    { weight: 1, arbitrary: write('CreateVisualValidateSession', body({ CallbackURL: fc.constant('https://example.com/explore/callback'), ...otherProjectRarely }), []) },
    { weight: 2, arbitrary: read('GetVisualValidateResult', body({ BytedToken: token, ...otherProjectRarely })) },
  );
}
