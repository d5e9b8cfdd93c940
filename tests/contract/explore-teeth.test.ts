// `--explore` has teeth (issue 23): each emulator broken on purpose (broken-emulators.ts), as the
// target, is caught by `runContract({ explore: 100 })` (a failed `explore` check, or `differs`
// when its break is on an assumed fact), shrunk to at most 6 calls; the unbroken emulator shows no
// difference. The short form: seed 1 for every broken emulator, from the run in which it first
// catches it (explore-teeth.ts's seedOneCatches: the runs before it pass, and took most of the
// time), only that run where its break is on an assumed fact (the exploration goes on after an
// assumed difference, through every run left), and 50 sequences of the unbroken one
// (explore.test.ts explores 20 more).
// explore-teeth.long.test.ts runs seeds 1 to 5 of every one whole (those short of the goal from
// some seeds, explore-teeth.ts's shortfalls, held to what they do today), checks seedOneCatches,
// and explores 1,000 sequences of the unbroken one.
import { describe, expect, it } from 'vitest';
import { brokenEmulators } from './broken-emulators.js';
import { expectation, expectedGrade, exploreAgainst, goal, seedOneCatches, shortfalls } from './explore-teeth.js';

describe('--explore against the broken emulators (seed 1)', () => {
  it.each(brokenEmulators)('catches $name from the run where seed 1 first does, and shrinks it to at most 6 calls', async (broken) => {
    const first = seedOneCatches[broken.name];
    // A failure ends the exploration; an assumed difference does not, so that one runs alone.
    const result = await exploreAgainst(broken, broken.assumed && first !== undefined ? first + 1 : goal.runs, 1, first);
    expect(result.status, result.messages.join('\n')).toBe(expectedGrade(broken));
    expect(result.exploration?.sequence.length).toBeGreaterThan(0);
    expect(result.exploration?.sequence.length, result.messages.join('\n') || result.differences[0]?.found).toBeLessThanOrEqual(goal.calls);
  });

  it("holds every broken emulator to issue 23's goal from seed 1: a shortfall names one, and only the seeds after the first", () => {
    const names = brokenEmulators.map((broken) => broken.name);
    for (const name of Object.keys(shortfalls)) expect(names).toContain(name);
    expect(Object.keys(seedOneCatches).sort()).toEqual([...names].sort());
    for (const broken of brokenEmulators) expect(expectation(broken)).toMatchObject({ runs: goal.runs, calls: goal.calls });
  });

  it('finds no difference in the unbroken emulator over 50 sequences', async () => {
    const result = await exploreAgainst(undefined, 50, 1);
    expect({ status: result.status, messages: result.messages, differences: result.differences }).toEqual({ status: 'passed', messages: [], differences: [] });
  });
});
