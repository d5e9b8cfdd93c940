// What an Action handler works with: the caller, the moment of the call, the shared state and
// the links its replies may hold.
import type { Action } from '../../protocol/index.js';
import type { EmulatorState } from '../model/state.js';
import type { Tenant } from '../model/tenants.js';
import type { ActionOutcome, RequestOf } from './action-types.js';

/** Links on the origin of the call, so the caller can open them (H5Link, an Active asset's URL). */
export interface ReplyLinks {
  livenessPage(token: string): string;
  media(assetId: string): string;
}

export interface ActionContext {
  state: EmulatorState;
  /** The customer that owns the API key of the call. */
  tenant: Tenant;
  /** The emulator's clock, read once per call so one call sees one moment. */
  now: number;
  processingDelayMs: number;
  links: ReplyLinks;
}

/**
 * Runs one Action on a body that already passed `validateRequest`. Synchronous on purpose: a
 * call changes the state all at once, so concurrent calls cannot interleave halfway.
 */
export type ActionHandler<A extends Action> = (context: ActionContext, request: RequestOf<A>) => ActionOutcome<A>;
