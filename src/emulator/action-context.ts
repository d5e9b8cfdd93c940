// What an Action handler works with: the caller, the moment of the call and the shared state.
import type { Action } from '../protocol/index.js';
import type { Outcome, RequestOf } from './action-types.js';
import type { MediaLinks } from './media-links.js';
import type { EmulatorState } from './state.js';
import type { Tenant } from './tenants.js';

export interface ActionContext {
  state: EmulatorState;
  /** The customer that owns the API key of the call. */
  tenant: Tenant;
  /** The emulator's clock, read once per call so one call sees one moment. */
  now: number;
  /** `http://host:port` of the call, for links the caller can open (H5Link, media URLs). */
  origin: string;
  processingDelayMs: number;
  mediaLinks: MediaLinks;
}

/**
 * Runs one Action on a body that already passed `validateRequest`. Synchronous on purpose: a
 * call changes the state all at once, so concurrent calls cannot interleave halfway.
 */
export type ActionHandler<A extends Action> = (context: ActionContext, request: RequestOf<A>) => Outcome<A>;
