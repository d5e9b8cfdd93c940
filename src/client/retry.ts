// When to retry a failed attempt, how long to wait first, and the loop that does it.
import { actions, type Action } from '../protocol/generated.js';
import { abortedCall, type PortraitClientError } from './errors.js';
import { sleep } from '../protocol/sleep.js';

export interface RetryPolicy {
  maxRetries: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** Also retry Create* Actions after an ambiguous failure, at the risk of creating twice. */
  retryCreates: boolean;
}

/** What went wrong with one attempt, as far as retrying is concerned. */
export type AttemptFailure =
  | { kind: 'reply'; status: number; baseCode: string; retryAfterMs: number | undefined }
  | { kind: 'connection'; mayHaveBeenSent: boolean }
  | { kind: 'timeout' };

/** How one attempt ended: a value, or the error to throw if it is not retried. */
export type Outcome<T> = (T & { ok: true }) | { ok: false; error: PortraitClientError; failure: AttemptFailure };

/** Retry-After above this is not waited for: the backoff applies instead. */
const maxRetryAfterMs = 60_000;

/**
 * Runs `attempt` until it succeeds, fails in a way not worth retrying or runs out of retries; the
 * signal stops it before an attempt and during a pause.
 */
export async function retrying<T>(
  action: Action,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  attempt: () => Promise<Outcome<T>>,
  onRetry?: (error: PortraitClientError, delayMs: number) => void,
): Promise<[value: T & { ok: true }, attempts: number, totalRetryDelayMs: number]> {
  let totalRetryDelayMs = 0;
  for (let retries = 0; ; retries++) {
    if (signal?.aborted) throw abortedCall(action, signal.reason);
    const outcome = await attempt();
    if (outcome.ok) return [outcome, retries + 1, totalRetryDelayMs];
    if (retries >= policy.maxRetries || !isRetryable(outcome.failure, action, policy)) throw outcome.error;
    const delay = retryDelayMs(retries, outcome.failure, policy);
    onRetry?.(outcome.error, delay);
    await sleep(delay, signal).catch((reason: unknown) => {
      throw abortedCall(action, reason);
    });
    totalRetryDelayMs += delay;
  }
}

function isRetryable(failure: AttemptFailure, action: Action, policy: RetryPolicy): boolean {
  const creates = actions[action].createsResource;
  switch (failure.kind) {
    case 'reply': {
      // Refused before any work was done: safe to repeat, even a Create.
      if (failure.status === 429 || failure.status === 503 || failure.baseCode === 'RateLimitExceeded') return true;
      // The server failed part-way: a Create may have happened.
      return failure.status >= 500 && (!creates || policy.retryCreates);
    }
    case 'connection':
      return !creates || !failure.mayHaveBeenSent || policy.retryCreates;
    case 'timeout':
      return !creates || policy.retryCreates;
  }
}

/** The server's Retry-After when it gave a usable one, else the backoff. */
export function retryDelayMs(retry: number, failure: AttemptFailure, policy: RetryPolicy, random = Math.random): number {
  if (failure.kind === 'reply' && failure.retryAfterMs !== undefined && failure.retryAfterMs <= maxRetryAfterMs) {
    return failure.retryAfterMs;
  }
  return backoffMs(retry, policy.minDelayMs, policy.maxDelayMs, random);
}

/** The pause before try `round` + 2 (retries and waiters' polls alike): doubling from `minMs` up to `maxMs`, less up to a quarter at random. */
export function backoffMs(round: number, minMs: number, maxMs: number, random = Math.random): number {
  return Math.min(maxMs, minMs * 2 ** round) * (1 - random() * 0.25);
}

/** `Retry-After` in seconds or as an HTTP date, or `retry-after-ms`; undefined when absent or unreadable. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
