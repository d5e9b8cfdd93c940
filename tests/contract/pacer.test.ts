// The run keeps each Action's calls within the rate limit the document gives, per API key.
import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/contract/pacer.js';
import { actions } from '../../src/protocol/index.js';

/** A clock that moves only when the pacer sleeps, recording when each call was let through. */
function pacedCalls(pacer: (clock: { now(): number; sleep(ms: number): Promise<void> }) => Pacer) {
  let now = 0;
  const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
  const instance = pacer(clock);
  const sentAt: number[] = [];
  return {
    async send(action: string, key = 'k', count = 1) {
      for (let i = 0; i < count; i++) {
        await instance.wait(action, key);
        sentAt.push(now);
      }
      return sentAt;
    },
  };
}

describe('the pacer', () => {
  it.each(Object.entries(actions))('%s: at most the documented calls in any window, then the next once the window has passed', async (action, { rateLimit }) => {
    const { requests, perSeconds } = rateLimit;
    const calls = pacedCalls((clock) => new Pacer(true, clock));
    const sentAt = await calls.send(action, 'k', requests * 2 + 1);
    const windowMs = perSeconds * 1000;
    for (let i = requests; i < sentAt.length; i++) {
      expect((sentAt[i] ?? 0) - (sentAt[i - requests] ?? 0), `call ${i + 1}`).toBeGreaterThan(windowMs);
    }
    expect(sentAt.slice(0, requests).every((time) => time === 0)).toBe(true);
  });

  it('counts each key and Action on its own', async () => {
    const calls = pacedCalls((clock) => new Pacer(true, clock));
    const { requests } = actions.GetVisualValidateResult.rateLimit;
    await calls.send('GetVisualValidateResult', 'a', requests);
    await calls.send('GetVisualValidateResult', 'b', requests);
    const sentAt = await calls.send('CreateVisualValidateSession', 'a', 1);
    expect(sentAt.every((time) => time === 0)).toBe(true);
  });

  it('holds nothing back when off, or for a name that is no Action', async () => {
    const off = pacedCalls((clock) => new Pacer(false, clock));
    expect((await off.send('DeleteAssetGroup', 'k', 50)).every((time) => time === 0)).toBe(true);
    const unknown = pacedCalls((clock) => new Pacer(true, clock));
    expect((await unknown.send('DeleteEverything', 'k', 50)).every((time) => time === 0)).toBe(true);
  });
});

describe('waiting out a refusal', () => {
  function pacerWithClock() {
    let now = 0;
    const waits: number[] = [];
    const pacer = new Pacer(false, { now: () => now, sleep: async (ms) => void (waits.push(ms), (now += ms)) });
    return { pacer, waits };
  }

  it("waits as Retry-After asks, 1 s when it says nothing usable, at most 10 s however much it asks", async () => {
    const { pacer, waits } = pacerWithClock();
    for (const header of ['2', null, 'soon', '-3', '0', '86400', 'Infinity']) expect(await pacer.waitOut(header)).toBe(true);
    expect(waits).toEqual([2000, 1000, 1000, 1000, 1000, 10_000, 1000]);
  });

  it('stops waiting once the run has waited a minute in all', async () => {
    const { pacer, waits } = pacerWithClock();
    const answers: boolean[] = [];
    for (let i = 0; i < 10; i++) answers.push(await pacer.waitOut('30'));
    expect(answers).toEqual([true, true, true, true, true, true, false, false, false, false]);
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBe(60_000);
  });
});
