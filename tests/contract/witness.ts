// Runs a broken emulator's witness (broken-emulators.ts) and gives its replies in a form two
// emulators can be compared on, as the model-based exploration compares them: HTTP status,
// Error.Code and Result, ids written as the call that made them (`$n`), and without what differs
// from run to run anyway (RequestIds, messages, times, signed URLs, H5 links).
import { isAction, validateReply } from '../../src/protocol/index.js';
import { callClock, type CallClock } from '../support/call-clock.js';
import { actionRequest } from '../support/calls.js';
import type { Envelope } from '../support/http.js';
import type { FetchHandler, WitnessCall } from './broken-emulators.js';

export interface WitnessReply {
  action: string;
  status: number;
  code?: string | undefined;
  result?: unknown;
  /** What the document finds wrong with the reply as sent; empty when it is valid. */
  invalid: string[];
}

const keys = { primary: 'demo-key', secondary: 'demo-key-2' } as const;
const notCompared = new Set(['CreateTime', 'UpdateTime', 'URL', 'H5Link']);

/** The clock a witness runs on: a second later at every call, and a new asset still Processing when the witness ends. */
export function witnessClock(): CallClock {
  return callClock(60);
}

/** Sends `calls` in turn through `handle`, stepping the clock, each `"$n"` replaced by the id call n made. */
export async function runWitness(handle: FetchHandler, calls: readonly WitnessCall[], advance: () => void): Promise<WitnessReply[]> {
  const made: (string | undefined)[] = [];
  const replies: WitnessReply[] = [];
  for (const call of calls) {
    advance();
    const body = JSON.parse(JSON.stringify(call.body), (_, value: unknown) => (typeof value === 'string' && /^\$\d+$/.test(value) ? made[Number(value.slice(1))] : value)) as unknown;
    const response = await handle(actionRequest('http://emulator.local', call.action, body, keys[call.as ?? 'primary']));
    const envelope = (await response.json()) as Envelope;
    const validation = isAction(call.action) ? validateReply(call.action, response.status, envelope) : { valid: false, issues: [] };
    const result = envelope.Result;
    const id = result?.Id ?? result?.GroupId ?? result?.BytedToken;
    made.push(typeof id === 'string' ? id : undefined);
    replies.push({
      action: call.action,
      status: response.status,
      code: envelope.ResponseMetadata.Error?.Code,
      result,
      invalid: validation.valid ? [] : validation.issues.map((issue) => `${issue.path} ${issue.message}`),
    });
  }
  return replies.map((reply) => ({ ...reply, result: comparable(reply.result, made) }));
}

/** `value` with every id a call made written `$n`, and the fields not compared left out. */
function comparable(value: unknown, made: readonly (string | undefined)[]): unknown {
  if (typeof value === 'string') {
    const index = made.indexOf(value);
    return index === -1 ? value : `$${index}`;
  }
  if (Array.isArray(value)) return value.map((item) => comparable(item, made));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([name, item]) => (notCompared.has(name) ? [] : [[name, comparable(item, made)]])));
}
