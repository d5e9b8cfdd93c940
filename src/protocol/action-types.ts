// What each Action takes and gives, from the document's discriminated call schemas: PortraitCall
// pairs each Action with its request body and PortraitCallResult with its Result, so a body of one
// Action given with another Action's name does not type-check.
import type { Action, components } from './generated.js';

type Schemas = components['schemas'];
// Keyed by Action, so that generic code indexes them (RequestOf<A>) instead of filtering a union.
type CallsByAction = { [Call in Schemas['PortraitCall'] as Call['Action']]: Call };
type ResultsByAction = { [Call in Schemas['PortraitCallResult'] as Call['Action']]: Call };

/** One call: `{ Action, Version, Body }`, discriminated by `Action` (PortraitCall in the document). */
export type PortraitCall<A extends Action = Action> = CallsByAction[A];
/** One call's result: `{ Action, Version, Result }`, discriminated by `Action` (PortraitCallResult). */
export type PortraitCallResult<A extends Action = Action> = ResultsByAction[A];

export type RequestOf<A extends Action> = CallsByAction[A]['Body'];
export type ResultOf<A extends Action> = ResultsByAction[A]['Result'];
