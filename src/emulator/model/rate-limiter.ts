// Calls per customer and Action, as the upstream limits them: by default each Action's
// `x-portrait-rate-limit` in the document (GetAsset 100 a second, CreateAsset 300 a minute, the
// liveness Actions 3 a second, ...). A sliding window on the emulator's clock, so tests can step
// through it without waiting.
import { actionNames, actions, type Action } from '../../protocol/index.js';

/** `requests` calls in any `perSeconds` seconds. */
export interface RateLimit {
  requests: number;
  perSeconds: number;
}

/** By Action: a limit, a number of calls per second, or `false` for none; Actions not named keep the document's. */
export type RateLimits = { [A in Action]?: RateLimit | number | false | undefined };

export class RateLimiter {
  readonly #limits: ReadonlyMap<Action, RateLimit>;
  /** `<customer> <Action>` -> the times of the requests let through in the last window. */
  readonly #recent = new Map<string, number[]>();

  /** `false` lets every call through; otherwise the document's limits, with `overrides` in their place. */
  constructor(overrides: RateLimits | false) {
    const limits = new Map<Action, RateLimit>();
    for (const action of actionNames) {
      const chosen = overrides === false ? false : (overrides[action] ?? actions[action].rateLimit);
      if (chosen !== false) limits.set(action, typeof chosen === 'number' ? { requests: chosen, perSeconds: 1 } : chosen);
    }
    this.#limits = limits;
  }

  /** Lets the request through and counts it, or says how many whole seconds to wait. */
  admit(customerId: string, action: Action, now: number): { admitted: true } | { admitted: false; retryAfterSeconds: number } {
    const limit = this.#limits.get(action);
    if (limit === undefined) return { admitted: true };
    const windowMs = limit.perSeconds * 1000;
    const key = `${customerId} ${action}`;
    const recent = (this.#recent.get(key) ?? []).filter((time) => time > now - windowMs);
    if (recent.length >= limit.requests) {
      this.#recent.set(key, recent);
      const oldest = recent[0] ?? now;
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.#recent.set(key, recent);
    return { admitted: true };
  }
}
