// The command set: what a step may be, drawn from what the document says leads where. Creates
// give ids that later steps refer to (the n-th group A made, B's asset), beside deliberately
// wrong ids (unknown, another customer's, another project's), sort orders, page sizes and name
// filters that match a part of a name. Each command plays its step on both sides through the
// sequence's pair; fast-check generates, runs and shrinks the sequences.
import fc from 'fast-check';
import type { Action } from '../../protocol/index.js';
import type { SequencePair } from './sequence-pair.js';
import { describeStep, type Customer, type Made, type Placeholder, type Step } from './steps.js';

/** What fast-check keeps of a sequence beside the pair: nothing; every step can always be played. */
export type SequenceModel = Record<string, never>;

class StepCommand implements fc.AsyncCommand<SequenceModel, SequencePair> {
  constructor(readonly step: Step) {}

  check(): boolean {
    return true;
  }

  async run(_model: SequenceModel, pair: SequencePair): Promise<void> {
    await pair.play(this.step);
  }

  toString(): string {
    return describeStep(this.step);
  }
}

/** A project none of the sequence's resources is in: each is found only under its own. */
export const otherProject = 'explore-other';

const words = fc.constantFrom('amber', 'birch', 'cedar', 'dune');
const name = words.map((word): Placeholder => ({ $name: word }));
const description = fc.constantFrom('', 'first', 'second');

function ref(made: Made, customer: fc.Arbitrary<Customer>): fc.Arbitrary<Placeholder> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ made: fc.constant(made), index: fc.nat(3), by: customer }).map((made): Placeholder => ({ $ref: made })) },
    { weight: 1, arbitrary: fc.constant<Placeholder>({ $ref: { unknown: made } }) },
  );
}

/** A name filter that matches a part of the sequence's names (all of them, or those of one word), or one whole name. */
const nameFilter = fc.oneof(fc.constant<Placeholder>({ $part: '' }), words.map((word): Placeholder => ({ $part: word })), name);

/** A field left out as often as not; shrinking leaves it out. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), arbitrary);
/** A field left out four times in five: another project, a page further on. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
/** A body of the fields drawn, those left out (undefined) dropped. */
function body(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(fields).map((drawn) => Object.fromEntries(Object.entries(drawn).filter(([, value]) => value !== undefined)));
}

const otherProjectRarely = { ProjectName: rarely(fc.constant(otherProject)) };
const paging = {
  PageNumber: rarely(fc.integer({ min: 2, max: 3 })),
  PageSize: maybe(fc.integer({ min: 1, max: 4 })),
  SortOrder: maybe(fc.constantFrom('Asc', 'Desc')),
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
  const call = (action: Action, built: fc.Arbitrary<Record<string, unknown>>) => built.map((drawn) => new StepCommand({ kind: 'call', action, as, body: drawn }));
  // A List is always scoped to what the sequence made (its names, or its groups): the target's
  // customer may hold other resources, the model's holds none.
  const groupScope = fc.oneof(body({ Name: nameFilter, GroupType: maybe(fc.constant('AIGC')) }), body({ GroupIds: groups, Name: rarely(nameFilter) }));
  const statuses = maybe(fc.subarray(['Processing', 'Active', 'Failed'], { minLength: 1 }));
  const assetScope = fc.oneof(body({ Name: nameFilter, Statuses: statuses }), body({ GroupIds: groups, Statuses: statuses }));
  return fc.oneof(
    { weight: 4, arbitrary: call('CreateAssetGroup', body({ Name: name, Description: maybe(description) })) },
    { weight: 3, arbitrary: call('GetAssetGroup', body({ Id: group, ...otherProjectRarely })) },
    { weight: 3, arbitrary: call('UpdateAssetGroup', body({ Id: group, Name: name, Description: maybe(description), ...otherProjectRarely })) },
    { weight: 2, arbitrary: call('DeleteAssetGroup', body({ Id: group, ...otherProjectRarely })) },
    { weight: 2, arbitrary: call('ListAssetGroups', body({ Filter: groupScope, ...paging, SortBy: maybe(fc.constantFrom('CreateTime', 'UpdateTime')) })) },
    { weight: 3, arbitrary: call('CreateAsset', body({ GroupId: group, URL: fc.constantFrom<Placeholder>({ $media: 'good' }, { $media: 'broken' }), AssetType: fc.constant('Image'), Name: name, ...otherProjectRarely })) },
    { weight: 3, arbitrary: call('GetAsset', body({ Id: asset, ...otherProjectRarely })) },
    { weight: 2, arbitrary: call('UpdateAsset', body({ Id: asset, Name: name, ...otherProjectRarely })) },
    { weight: 2, arbitrary: call('DeleteAsset', body({ Id: asset, ...otherProjectRarely })) },
    { weight: 2, arbitrary: call('ListAssets', body({ Filter: assetScope, ...paging, SortBy: maybe(fc.constantFrom('CreateTime', 'UpdateTime', 'GroupId')) })) },
    { weight: 1, arbitrary: fc.constant(new StepCommand({ kind: 'settle' })) },
    { weight: 1, arbitrary: call('CreateVisualValidateSession', body({ CallbackURL: fc.constant('https://example.com/explore/callback') })) },
    { weight: 1, arbitrary: call('GetVisualValidateResult', body({ BytedToken: ref('token', owner) })) },
  );
}
