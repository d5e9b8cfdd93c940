// The shapes an Action handler takes and gives, all derived from the generated types through
// the Action table: nothing here restates a schema.
import type { Action, components, Refusal, ResultOf } from '../../protocol/index.js';

export type { RequestOf, ResultOf } from '../../protocol/index.js';

type Schemas = components['schemas'];

export type AssetGroupItem = Schemas['AssetGroupItem'];
export type AssetItem = Schemas['AssetItem'];
export type AssetType = Schemas['AssetType'];
export type AssetStatus = Schemas['AssetStatus'];
export type GroupType = Schemas['GroupType'];

export type { Refusal } from '../../protocol/index.js';

/** What an Action gives: its Result, or the refusal the document lists for it. */
export type ActionOutcome<A extends Action> = { result: ResultOf<A> } | Refusal;
