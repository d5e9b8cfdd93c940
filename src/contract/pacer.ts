// Keeps a run's calls within each Action's documented rate limit (`x-portrait-rate-limit`, the
// upstream's, per account), so that a conforming server never has to turn the run away.
import { actions, isAction } from '../protocol/index.js';

/** Room for the time a call takes to arrive: the server counts from arrival, the pacer from sending. */
const marginMs = 100;

/** Where the pacer reads the time and waits; tests give their own. */
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class Pacer {
  /** `<key> <Action>` -> when the calls of the last window were sent. */
  readonly #sent = new Map<string, number[]>();

  /** `enabled: false` never holds a call back. */
  constructor(
    private readonly enabled: boolean,
    private readonly clock: PacerClock = realClock,
  ) {}

  /** Resolves once a call of `action` with `apiKey` fits in the Action's limit, and counts it. */
  async wait(action: string, apiKey: string | undefined): Promise<void> {
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
      await this.clock.sleep(oldest + windowMs - now);
    }
  }
}
