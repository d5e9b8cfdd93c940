// An emulator's clock that moves a second at every call a test sends: times sort as the calls
// came, and an asset is processed over a count of calls, not of real seconds, so that no test
// depends on how fast the machine is.
import type { EmulatorOptions } from '../../src/emulator/index.js';

export interface CallClock {
  /** The emulator's `clock`, and its `processingDelayMs` in seconds of that clock. */
  options: Required<Pick<EmulatorOptions, 'clock' | 'processingDelayMs'>>;
  /** Moves the clock a second: once before each call. */
  advance(): void;
  /** `handle` with the clock moved a second before each call. */
  stepping<T>(handle: (request: Request) => T): (request: Request) => T;
}

/** A clock from 2026-03-18T07:20:44Z on which an asset turns Active at the `processingCalls`-th call after its CreateAsset. */
export function callClock(processingCalls: number): CallClock {
  let now = Date.UTC(2026, 2, 18, 7, 20, 44);
  const advance = () => {
    now += 1000;
  };
  return {
    options: { clock: () => now, processingDelayMs: processingCalls * 1000 },
    advance,
    stepping: (handle) => (request) => {
      advance();
      return handle(request);
    },
  };
}
