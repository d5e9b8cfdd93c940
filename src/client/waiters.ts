// AWS-style waiters: poll an Action until the resource reaches a final state. Times are in
// seconds, as in the AWS SDK.
import { protocol } from '../protocol/generated.js';
import { PortraitAbortError, PortraitAssetFailedError, PortraitClientError, PortraitError, PortraitWaiterTimeoutError } from './errors.js';
import type { RequestOf, ResultOf } from '../protocol/action-types.js';
import type { WithMetadata } from './call-types.js';
import { safeText, type PortraitClient } from './client.js';
import { backoffMs } from './retry.js';
import { sleep } from '../protocol/sleep.js';

export interface WaiterConfig {
  client: PortraitClient;
  /** Give up after this many seconds, a poll under way included (at most 2147483). */
  maxWaitTime?: number | undefined;
  /** First pause between polls, in seconds; it doubles up to `maxDelay`. NaN or a negative is refused at once. */
  minDelay?: number | undefined;
  maxDelay?: number | undefined;
  /** Aborts the wait, a poll or a pause, with PortraitAbortError. */
  signal?: AbortSignal | undefined;
  /** @deprecated The name every other option of the client uses is `signal`. */
  abortSignal?: AbortSignal | undefined;
}

interface PollState<T> {
  done: boolean;
  value?: T;
}

/** Seconds as milliseconds, or the error that names the option: NaN, a negative or an endless wait would poll without end. */
function milliseconds(name: string, value: number): number {
  if (!(value >= 0 && value <= 2_147_483)) throw new PortraitClientError(`${name} must be a number of seconds from 0 to 2147483, not ${String(value)}.`);
  return value * 1000;
}

async function poll<T>(
  config: WaiterConfig,
  defaults: { maxWaitTime: number; minDelay: number; maxDelay: number },
  what: string,
  check: (signal: AbortSignal) => Promise<PollState<T>>,
): Promise<T> {
  const maxWaitMs = milliseconds('maxWaitTime', config.maxWaitTime ?? defaults.maxWaitTime);
  const minDelayMs = milliseconds('minDelay', config.minDelay ?? defaults.minDelay);
  const maxDelayMs = Math.max(minDelayMs, milliseconds('maxDelay', config.maxDelay ?? defaults.maxDelay));
  const caller = config.signal ?? config.abortSignal;
  // One signal for the polls and the pauses: the caller's abort, or maxWaitTime, even within a poll.
  const stop = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop.abort();
  }, maxWaitMs);
  const abort = () => stop.abort(caller?.reason);
  if (caller?.aborted) abort();
  caller?.addEventListener('abort', abort, { once: true });
  const stopped = (error: unknown) =>
    timedOut ? new PortraitWaiterTimeoutError(`Gave up waiting for ${what} after ${maxWaitMs / 1000} s.`) : stop.signal.aborted ? new PortraitAbortError(`Stopped waiting for ${what}: aborted.`, { cause: caller?.reason }) : error;
  try {
    for (let round = 0; ; round++) {
      const state = await check(stop.signal).catch((error: unknown) => {
        throw stopped(error);
      });
      if (state.done) return state.value as T;
      await sleep(backoffMs(round, minDelayMs, maxDelayMs), stop.signal).catch((error: unknown) => {
        throw stopped(error);
      });
    }
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', abort);
  }
}

/**
 * Polls GetAsset until the asset is `Active` and resolves with it. Throws
 * PortraitAssetFailedError (with `failedReason`) when it ends `Failed`, and
 * PortraitWaiterTimeoutError after `maxWaitTime` (300 s by default).
 */
export function waitUntilAssetActive(config: WaiterConfig, input: RequestOf<'GetAsset'>): Promise<WithMetadata<ResultOf<'GetAsset'>>> {
  return poll(config, { maxWaitTime: 300, minDelay: 2, maxDelay: 30 }, `asset ${input.Id} to be Active`, async (signal) => {
    const asset = await config.client.getAsset(input, { signal });
    // Both are the server's text: fit for a message first.
    if (asset.Status === 'Failed') throw new PortraitAssetFailedError(safeText(config.client, asset.Id), asset.FailedReason === undefined ? undefined : safeText(config.client, asset.FailedReason));
    return { done: asset.Status === 'Active', value: asset };
  });
}

/**
 * Polls GetVisualValidateResult while it answers `ValidatePending` and resolves with the new
 * LivenessFace group's `GroupId`. `TokenExpired`, `InvalidToken` and any other error end the wait
 * by throwing that PortraitError; PortraitWaiterTimeoutError after `maxWaitTime` (by default the
 * token's lifetime, `protocol.bytedTokenLifetimeSeconds`).
 */
export function waitUntilValidateResult(
  config: WaiterConfig,
  input: RequestOf<'GetVisualValidateResult'>,
): Promise<WithMetadata<ResultOf<'GetVisualValidateResult'>>> {
  return poll(config, { maxWaitTime: protocol.bytedTokenLifetimeSeconds, minDelay: 1, maxDelay: 5 }, 'the liveness result', async (signal) => {
    try {
      return { done: true, value: await config.client.getVisualValidateResult(input, { signal }) };
    } catch (error) {
      if (PortraitError.is(error, 'ValidatePending')) return { done: false };
      throw error;
    }
  });
}
