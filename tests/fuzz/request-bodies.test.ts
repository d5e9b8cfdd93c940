// For every Action: generated valid bodies are accepted and answered in the spec; generated
// invalid ones get MissingParameter or InvalidParameter; nothing gets a 5xx, and rejected
// requests change nothing. FUZZ_RUNS sets the bodies per Action and kind: 50 in `npm test`, 1,000 in `npm run test:long`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenBody, codePoint, validBody } from '../../src/contract/request-bodies.js';
import { createEmulator } from '../../src/emulator/index.js';
import { actionNames, describeIssues, validateReply, type Action } from '../../src/protocol/index.js';
import { actionRequest } from '../support/calls.js';
import type { Envelope } from '../support/http.js';

const runs = Number(process.env.FUZZ_RUNS ?? 50);


async function send(emulator: ReturnType<typeof createEmulator>, action: Action, text: string, key = 'demo-key') {
  const response = await emulator.handle(
    actionRequest('http://emulator.local', action, text, key),
  );
  const body = (await response.json()) as Envelope<{ TotalCount?: number }>;
  const check = validateReply(action, response.status, body);
  expect(check.valid ? '' : describeIssues(check.issues), `${action} ${response.status}`).toBe('');
  expect(response.status).toBeLessThan(500);
  return { status: response.status, code: body.ResponseMetadata.Error?.Code, body };
}

/** What a customer can see of its state: the counts of its groups and assets. */
async function visibleState(emulator: ReturnType<typeof createEmulator>) {
  const groups = await send(emulator, 'ListAssetGroups', '{}');
  const assets = await send(emulator, 'ListAssets', '{}');
  return [groups.body.Result?.TotalCount, assets.body.Result?.TotalCount];
}

describe.each(actionNames)('%s', (action) => {
  it(`accepts ${runs} generated valid bodies and answers each in the spec`, async () => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    await fc.assert(
      fc.asyncProperty(validBody(action), async (body) => {
        const reply = await send(emulator, action, JSON.stringify(body));
        expect(reply.code?.split('.')[0] ?? 'none', JSON.stringify(body).slice(0, 200)).not.toMatch(/^(MissingParameter|InvalidParameter)$/);
      }),
      { numRuns: runs },
    );
  }, 120_000);

  it(`refuses ${runs} generated invalid bodies with a parameter error, and changes nothing`, async () => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    await send(emulator, 'CreateAssetGroup', '{"Name":"kept"}');
    const before = await visibleState(emulator);
    await fc.assert(
      fc.asyncProperty(brokenBody(action), async ({ text, how }) => {
        const reply = await send(emulator, action, text);
        expect(reply.status, how).toBe(400);
        expect(reply.code, how).toMatch(/^(MissingParameter|InvalidParameter)(\.|$)/);
      }),
      { numRuns: runs },
    );
    expect(await visibleState(emulator)).toEqual(before);
  }, 120_000);
});

// The generator's own code point unit (request-bodies.ts's codePoint) stands in for fast-check's
// `unit: 'binary'`, whose first use costs a second of CPU: it must draw and shrink the same strings,
// or a seed would no longer replay what it did.
describe("the generator's code points", () => {
  it("draws the strings fast-check's binary unit draws, from the same seeds", () => {
    for (const [minLength, maxLength] of [[0, 40], [1, 64], [0, 80]] as const) {
      for (let seed = 1; seed <= 50; seed++) {
        const sample = (unit: 'binary' | fc.Arbitrary<string>) => fc.sample(fc.string({ unit, minLength, maxLength }), { seed, numRuns: 10 });
        expect(sample(codePoint)).toEqual(sample('binary'));
      }
    }
  });

  it("shrinks as fast-check's binary unit shrinks", () => {
    const shrunk = (unit: 'binary' | fc.Arbitrary<string>) => {
      const found = fc.check(fc.property(fc.string({ unit, minLength: 1, maxLength: 64 }), (text) => !/[\u{1000}-\u{10ffff}]/u.test(text) || text.length < 3), { seed: 7, numRuns: 500 });
      return { counterexample: found.counterexample, shrinks: found.numShrinks, path: found.counterexamplePath };
    };
    expect(shrunk(codePoint).shrinks).toBeGreaterThan(0);
    expect(shrunk(codePoint)).toEqual(shrunk('binary'));
  });

  it('maps back only one code point outside the surrogates', () => {
    for (const text of ['a', '\u{10ffff}', '\u{e000}', '\u{d7ff}']) expect(codePoint.canShrinkWithoutContext(text)).toBe(true);
    for (const text of ['', 'ab', '\u{d800}', '\u{dfff}', 42]) expect(codePoint.canShrinkWithoutContext(text)).toBe(false);
  });
});
