// The broken emulators the model-based exploration must catch (broken-emulators.ts): each passes
// every scripted contract check with both customers' keys, answers only what the document allows,
// and still differs from the unbroken emulator, as its witness of at most 6 calls shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runContract } from '../../src/contract/index.js';
import { createEmulator } from '../../src/emulator/index.js';
import { actionNames, apiVersion, facts, isAction, protocol, validateReply } from '../../src/protocol/index.js';
import { brokenEmulatorOptions, brokenEmulators, createBrokenEmulator, startBrokenEmulator, type FetchHandler, type WitnessCall } from './broken-emulators.js';
import { fastContract } from './faults.js';
import { runWitness, witnessClock } from './witness.js';

/** `witness` as calls from `offset` on of a longer sequence, its keys swapped when `swapKeys`. */
function withOffset(witness: readonly WitnessCall[], offset: number, swapKeys: boolean): WitnessCall[] {
  return witness.map(({ action, as, body }) => {
    const moved = JSON.parse(JSON.stringify(body).replace(/"\$(\d+)"/g, (_, n: string) => `"$${Number(n) + offset}"`)) as WitnessCall['body'];
    return (as === 'secondary') === swapKeys ? { action, body: moved } : { action, as: 'secondary', body: moved };
  });
}

/** `handle`, recording every Action reply the document does not allow. */
function validated(handle: FetchHandler, invalid: string[]): FetchHandler {
  return async (request) => {
    const response = await handle(request);
    const url = new URL(request.url);
    const action = url.searchParams.get('Action');
    // The refusals of the request line come before any Action is chosen: no Action's to judge.
    const routed = request.method === 'POST' && url.pathname === protocol.endpoint && url.searchParams.get('Version') === apiVersion;
    if (!routed || !isAction(action)) return response;
    const verdict = validateReply(action, response.status, await response.clone().json());
    if (!verdict.valid) invalid.push(`${action} HTTP ${response.status}: ${verdict.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
    return response;
  };
}

describe('the broken emulators', () => {
  it('are a dozen or more, each named once and described in a sentence, an assumed fact named as the document names it', () => {
    expect(brokenEmulators.length).toBeGreaterThanOrEqual(12);
    expect(new Set(brokenEmulators.map((broken) => broken.name)).size).toBe(brokenEmulators.length);
    for (const broken of brokenEmulators) {
      expect(broken.description, broken.name).toMatch(/^[A-Z].{30,}\.$/);
      if (broken.assumed) expect(facts[broken.assumed].source, broken.name).toBe('assumed');
    }
  });

  it('between them call every Action in their witnesses', () => {
    const called = new Set(brokenEmulators.flatMap((broken) => broken.witness.map((call) => call.action)));
    expect([...called].sort()).toEqual([...actionNames].sort());
  });

  it('start on a port too, and answer there as in-process', async () => {
    const broken = brokenEmulators.find(({ name }) => name === 'asset-quota-freed-late');
    if (!broken) throw new Error('no asset-quota-freed-late');
    const socketClock = witnessClock();
    const server = await startBrokenEmulator(broken, { ...socketClock.options, port: 0 });
    try {
      const overSocket: FetchHandler = async (request) => {
        const { pathname, search } = new URL(request.url);
        return fetch(`${server.url}${pathname}${search}`, { method: request.method, headers: request.headers, body: await request.text() });
      };
      const inProcessClock = witnessClock();
      const inProcess = await runWitness(createBrokenEmulator(broken, inProcessClock.options).handle, broken.witness, inProcessClock.advance);
      expect(await runWitness(overSocket, broken.witness, socketClock.advance)).toEqual(inProcess);
    } finally {
      await server.close();
    }
  });

  // The explorer will send them far more than their witnesses: here, the witnesses' calls mixed,
  // with either key, so that each wrapper meets the others' states.
  const mixedWitnesses = fc
    .array(fc.record({ witness: fc.constantFrom(...brokenEmulators.map((broken) => broken.witness)), secondary: fc.boolean() }), { minLength: 1, maxLength: 4 })
    .map((picked) => picked.flatMap(({ witness, secondary }, index) => withOffset(witness, picked.slice(0, index).reduce((sum, one) => sum + one.witness.length, 0), secondary)));

  it.each(brokenEmulators.map((broken) => [broken.name, broken] as const))('%s answers only what the document allows, whatever mix of the witnesses comes', async (_, broken) => {
    await fc.assert(
      fc.asyncProperty(mixedWitnesses, async (calls) => {
        const clock = witnessClock();
        const replies = await runWitness(createBrokenEmulator(broken, clock.options).handle, calls, clock.advance);
        expect(replies.flatMap((reply) => reply.invalid)).toEqual([]);
        expect(replies.filter((reply) => reply.status >= 500)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

  describe.each(brokenEmulators.map((broken) => [broken.name, broken] as const))('%s', (_, broken) => {
    it('passes every scripted check with both keys, every reply valid, nothing left behind', async () => {
      const invalid: string[] = [];
      const { handle } = createBrokenEmulator(broken, { processingDelayMs: 20 });
      const report = await runContract({ ...fastContract, baseUrl: 'http://emulator.local', fetch: validated(handle, invalid) });
      // Not even a difference from an assumption: the scripted checks see nothing at all.
      const noticed = report.results.filter((result) => result.status !== 'passed');
      expect(noticed.map((result) => `${result.name} ${result.status}: ${result.messages.join(' | ')}`)).toEqual([]);
      expect(report.passed).toBe(true);
      expect(report.leftBehind).toEqual([]);
      expect(invalid).toEqual([]);
    });

    it(`differs from the unbroken emulator in a witness of ${broken.witness.length} calls, every reply valid`, async () => {
      expect(broken.witness.length).toBeLessThanOrEqual(6);
      const brokenClock = witnessClock();
      const unbrokenClock = witnessClock();
      const again = witnessClock();
      const brokenReplies = await runWitness(createBrokenEmulator(broken, brokenClock.options).handle, broken.witness, brokenClock.advance);
      const unbroken = (clock: ReturnType<typeof witnessClock>) => createEmulator({ ...brokenEmulatorOptions, ...clock.options }).handle;
      const unbrokenReplies = await runWitness(unbroken(unbrokenClock), broken.witness, unbrokenClock.advance);
      // The unbroken emulator answers the witness alike every time: the difference is the break's.
      expect(await runWitness(unbroken(again), broken.witness, again.advance)).toEqual(unbrokenReplies);
      expect([...brokenReplies, ...unbrokenReplies].flatMap((reply) => reply.invalid)).toEqual([]);
      expect(brokenReplies).not.toEqual(unbrokenReplies);
    });
  });
});
