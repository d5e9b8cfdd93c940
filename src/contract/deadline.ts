// A deadline that holds on its own. Its timer is an ordinary setTimeout, which Node's timer list
// keeps until it fires or is cleared; an `AbortSignal.timeout` placed on a `new Request` is
// dropped with the Request by garbage collection, and its call then waits for ever.

export interface Deadline {
  /** Aborts when the time is up, or when the parent deadline does, with its reason. */
  readonly signal: AbortSignal;
  /** Rejects with the signal's reason when it aborts: race a call that may ignore the signal. */
  readonly expired: Promise<never>;
  /** Stops the timer; call it once what the deadline bounds is over. */
  clear(): void;
}

/** A deadline `ms` from now that aborts with `reason()`, or sooner with `parent`. */
export function deadline(ms: number, reason: () => Error, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  const abort = (why: unknown) => controller.abort(why);
  const timer = setTimeout(() => abort(reason()), ms);
  const followParent = () => abort(parent?.reason);
  if (parent?.aborted) followParent();
  else parent?.addEventListener('abort', followParent, { once: true });
  const expired = new Promise<never>((_, reject) => {
    const fail = () => reject(controller.signal.reason);
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener('abort', fail, { once: true });
  });
  // Raced or not, an expiry is never an unhandled rejection.
  expired.catch(() => {});
  return {
    signal: controller.signal,
    expired,
    clear() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', followParent);
    },
  };
}
