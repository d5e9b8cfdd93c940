// A timer that an AbortSignal can cut short: the client's retries and waiters, the contract's pacing and
// the emulator's latency and stalls all wait with it.

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. With `keepAlive`
 * false the timer alone does not keep a Node process running (a wait nobody may be waiting on).
 */
export function sleep(ms: number, signal?: AbortSignal, { keepAlive = true } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    // A browser's timer is a number, with nothing to unref.
    if (!keepAlive) (timer as { unref?: () => void }).unref?.();
  });
}
