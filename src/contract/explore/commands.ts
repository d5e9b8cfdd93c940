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

const words = fc.constantFrom('amber', 'birch', 'cedar');
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
const paging = { PageNumber: fc.integer({ min: 1, max: 3 }), PageSize: fc.integer({ min: 1, max: 4 }), SortOrder: fc.constantFrom('Asc', 'Desc'), ProjectName: fc.constant(otherProject) };

/** The steps a sequence draws from; only customer A's without a second key. */
export function stepCommands(secondCustomer: boolean): fc.Arbitrary<fc.AsyncCommand<SequenceModel, SequencePair>>[] {
  const customer = secondCustomer ? fc.constantFrom<Customer>('A', 'B') : fc.constant<Customer>('A');
  const group = ref('group', customer);
  const asset = ref('asset', customer);
  const otherProjectOnly = { ProjectName: fc.constant(otherProject) };
  const call = (action: Action, body: fc.Arbitrary<Record<string, unknown>>) => fc.tuple(customer, body).map(([as, built]) => new StepCommand({ kind: 'call', action, as, body: built }));
  const optional = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T, required: (keyof T & string)[]) => fc.record(fields, { requiredKeys: required });
  // A List is always scoped to what the sequence made (its names, or its groups): the target's
  // customer may hold other resources, the model's holds none.
  const groupScope = fc.oneof(optional({ Name: nameFilter, GroupType: fc.constant('AIGC') }, ['Name']), optional({ GroupIds: fc.uniqueArray(group, { minLength: 1, maxLength: 3, selector: (v) => JSON.stringify(v) }), Name: nameFilter }, ['GroupIds']));
  const assetScope = fc.oneof(
    optional({ Name: nameFilter, Statuses: fc.subarray(['Processing', 'Active', 'Failed']) }, ['Name']),
    optional({ GroupIds: fc.uniqueArray(group, { minLength: 1, maxLength: 3, selector: (v) => JSON.stringify(v) }), Statuses: fc.subarray(['Processing', 'Active', 'Failed']) }, ['GroupIds']),
  );
  return [
    fc.oneof(
      { weight: 4, arbitrary: call('CreateAssetGroup', optional({ Name: name, Description: description }, ['Name'])) },
      { weight: 2, arbitrary: call('GetAssetGroup', optional({ Id: group, ...otherProjectOnly }, ['Id'])) },
      { weight: 2, arbitrary: call('UpdateAssetGroup', optional({ Id: group, Name: name, Description: description, ...otherProjectOnly }, ['Id'])) },
      { weight: 1, arbitrary: call('DeleteAssetGroup', optional({ Id: group, ...otherProjectOnly }, ['Id'])) },
      { weight: 3, arbitrary: call('ListAssetGroups', optional({ Filter: groupScope, ...paging, SortBy: fc.constantFrom('CreateTime', 'UpdateTime') }, ['Filter'])) },
      { weight: 4, arbitrary: call('CreateAsset', optional({ GroupId: group, URL: fc.constantFrom<Placeholder>({ $media: 'good' }, { $media: 'broken' }), AssetType: fc.constant('Image'), Name: name }, ['GroupId', 'URL', 'AssetType', 'Name'])) },
      { weight: 2, arbitrary: call('GetAsset', optional({ Id: asset, ...otherProjectOnly }, ['Id'])) },
      { weight: 2, arbitrary: call('UpdateAsset', optional({ Id: asset, Name: name, ...otherProjectOnly }, ['Id'])) },
      { weight: 1, arbitrary: call('DeleteAsset', optional({ Id: asset, ...otherProjectOnly }, ['Id'])) },
      { weight: 3, arbitrary: call('ListAssets', optional({ Filter: assetScope, ...paging, SortBy: fc.constantFrom('CreateTime', 'UpdateTime', 'GroupId') }, ['Filter'])) },
      { weight: 2, arbitrary: fc.constant(new StepCommand({ kind: 'settle' })) },
      { weight: 1, arbitrary: call('CreateVisualValidateSession', fc.record({ CallbackURL: fc.constant('https://example.com/explore/callback') })) },
      { weight: 1, arbitrary: call('GetVisualValidateResult', fc.record({ BytedToken: ref('token', customer) })) },
    ),
  ];
}
