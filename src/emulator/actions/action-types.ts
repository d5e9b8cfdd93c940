// The shapes an Action handler takes and gives, all derived from the generated types through
// the Action table: nothing here restates a schema.
import type { Action, components, ErrorObject, ResultOf } from '../../protocol/index.js';

export type { RequestOf, ResultOf } from '../../protocol/index.js';

type Schemas = components['schemas'];

export type AssetGroupItem = Schemas['AssetGroupItem'];
export type AssetItem = Schemas['AssetItem'];
export type AssetType = Schemas['AssetType'];
export type AssetStatus = Schemas['AssetStatus'];
export type GroupType = Schemas['GroupType'];

/** An Action that failed: its HTTP status (one the document lists for that Action) and Error. */
export interface ActionError {
  status: number;
  error: ErrorObject;
  /** Such as the Retry-After of a 429. */
  headers?: Record<string, string> | undefined;
}

export type Outcome<A extends Action> = { result: ResultOf<A> } | ActionError;
