// The emulator's options, checked once at creation so a wrong value fails at start with a
// message that names it.
import { isAction } from '../protocol/index.js';
import { checkFaultOptions, type FaultOptions, type FaultSettings } from './http/fault-settings.js';
import type { RateLimits } from './model/rate-limiter.js';
import { checkTenantConfigs, demoTenants, type TenantConfig } from './model/tenants.js';

export interface EmulatorOptions extends FaultOptions {
  /** Customers and their API keys. Default: `demo` (key `demo-key`) and `demo-2` (`demo-key-2`). */
  tenants?: TenantConfig[] | undefined;
  /** Milliseconds since the epoch. Default `Date.now`; tests pass their own to step time. */
  clock?: (() => number) | undefined;
  /** How long a new asset stays `Processing`. Default 3000. */
  processingDelayMs?: number | undefined;
  /**
   * Calls per customer and Action. Default: the document's limits, the upstream's
   * (`x-portrait-rate-limit`). Name an Action to change its limit (`{ GetAsset: 5 }` is 5 a
   * second, `{ CreateAsset: { requests: 3, perSeconds: 60 } }`, `{ GetAsset: false }` none), or
   * pass `false` for no limits at all.
   */
  rateLimits?: RateLimits | false | undefined;
}

export interface Settings {
  tenants: TenantConfig[];
  clock: () => number;
  processingDelayMs: number;
  rateLimits: RateLimits | false;
  faults: FaultSettings;
}

export function checkOptions(options: EmulatorOptions): Settings {
  const { clock = Date.now, processingDelayMs = 3000, rateLimits = {} } = options;
  if (typeof clock !== 'function') throw new TypeError('clock must be a function returning milliseconds since the epoch');
  if (typeof processingDelayMs !== 'number' || !Number.isFinite(processingDelayMs) || processingDelayMs < 0) {
    throw new TypeError(`processingDelayMs must be a number of milliseconds of at least 0, not ${String(processingDelayMs)}`);
  }
  if (rateLimits !== false) checkRateLimits(rateLimits);
  return {
    tenants: checkTenantConfigs(options.tenants ?? demoTenants),
    clock,
    processingDelayMs,
    rateLimits: rateLimits === false ? false : { ...rateLimits },
    faults: checkFaultOptions(options),
  };
}

function checkRateLimits(rateLimits: unknown) {
  if (typeof rateLimits !== 'object' || rateLimits === null) throw new TypeError('rateLimits must be false or an object of limits by Action');
  const whole = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
  for (const [action, limit] of Object.entries(rateLimits)) {
    if (!isAction(action)) throw new TypeError(`rateLimits names an unknown Action ${JSON.stringify(action)}`);
    if (limit === undefined || limit === false || whole(limit)) continue;
    const { requests, perSeconds } = (typeof limit === 'object' && limit !== null ? limit : {}) as { requests?: unknown; perSeconds?: unknown };
    if (!whole(requests) || !whole(perSeconds)) {
      throw new TypeError(`rateLimits.${action} must be false, a whole number of requests per second of at least 1, or { requests, perSeconds } of whole numbers`);
    }
  }
}
