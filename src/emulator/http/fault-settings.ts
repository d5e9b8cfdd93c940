// The options that make the emulator unreliable on purpose, for testing a client's retries and
// timeouts, checked once at creation. Each check takes the name to blame, so the command line
// refuses a flag in the same words as createEmulator refuses an option.
import { excerpt } from '../../protocol/printable.js';
import { pickSeed } from '../../protocol/seeded-random.js';

/** The faults a real gateway shows, by the names the command line takes. */
export const allFaultKinds = ['429', '500', 'stall', 'reset'] as const;

/**
 * `429`: RateLimitExceeded with Retry-After. `500`: InternalError. `stall`: no reply until the
 * client gives up. `reset`: the connection reset (a fetch's TypeError, as from a dropped server).
 */
export type FaultKind = (typeof allFaultKinds)[number];

/** Milliseconds, or `[min, max]` to draw each call's latency between. */
export type LatencyMs = number | readonly [min: number, max: number];

/** Longer than any client waits by default; a longer latency is a stall, which is a fault kind. */
export const maxLatencyMs = 60_000;

const maxSeed = 2 ** 32 - 1;

/** The emulator's options for testing retries and timeouts, the same as portrait-emulator's flags. */
export interface FaultOptions {
  /**
   * How long each API call waits before it is answered: milliseconds, or `[min, max]` to draw
   * each call's wait between them. At most 60 000; default 0. A client that gives up meanwhile
   * (its signal, a closed connection) ends the wait.
   */
  latencyMs?: LatencyMs | undefined;
  /** The share of API calls, 0 to 1, that meet a fault instead of an answer, and so run nothing. Default 0. */
  faultRate?: number | undefined;
  /** Which faults, each as likely as the others: `429`, `500`, `stall`, `reset` (see FaultKind). Default all four. */
  faultKinds?: readonly FaultKind[] | undefined;
  /**
   * Seeds which calls fault and the latencies drawn from a range: the same seed and the same
   * calls meet the same faults. Default: one picked at creation, told as `emulator.faultSeed`.
   */
  faultSeed?: number | undefined;
}

export interface FaultSettings {
  latencyMs: readonly [min: number, max: number];
  rate: number;
  kinds: readonly FaultKind[];
  seed: number;
}

export function checkFaultOptions(options: FaultOptions): FaultSettings {
  const { latencyMs = 0, faultRate = 0, faultKinds = allFaultKinds, faultSeed } = options;
  return {
    latencyMs: checkLatency(latencyMs, 'latencyMs'),
    rate: checkFaultRate(faultRate, 'faultRate'),
    kinds: checkFaultKinds(faultKinds, 'faultKinds'),
    seed: faultSeed === undefined ? pickSeed() : checkFaultSeed(faultSeed, 'faultSeed'),
  };
}

export function checkLatency(value: unknown, name: string): [min: number, max: number] {
  const inRange = (ms: unknown): ms is number => typeof ms === 'number' && ms >= 0 && ms <= maxLatencyMs;
  if (inRange(value)) return [value, value];
  if (Array.isArray(value) && value.length === 2 && inRange(value[0]) && inRange(value[1]) && value[0] <= value[1]) return [value[0], value[1]];
  throw new TypeError(`${name} must be milliseconds from 0 to ${maxLatencyMs}, or [min, max] of them with min <= max, not ${describe(value)}`);
}

export function checkFaultRate(value: unknown, name: string): number {
  if (typeof value === 'number' && value >= 0 && value <= 1) return value;
  throw new TypeError(`${name} must be a number from 0 to 1 (the share of API calls that fault), not ${describe(value)}`);
}

export function checkFaultKinds(value: unknown, name: string): FaultKind[] {
  const known = (kind: unknown): kind is FaultKind => allFaultKinds.some((faultKind) => faultKind === kind);
  if (!Array.isArray(value) || value.length === 0) throw new TypeError(`${name} must be a non-empty list of ${allFaultKinds.join(', ')}, not ${describe(value)}`);
  const unknown = value.find((kind) => !known(kind));
  if (unknown !== undefined) throw new TypeError(`${name} names an unknown fault ${describe(unknown)}; the faults are ${allFaultKinds.join(', ')}`);
  // Each kind is chosen as often as it is listed: a kind listed twice is a typo, not a weight.
  const repeated = value.find((kind, index) => value.indexOf(kind) !== index);
  if (repeated !== undefined) throw new TypeError(`${name} lists ${describe(repeated)} twice`);
  return [...(value as FaultKind[])];
}

export function checkFaultSeed(value: unknown, name: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxSeed) return value;
  throw new TypeError(`${name} must be a whole number from 0 to ${maxSeed}, not ${describe(value)}`);
}

/** A value for an error message, cut short and printable: options can come from a file or a command line. */
function describe(value: unknown): string {
  return excerpt(typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? `[${value.map(String).join(', ')}]` : String(value), 64);
}
