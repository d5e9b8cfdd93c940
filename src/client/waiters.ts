// AWS-style waiters: poll an Action until the resource reaches a final state. Times are in
// seconds, as in the AWS SDK.
import { protocol } from '../protocol/generated.js';
import { PortraitAbortError, PortraitAssetFailedError, PortraitError, PortraitWaiterTimeoutError } from './errors.js';
import type { RequestOf, ResultOf } from '../protocol/action-types.js';
import type { PortraitClient, WithMetadata } from './client.js';
import { sleep } from './sleep.js';

export interface WaiterConfig {
  client: PortraitClient;
  /** Give up after this many seconds. */
  maxWaitTime?: number | undefined;
  /** First pause between polls, in seconds; it doubles up to `maxDelay`. */
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

async function poll<T>(
  config: WaiterConfig,
  defaults: { maxWaitTime: number; minDelay: number; maxDelay: number },
  what: string,
  check: (signal?: AbortSignal) => Promise<PollState<T>>,
): Promise<T> {
  const maxWaitMs = (config.maxWaitTime ?? defaults.maxWaitTime) * 1000;
  const minDelayMs = (config.minDelay ?? defaults.minDelay) * 1000;
  const maxDelayMs = Math.max(minDelayMs, (config.maxDelay ?? defaults.maxDelay) * 1000);
  const deadline = Date.now() + maxWaitMs;
  const signal = config.signal ?? config.abortSignal;
  for (let round = 0; ; round++) {
    const state = await check(signal);
    if (state.done) return state.value as T;
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new PortraitWaiterTimeoutError(`Gave up waiting for ${what} after ${maxWaitMs / 1000} s.`);
    }
    const backoff = Math.min(maxDelayMs, minDelayMs * 2 ** round) * (1 - Math.random() * 0.25);
    await sleep(Math.min(backoff, remaining), signal).catch((reason: unknown) => {
      throw new PortraitAbortError(`Stopped waiting for ${what}: aborted.`, { cause: reason });
    });
  }
}

/**
 * Polls GetAsset until the asset is `Active` and resolves with it. Throws
 * PortraitAssetFailedError (with `failedReason`) when it ends `Failed`, and
 * PortraitWaiterTimeoutError after `maxWaitTime` (300 s by default).
 */
export function waitUntilAssetActive(config: WaiterConfig, input: RequestOf<'GetAsset'>): Promise<WithMetadata<ResultOf<'GetAsset'>>> {
  return poll(config, { maxWaitTime: 300, minDelay: 2, maxDelay: 30 }, `asset ${input.Id} to be Active`, async (signal) => {
    const asset = await config.client.getAsset(input, signal ? { signal } : {});
    if (asset.Status === 'Failed') throw new PortraitAssetFailedError(asset.Id, asset.FailedReason);
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
      return { done: true, value: await config.client.getVisualValidateResult(input, signal ? { signal } : {}) };
    } catch (error) {
      if (PortraitError.is(error, 'ValidatePending')) return { done: false };
      throw error;
    }
  });
}
