// What no rule foresaw, a bug, answered the same way by every server: a 500 InternalError in the
// API's envelope with one message, the reason in the log and never in the reply; in-process, the
// caller sees the error itself.
import { afterEach, expect, it } from 'vitest';
import { createEmulator, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { actionRequest } from '../support/calls.js';
import { origin } from './harness.js';
import type { Envelope } from '../support/http.js';

let broken = false;
/** A clock that fails once `broken` is set: a stand-in for any bug behind the gateway. */
const clock = () => {
  if (broken) throw new RangeError('the clock is broken');
  return Date.UTC(2026, 2, 18);
};
let running: RunningEmulator | undefined;
afterEach(async () => {
  broken = false;
  await running?.close();
  running = undefined;
});

const listGroups = (base: string) => actionRequest(base, 'ListAssetGroups', {});

it('rejects an in-process call with the error itself', async () => {
  const emulator = createEmulator({ clock });
  broken = true;
  await expect(emulator.handle(listGroups(origin))).rejects.toThrow(new RangeError('the clock is broken'));
});

it('answers over HTTP with the 500 every server gives, the reason only in the log', async () => {
  const lines: string[] = [];
  running = await startEmulator({ port: 0, clock, log: (line) => lines.push(line) });
  broken = true;
  const reply = await fetch(listGroups(running.url));
  const body = (await reply.json()) as Envelope;
  expect(reply.status).toBe(500);
  expect(body.ResponseMetadata.Action).toBe('ListAssetGroups');
  expect(body.ResponseMetadata.Error).toEqual({ Code: 'InternalError', Message: 'The emulator failed unexpectedly while handling this request.' });
  await expect.poll(() => lines.join('\n')).toContain('the clock is broken');
});
