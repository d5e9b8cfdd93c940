// Requests per second per customer and Action, as the upstream limits them (for example
// GetAsset 100 QPS, the liveness Actions 3 QPS). A sliding one-second window on the
// emulator's clock, so tests can step through it without waiting.
import type { Action } from '../../protocol/index.js';

const windowMs = 1000;

export type RateLimits = { [A in Action]?: number | undefined };

export class RateLimiter {
  readonly #limits: ReadonlyMap<Action, number>;
  /** `<customer> <Action>` -> the times of the requests let through in the last window. */
  readonly #recent = new Map<string, number[]>();

  constructor(limits: RateLimits) {
    this.#limits = new Map(Object.entries(limits).filter((entry): entry is [Action, number] => entry[1] !== undefined));
  }

  /** Lets the request through and counts it, or says how many whole seconds to wait. */
  admit(customerId: string, action: Action, now: number): { admitted: true } | { admitted: false; retryAfterSeconds: number } {
    const limit = this.#limits.get(action);
    if (limit === undefined) return { admitted: true };
    const key = `${customerId} ${action}`;
    const recent = (this.#recent.get(key) ?? []).filter((time) => time > now - windowMs);
    if (recent.length >= limit) {
      this.#recent.set(key, recent);
      const oldest = recent[0] ?? now;
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.#recent.set(key, recent);
    return { admitted: true };
  }
}
