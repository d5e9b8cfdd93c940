// Keeps a run's calls within each Action's documented rate limit (`x-portrait-rate-limit`, the
// upstream's, per account: paced here per API key, the nearest the run can tell), so that a
// conforming server never has to turn the run away; and waits out the refusals that come anyway,
// within bounds a hostile Retry-After cannot stretch.
import { actions, isAction } from '../protocol/index.js';
import { sleep } from '../protocol/sleep.js';

/** Room for the time a call takes to arrive: the server counts from arrival, the pacer from sending. */
const marginMs = 100;
/** The longest one wait for a refusal may be, and how long all of a run's may add up to. */
const longestWaitMs = 10_000;
const runWaitBudgetMs = 60_000;

/** Where the pacer reads the time and waits (cut short by `signal`); tests give their own. */
export interface PacerClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: PacerClock = { now: () => performance.now(), sleep };

export class Pacer {
  /** `<key> <Action>` -> when the calls of the last window were sent. */
  readonly #sent = new Map<string, number[]>();
  #waitBudgetMs = runWaitBudgetMs;

  /** `enabled: false` never holds a call back (refusals are waited out all the same). */
  constructor(
    private readonly enabled: boolean,
    private readonly clock: PacerClock = realClock,
  ) {}

  /** Resolves once a call of `action` with `apiKey` fits in the Action's limit, and counts it; rejects when `signal` aborts first. */
  async wait(action: string, apiKey: string | undefined, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (!this.enabled || !isAction(action)) return;
    const { requests, perSeconds } = actions[action].rateLimit;
    const windowMs = perSeconds * 1000 + marginMs;
    const key = `${apiKey ?? ''} ${action}`;
    for (;;) {
      const now = this.clock.now();
      const recent = (this.#sent.get(key) ?? []).filter((time) => time > now - windowMs);
      this.#sent.set(key, recent);
      const oldest = recent[0];
      if (recent.length < requests || oldest === undefined) {
        recent.push(now);
        return;
      }
      await this.clock.sleep(oldest + windowMs - now, signal);
    }
  }

  /**
   * Waits as a rate-limit refusal's `Retry-After` (seconds) asks, 1 s when it says nothing
   * usable, at most 10 s; false, at once, when the run has already waited a minute in all.
   */
  async waitOut(retryAfter: string | null, signal?: AbortSignal): Promise<boolean> {
    if (this.#waitBudgetMs <= 0) return false;
    const seconds = Number(retryAfter);
    const waitMs = Math.min(retryAfter !== null && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000, longestWaitMs, this.#waitBudgetMs);
    this.#waitBudgetMs -= waitMs;
    await this.clock.sleep(waitMs, signal);
    return true;
  }
}
