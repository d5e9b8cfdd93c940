// The emulator's flags for testing retries and timeouts, read into createEmulator's options
// (refused in the words createEmulator uses, naming the flag), and the line that says what a run
// does to its calls, with the seed that replays it.
import { allFaultKinds, checkFaultKinds, checkFaultRate, checkFaultSeed, checkLatency, type FaultOptions } from '../emulator/http/fault-settings.js';
import { messageOf, usageError, type CommandLine, type Flag } from './command-line.js';

export const faultFlags = {
  latency: { type: 'string', value: 'ms|min-max', description: 'how long each API call waits for its answer, or a range each wait is drawn from', default: '0' },
  'fault-rate': { type: 'string', value: '0..1', description: 'the share of API calls that meet a fault instead of an answer', default: '0' },
  'fault-kinds': { type: 'string', value: 'kinds', description: 'the faults: 429 (with Retry-After), 500, stall (no reply), reset (the connection)', default: allFaultKinds.join(',') },
  'fault-seed': { type: 'string', value: 'n', description: 'seeds which calls fault; else one is picked and printed' },
} as const satisfies Record<string, Flag>;

interface FaultFlagValues {
  latency: string;
  'fault-rate': string;
  'fault-kinds': string;
  'fault-seed'?: string | undefined;
}

export function faultOptionsFrom(command: CommandLine<Record<string, Flag>>, values: FaultFlagValues): FaultOptions {
  const refused = <T>(check: () => T): T => {
    try {
      return check();
    } catch (error) {
      return usageError(command, messageOf(error));
    }
  };
  const seed = values['fault-seed'];
  return {
    latencyMs: refused(() => checkLatency(latencyFrom(values.latency), '--latency')),
    faultRate: refused(() => checkFaultRate(numberFrom(values['fault-rate']), '--fault-rate')),
    faultKinds: refused(() => checkFaultKinds(values['fault-kinds'].split(',').map((kind) => kind.trim()), '--fault-kinds')),
    ...(seed === undefined ? {} : { faultSeed: refused(() => checkFaultSeed(numberFrom(seed), '--fault-seed')) }),
  };
}

/** A decimal number as written (`0.2`, `250`); anything else (`0x1`, `1e3`) stays text, for the check to refuse as written. */
const decimal = '\\d+(?:\\.\\d+)?';

/** `250` or `20-400`. */
function latencyFrom(text: string): unknown {
  const match = new RegExp(`^\\s*(${decimal})\\s*(?:-\\s*(${decimal})\\s*)?$`).exec(text);
  if (!match) return text;
  return match[2] === undefined ? Number(match[1]) : [Number(match[1]), Number(match[2])];
}

function numberFrom(text: string): unknown {
  return new RegExp(`^\\s*${decimal}\\s*$`).test(text) ? Number(text) : text;
}

/** What the run does to API calls, and how to replay it; nothing when it does nothing. */
export function faultSummary({ latencyMs = 0, faultRate = 0, faultKinds = allFaultKinds }: FaultOptions, seed: number): string[] {
  const [min, max] = typeof latencyMs === 'number' ? [latencyMs, latencyMs] : latencyMs;
  const rerun = `seed ${seed} (rerun with --fault-seed ${seed})`;
  const lines: string[] = [];
  if (faultRate > 0) lines.push(`Faults: rate ${faultRate} of API calls (${faultKinds.join(', ')}), ${rerun}`);
  if (max > 0) lines.push(`Latency: ${min === max ? min : `${min}-${max}`} ms before each API call${min < max && faultRate === 0 ? `, ${rerun}` : ''}`);
  return lines;
}
