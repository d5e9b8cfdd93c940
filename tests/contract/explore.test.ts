// `--explore`: random call sequences judged against the emulator as the model. The unbroken
// emulator shows no difference; each deliberately broken one is caught and shrunk to a few calls,
// its seed and path replay it, its report holds the sequence and no key, the run's max time stops
// it with everything cleaned up and what it found kept, and the target's rate limits hold.
// EXPLORE_RUNS sets the sequences of the no-difference test: 20 in `npm test`
// (explore-teeth.test.ts explores 50 more of the unbroken emulator), 1,000 in `npm run test:long`.
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/contract/checks/index.js';
import { formatCheck, runContract, toJson, type ContractFetch, type ContractOptions } from '../../src/contract/index.js';
import { createEmulator } from '../../src/emulator/index.js';
import { otherProject } from '../../src/contract/explore/commands.js';
import { compareReplies, TimeMemory, type ComparisonView } from '../../src/contract/explore/comparison.js';
import { IdMap } from '../../src/contract/explore/id-map.js';
import type { CallStep } from '../../src/contract/explore/steps.js';
import { apiVersion } from '../../src/protocol/index.js';
import { callClock } from '../support/call-clock.js';
import { actionRequest, groupsHeld } from '../support/calls.js';
import { answerInstead, editReplies, editRequests, envelope, errorEnvelope, faultRequestId, type Fault } from './faults.js';

const runs = Number(process.env.EXPLORE_RUNS ?? 20);
// No run of eight characters in common with the explorer's names and projects (`explore-other`): the
// probe redacts any such run of a key from the replies.
const keys = { apiKey: 'first-secret-key-one', secondApiKey: 'second-secret-key-two' };
const tenants = [
  { customerId: 'one', apiKeys: [keys.apiKey] },
  { customerId: 'two', apiKeys: [keys.secondApiKey] },
];
/** Only the exploration: the scripted checks are tested elsewhere. */
const onlyExplore = { ...keys, baseUrl: 'http://emulator.local', pollIntervalMs: 0, assetTimeoutMs: 5_000, rateLimits: false, skip: allChecks.map((check) => check.name) } as const;

/**
 * The emulator, broken by `fault`, on a clock that moves a second at every call: an asset is
 * Processing for three calls, so that a settle polls without waiting in real time.
 */
function target(fault: Fault = (handle) => handle, groupQuota?: number) {
  const clock = callClock(3);
  const emulator = createEmulator({ tenants: tenants.map((tenant) => ({ ...tenant, groupQuota })), rateLimits: false, ...clock.options });
  return { emulator, fetch: clock.stepping(fault((request) => emulator.handle(request))) };
}

async function exploreResult(options: Partial<ContractOptions> & { fetch: ContractOptions['fetch'] }) {
  const report = await runContract({ ...onlyExplore, ...options });
  const result = report.results.find((one) => one.name === 'explore');
  if (!result) throw new Error(`no explore result in ${JSON.stringify(report.results.map((one) => one.name))}`);
  return { report, result };
}

/** What a customer of the emulator holds in a project (the default one unless named). */
async function holdings(emulator: ReturnType<typeof createEmulator>, key: string, project?: string): Promise<number[]> {
  const count = async (action: string) => {
    const response = await emulator.handle(actionRequest('http://emulator.local', action, project === undefined ? {} : { ProjectName: project }, key));
    return ((await response.json()) as { Result: { TotalCount: number } }).Result.TotalCount;
  };
  return [await count('ListAssetGroups'), await count('ListAssets')];
}

/** A sequence's calls without what each run names its own way: the emulator's ids and the run's names. */
const calls = (steps: { curl: string }[] | undefined) => steps?.map(({ curl }) => curl.replace(/contract-\w+-\d+/g, 'NAME').replace(/(group|asset)-\d{14}-[0-9a-z]{5}/g, '$1-ID'));

const actionOf = (request: Request) => new URL(request.url).searchParams.get('Action');

/** Answers `action` through the emulator, then edits the Result with the request (and its body) at hand. */
function editWithRequest(action: string, edit: (body: Record<string, unknown>, result: Record<string, unknown>, request: Request) => Response | undefined): Fault {
  return (handle) => async (request) => {
    if (actionOf(request) !== action) return handle(request);
    const sent = JSON.parse(await request.clone().text()) as Record<string, unknown>;
    const response = await handle(request);
    const reply = (await response.clone().json()) as { Result?: Record<string, unknown> };
    return (reply.Result && edit(sent, reply.Result, request)) ?? response;
  };
}

/** A slot of the group quota a delete frees comes back only after one more refusal. */
const quotaFreedLate: Fault = (handle) => {
  const freed = new Set<string>();
  return async (request) => {
    const key = request.headers.get('Authorization') ?? '';
    if (actionOf(request) === 'CreateAssetGroup' && freed.delete(key)) {
      if ((await groupsHeld(handle, key.replace(/^Bearer /, ''))) + 1 >= smallQuota) return errorEnvelope('CreateAssetGroup', 'QuotaExceeded', 403);
    }
    const response = await handle(request);
    if (actionOf(request) === 'DeleteAssetGroup' && response.ok) freed.add(key);
    return response;
  };
};
const smallQuota = 2;

/** A page past the end answers an error: the document assumes an empty page. */
const pastTheEndAnError = editWithRequest('ListAssets', (sent, result) =>
  Number(sent.PageNumber ?? 1) > 1 && (result.Items as unknown[]).length === 0
    ? errorEnvelope('ListAssets', 'InvalidParameter.PageNumber', 400)
    : undefined,
);

/** GetAssetGroup answers NotFound for a group the target holds: a difference at that very step. */
const groupsHidden: Fault = (handle) => async (request) => {
  const response = await handle(request);
  return actionOf(request) === 'GetAssetGroup' && response.status === 200 ? errorEnvelope('GetAssetGroup', 'NotFound', 404) : response;
};

/**
 * `fetch`, answering nothing after the first call `stallsAfter` picks until the run is out of time,
 * as each call's signal follows the run's: the run's max time, not this machine's speed, ends what
 * came after. Every call after that one, the clean-up's, is answered.
 */
function stalling(fetch: ContractFetch, stallsAfter: (request: Request, response: Response) => Promise<boolean> | boolean): ContractFetch {
  let stage: 'answering' | 'stalling' | 'stalled' = 'answering';
  return async (request, init) => {
    if (stage === 'stalling') {
      stage = 'stalled';
      if (!init.signal.aborted) await new Promise((resolve) => init.signal.addEventListener('abort', resolve, { once: true }));
      throw init.signal.reason;
    }
    const response = await fetch(request, init);
    if (stage === 'answering' && (await stallsAfter(request, response))) stage = 'stalling';
    return response;
  };
}

/** Whether the fault made `response` up: its RequestId is `faultRequestId`. */
async function madeUp(response: Response): Promise<boolean> {
  if (!response.headers.get('content-type')?.includes('json')) return false;
  const sent = (await response.clone().json()) as { ResponseMetadata?: { RequestId?: string } };
  return sent.ResponseMetadata?.RequestId === faultRequestId;
}

/** The emulator broken by `fault`, stalling after the first reply the fault made up. */
function stallingAfterBreak(fault: Fault): ContractFetch {
  return stalling(target(fault).fetch, (_, response) => madeUp(response));
}

/**
 * Emulators broken in ways the scripted checks walk past, beside the seventeen of
 * broken-emulators.ts that explore-teeth.test.ts runs; `seed` is one that reaches the break
 * within 100 sequences.
 */
const broken: { broken: string; fault: Fault; groupQuota?: number; seed?: number }[] = [
  { broken: 'DeleteAsset answers success and deletes nothing', fault: answerInstead('DeleteAsset', () => true, () => envelope('DeleteAsset', {})) },
  { broken: "ListAssetGroups lists the default project's groups whatever ProjectName says", fault: editRequests('ListAssetGroups', (body) => delete body.ProjectName) },
  // It takes two creates, a delete and a create by one customer in that order.
  { broken: 'the group quota is freed late', fault: quotaFreedLate, groupQuota: smallQuota, seed: 2 },
];

describe('--explore', () => {
  it(`finds no difference between the unbroken emulator and the model over ${runs} sequences`, async () => {
    const { fetch } = target();
    const { report, result } = await exploreResult({ fetch, explore: runs });
    expect({ messages: result.messages, differences: result.differences }).toEqual({ messages: [], differences: [] });
    expect(result.status).toBe('passed');
    expect(report.leftBehind).toEqual([]);
  }, 300_000);

  it.each(broken)('$broken: caught and shrunk to at most 6 calls', async ({ fault, groupQuota, seed = 1 }) => {
    const { fetch } = target(fault, groupQuota);
    const { result } = await exploreResult({ fetch, explore: 100, seed, groupQuota });
    expect(result.status).toBe('failed');
    expect(result.exploration?.sequence.length).toBeGreaterThan(0);
    expect(result.exploration?.sequence.length).toBeLessThanOrEqual(6);
  });

  it('replays the shrunk sequence from its seed and path, and the report holds it without a key', async () => {
    const fault = broken[0]!.fault;
    // A fixed seed: a replay is exact where the sequence names no id the run made in an earlier
    // sequence, which some seeds' shrunk sequences do (see docs/contract.md).
    const first = await exploreResult({ fetch: target(fault).fetch, explore: 100, seed: 1 });
    const { seed, path, sequence } = first.result.exploration ?? {};
    expect(path).toMatch(/^\d+(:\d+)*(,\S+)?$/);
    const again = await exploreResult({ fetch: target(fault).fetch, explore: 1, seed, explorePath: path });
    expect(again.result.status).toBe('failed');
    expect(again.result.title).toMatch(/^1 random call sequence, /);
    expect(again.result.messages[0]?.split('\n')[0]).toBe(first.result.messages[0]?.split('\n')[0]);
    // The same calls; each emulator makes its own ids and the run its own names.
    expect(calls(again.result.exploration?.sequence)).toEqual(calls(sequence));
    const json = JSON.parse(toJson(first.report)) as { results: { name: string; exploration?: { seed: number; path: string; sequence: { curl: string }[] } }[] };
    const stored = json.results.find((one) => one.name === 'explore')?.exploration;
    expect(stored).toMatchObject({ seed, path });
    expect(stored?.sequence[0]?.curl).toMatch(/^curl .*\$PORTRAIT_(SECOND_)?API_KEY/);
    const shown = [formatCheck(first.result), toJson(first.report)].join('\n');
    expect(shown).toContain('curl ');
    expect(shown).not.toContain(keys.apiKey);
    expect(shown).not.toContain(keys.secondApiKey);
  }, 120_000);

  // Each of these waits on the clock (the max time, the rate limits) more than it computes: they
  // wait together.
  describe.concurrent('on the clock', () => {
    it('stops at the max time, and leaves nothing behind on either customer', async ({ expect }) => {
      const { emulator, fetch } = target();
      // The run is out of time in the middle of a sequence, while each customer holds something it made.
      const customers = [keys.apiKey, keys.secondApiKey];
      const holds = async (key: string) => [...(await holdings(emulator, key)), ...(await holdings(emulator, key, otherProject))].some((count) => count > 0);
      const bothHold = async (request: Request, response: Response) => /^Create/.test(actionOf(request) ?? '') && response.ok && (await Promise.all(customers.map(holds))).every(Boolean);
      const { report, result } = await exploreResult({ fetch: stalling(fetch, bothHold), explore: 10_000, maxTimeMs: 3_000 });
      expect(report.stopped).toMatch(/out of time/);
      expect(result.status).toBe('failed');
      expect(report.leftBehind).toEqual([]);
      for (const key of customers) {
        expect(await holdings(emulator, key)).toEqual([0, 0]);
        expect(await holdings(emulator, key, otherProject)).toEqual([0, 0]);
      }
    }, 60_000);

    it('keeps a difference it found when the max time ends the shrinking: the steps so far, and the run that replays them', async ({ expect }) => {
      const { report, result } = await exploreResult({ fetch: stallingAfterBreak(groupsHidden), explore: 100, seed: 1, maxTimeMs: 3_000 });
      expect(report.stopped).toMatch(/out of time/);
      expect(result.status).toBe('failed');
      expect(result.messages[0]).toMatch(/^the target parted from the model at the last of \d+ steps: GetAssetGroup /);
      expect(result.messages[0]).toContain('the shrinking was cut short (the run is out of time (its max time is 3 s)): these are the fewest steps found so far');
      const { seed, path, sequence } = result.exploration ?? {};
      expect(sequence?.at(-1)?.curl).toContain('Action=GetAssetGroup');
      expect(path).toMatch(/^\d+$/);
      // The run it names parts from the model again, and is shrunk this time.
      const again = await exploreResult({ fetch: target(groupsHidden).fetch, explore: 1, seed, explorePath: path });
      expect(again.result.status).toBe('failed');
      expect(again.result.messages[0]).toMatch(/steps: GetAssetGroup /);
      expect(again.result.exploration?.sequence.length).toBeLessThanOrEqual(sequence?.length ?? 0);
      expect(report.leftBehind).toEqual([]);
    }, 60_000);

    it('keeps an assumed difference it noted when the max time ends the run', async ({ expect }) => {
      const { report, result } = await exploreResult({ fetch: stallingAfterBreak(pastTheEndAnError), explore: 100, seed: 1, maxTimeMs: 3_000 });
      expect(report.stopped).toMatch(/out of time/);
      expect(report.passed).toBe(false);
      expect(result.status).toBe('differs');
      expect(result.differences.map((difference) => difference.found.split('\n')[0])).toEqual([expect.stringMatching(/^the target parted from the model at the last of \d+ steps: ListAssets /)]);
    }, 60_000);

    it("keeps to the target's documented rate limits", async ({ expect }) => {
      // The target keeps the document's limits; the run paces its calls to them.
      const emulator = createEmulator({ tenants, processingDelayMs: 20 });
      const refused: string[] = [];
      const fetch = async (request: Request) => {
        const response = await emulator.handle(request);
        if (response.status === 429) refused.push(String(actionOf(request)));
        return response;
      };
      const { result } = await exploreResult({ fetch, explore: 3, seed: 3, rateLimits: undefined });
      expect(result.status).toBe('passed');
      expect(refused).toEqual([]);
    }, 120_000);
  });

  it("prints a server's Error.Code cut and on one line: a line feed in it forged a passing line", async () => {
    const forged = `InvalidParameter\n  ✓ explore   all fine${'A'.repeat(200_000)}`;
    const refuse = answerInstead('CreateAssetGroup', () => true, () =>
      errorEnvelope('CreateAssetGroup', forged, 400),
    );
    const { result } = await exploreResult({ fetch: target(refuse).fetch, explore: 20, seed: 1 });
    expect(result.status).toBe('failed');
    const printed = formatCheck(result);
    expect(printed).toContain('CreateAssetGroup answered HTTP 400 InvalidParameter\\u000a');
    expect(printed).not.toContain('\n  ✓ explore');
    expect(printed.length).toBeLessThan(20_000);
  });

  // The review's server: a page past the end answers an error (an assumed fact), and GetAssetGroup
  // finds either customer's group whatever the key (tenancy, a fact of the reference).
  const pastTheEndAndLeak: Fault = (handle) => async (request) => {
    if (actionOf(request) !== 'GetAssetGroup') return pastTheEndAnError(handle)(request);
    for (const key of [keys.apiKey, keys.secondApiKey]) {
      const headers = new Headers(request.headers);
      headers.set('Authorization', `Bearer ${key}`);
      const response = await handle(new Request(request.url, { method: 'POST', headers, body: await request.clone().text() }));
      if (response.ok) return response;
    }
    return handle(request);
  };

  // Seeds whose sequences meet a page past the end before the leak (from seed 2 the leak comes first,
  // and is reported alone). Each shows the defect, an exploration that stops at the assumed
  // difference and misses the leak: `npm test` runs the quickest, `npm run test:long` all three.
  const leakSeeds = process.env.PORTRAIT_LONG_TESTS === '1' ? [4, 5, 7] : [5];
  it.each(leakSeeds)('reports an assumed difference and goes on to find a tenancy leak beside it (seed %i)', async (seed) => {
    const { result } = await exploreResult({ fetch: target(pastTheEndAndLeak).fetch, explore: 100, seed });
    expect(result.status).toBe('failed');
    expect(result.messages.join('\n')).toMatch(/GetAssetGroup/);
    expect(result.differences.map((difference) => difference.fact)).toEqual(['behaviours.pastTheLastPage']);
  });

  it('shrinks an assumed difference found with no failure, and its seed and path replay it', async () => {
    const first = await exploreResult({ fetch: target(pastTheEndAnError).fetch, explore: 30, seed: 1 });
    expect(first.result.status).toBe('differs');
    const { seed, path, sequence } = first.result.exploration ?? {};
    expect(sequence?.length).toBeLessThanOrEqual(6);
    const again = await exploreResult({ fetch: target(pastTheEndAnError).fetch, explore: 1, seed, explorePath: path });
    expect(again.result.status).toBe('differs');
    expect(calls(again.result.exploration?.sequence)).toEqual(calls(sequence));
    // --strict fails on it.
    const strict = await exploreResult({ fetch: target(pastTheEndAnError).fetch, explore: 1, seed, explorePath: path, strict: true });
    expect(strict.result.status).toBe('failed');
  });

  it('counts the groups a customer holds in the other project the exploration uses: the group quota covers every project', async () => {
    const { emulator, fetch } = target(undefined, 3);
    for (const name of ['held-one', 'held-two']) {
      const response = await emulator.handle(actionRequest('http://emulator.local', 'CreateAssetGroup', { Name: name, ProjectName: otherProject }, keys.apiKey));
      expect(response.status).toBe(200);
    }
    const { result } = await exploreResult({ fetch, explore: 50, seed: 1, groupQuota: 3 });
    expect(result.messages).toEqual([]);
    expect(result.status).toBe('passed');
  });

  it.each([1.5, -5, 'many'])('refuses a quota probe whose TotalCount is %s, naming it, rather than guess a quota', async (count) => {
    const absurdCount = editWithRequest('ListAssetGroups', (sent, result) => (sent.PageSize === 1 ? envelope('ListAssetGroups', { ...result, TotalCount: count }) : undefined));
    const { result } = await exploreResult({ fetch: target(absurdCount).fetch, explore: 5, seed: 1 });
    expect(result.status).toBe('failed');
    expect(result.messages.join('\n')).toContain(`ListAssetGroups answered TotalCount ${JSON.stringify(count)}, not a whole number from 0 up`);
  });

  it('names the group quota when a target refuses a create under it, with no delete before', async () => {
    const { result } = await exploreResult({ fetch: target(undefined, 1).fetch, explore: 50, seed: 1, groupQuota: 2 });
    expect(result.status).toBe('failed');
    expect(result.messages[0]?.split('\n')[0]).toMatch(/CreateAssetGroup answered HTTP 403 QuotaExceeded; the model answered HTTP 200 with a Result \(against protocol.activeGroupQuota, a fact of the reference\)$/);
  });

  it("compares the target's replies as sent: a key sharing eight characters with a project's name makes no difference, and is shown nowhere", async () => {
    const sharing = { apiKey: `key-${otherProject}-one`, secondApiKey: `key-${otherProject}-two` };
    const clock = callClock(3);
    const emulator = createEmulator({ tenants: [{ customerId: 'one', apiKeys: [sharing.apiKey] }, { customerId: 'two', apiKeys: [sharing.secondApiKey] }], rateLimits: false, ...clock.options });
    const fetch = clock.stepping((request) => emulator.handle(request));
    const { report, result } = await exploreResult({ ...sharing, fetch, explore: 20, seed: 1 });
    expect(result.messages).toEqual([]);
    expect(result.status).toBe('passed');
    const shown = [formatCheck(result), toJson(report)].join('\n');
    expect(shown).not.toContain(sharing.apiKey);
    expect(shown).not.toContain(sharing.secondApiKey);
  });

  it('shows a difference in a value that holds the key with the key redacted', async () => {
    const echoKey = editWithRequest('GetAssetGroup', (_sent, result, request) =>
      envelope('GetAssetGroup', { ...result, Name: `${String(result.Name)} ${request.headers.get('Authorization')?.replace('Bearer ', '') ?? ''}` }),
    );
    const { report, result } = await exploreResult({ fetch: target(echoKey).fetch, explore: 50, seed: 1 });
    expect(result.status).toBe('failed');
    expect(result.messages[0]).toMatch(/Name is/);
    const shown = [formatCheck(result), toJson(report)].join('\n');
    expect(shown).not.toContain(keys.apiKey);
    expect(shown).not.toContain(keys.secondApiKey);
  });

  it('fails on a broken schema in a reply whose status, an assumed fact, is also wrong: the worst problem decides', async () => {
    const wrongStatusAndName = editWithRequest('GetAssetGroup', (_sent, result) =>
      Response.json({ ResponseMetadata: { RequestId: 'F'.repeat(32), Action: 'GetAssetGroup', Version: apiVersion }, Result: { ...result, Name: 12345 } }, { status: 299 }),
    );
    const { result } = await exploreResult({ fetch: target(wrongStatusAndName).fetch, explore: 50, seed: 5 });
    expect(result.status).toBe('failed');
    expect(result.messages.join('\n')).toMatch(/Name/);
  });

  it('reports an asset the target never finishes processing, where the model\'s ends (the settle waits at most assetTimeoutMs)', async () => {
    const neverFinishes = editReplies('GetAsset', (body) => {
      if (body.Result) (body.Result as { Status: string }).Status = 'Processing';
    });
    const { result } = await exploreResult({ fetch: target(neverFinishes).fetch, explore: 50, seed: 1, assetTimeoutMs: 1 });
    expect(result.status).toBe('failed');
    expect(result.messages[0]?.split('\n')[0]).toMatch(/asset [AB]#\d+ is still Processing after 1 ms of polling; the model's is "(Active|Failed)" \(against behaviours.asyncProcessing/);
  });

  it('bounds what it holds and prints of a value the target sent: a 1 MB Id', async () => {
    const hugeId = `group-${'x'.repeat(1_000_000)}`;
    const huge = editReplies('CreateAssetGroup', (body) => {
      if (body.Result) (body.Result as { Id: string }).Id = hugeId;
    });
    const { report, result } = await exploreResult({ fetch: target(huge).fetch, explore: 20, seed: 1 });
    expect(result.status).not.toBe('passed');
    const shown = [formatCheck(result), toJson(report)].join('\n');
    expect(shown).toContain('group-xxxx');
    expect(shown.length).toBeLessThan(100_000);
  });

  it('reports nothing left behind that the target deleted: a delete whose reply was lost, a group deleted with its assets', async () => {
    const answered = new Set<string>();
    // Each delete is done, but the first reply for each id never arrives.
    const loseReplies: Fault = (handle) => async (request) => {
      const action = actionOf(request);
      if (action !== 'DeleteAsset' && action !== 'DeleteAssetGroup') return handle(request);
      const { Id } = JSON.parse(await request.clone().text()) as { Id: string };
      const response = await handle(request);
      if (!response.ok || answered.has(Id)) return response;
      answered.add(Id);
      throw new TypeError('connection reset');
    };
    const { emulator, fetch } = target(loseReplies);
    const { report, result } = await exploreResult({ fetch, explore: 50, seed: 1 });
    expect(result.messages[0]).toMatch(/Delete\w+ got no reply/);
    expect(report.leftBehind).toEqual([]);
    for (const key of [keys.apiKey, keys.secondApiKey]) {
      expect(await holdings(emulator, key)).toEqual([0, 0]);
      expect(await holdings(emulator, key, otherProject)).toEqual([0, 0]);
    }
  });

  it("reports what it could not delete in the other project, not a delete in the default project's NotFound", async () => {
    // Deletes in the other project fail, during the exploration and its clean-ups alike.
    const otherProjectDeletesFail: Fault = (handle) => async (request) => {
      const action = actionOf(request);
      const sent = (await request.clone().text()) || '{}';
      if ((action === 'DeleteAsset' || action === 'DeleteAssetGroup') && (JSON.parse(sent) as { ProjectName?: string }).ProjectName === otherProject) {
        return errorEnvelope(String(action), 'InternalError', 500);
      }
      return handle(request);
    };
    const { emulator, fetch } = target(otherProjectDeletesFail);
    const { report } = await exploreResult({ fetch, explore: 20, seed: 1 });
    const [groups = 0, assets = 0] = await holdings(emulator, keys.apiKey, otherProject);
    const [groupsOfB = 0, assetsOfB = 0] = await holdings(emulator, keys.secondApiKey, otherProject);
    expect(groups + assets + groupsOfB + assetsOfB).toBeGreaterThan(0);
    expect(report.leftBehind).toHaveLength(groups + assets + groupsOfB + assetsOfB);
  });

  it.each([
    ['explore', { explore: -1 }],
    ['explore', { explore: 10_001 }],
    ['explore', { explore: 1.5 }],
    ['seed', { seed: -2 }],
    ['assetQuota', { assetQuota: 1.5 }],
    ['explorePath', { explorePath: 'not a path' }],
    // A run fast-check would draw every run before, for minutes.
    ['explorePath', { explorePath: '99999999' }],
    ['explorePath', { explorePath: '10000:0' }],
  ])('refuses a bad %s at once, naming it', async (name, options) => {
    await expect(runContract({ ...onlyExplore, fetch: target().fetch, ...options })).rejects.toThrow(new RegExp(`${name} must`));
  });
});

// A token the model's clock (moved on by settles) has aged past its lifetime may end on the model
// alone; any other token's result is compared, settles or not.
describe('--explore compares token results', () => {
  const view = (tokenAged: boolean): ComparisonView => ({ target: new IdMap(), model: new IdMap(), settled: true, tokenAged, times: new TimeMemory(), groupDeleted: false });
  // Customer A asks for the result of customer B's token: the model answers as for an unknown token.
  const othersToken: CallStep = { kind: 'call', action: 'GetVisualValidateResult', as: 'A', body: { BytedToken: { $ref: { made: 'token', index: 0, by: 'B' } } } };
  const pending = { status: 200, code: 'ValidatePending', result: undefined };
  const invalid = { status: 200, code: 'InvalidToken', result: undefined };

  it("reports a target that answers another customer's token as pending, after a settle, when the model's token has not aged", () => {
    expect(compareReplies(othersToken, pending, invalid, view(false))).toMatchObject({ judged: 'behaviours.tenancy', message: expect.stringMatching(/answered HTTP 200 ValidatePending; the model answered HTTP 200 InvalidToken/) });
  });

  it("excuses a token the model's clock has aged past its lifetime", () => {
    expect(compareReplies(othersToken, pending, invalid, view(true))).toBeUndefined();
  });
});

// An asset's UpdateTime is also the moment its processing ended, which each side chooses.
describe('--explore compares lists of assets', () => {
  // After a settle, A#0 renamed and A#1 done processing: on the target A#0's moment came last, on the model A#1's.
  const ids = { target: ['asset-t0', 'asset-t1'], model: ['asset-m0', 'asset-m1'] };
  const view = (): ComparisonView => {
    const maps = { target: new IdMap(), model: new IdMap() };
    for (const side of ['target', 'model'] as const) {
      maps[side].add('group', 'A', `group-${side}`);
      for (const id of ids[side]) maps[side].add('asset', 'A', id);
    }
    return { ...maps, settled: true, tokenAged: false, times: new TimeMemory(), groupDeleted: false };
  };
  const item = (side: 'target' | 'model', index: number, updated: string) => ({
    Id: ids[side][index], GroupId: `group-${side}`, Name: `asset-${index}`, AssetType: 'Image', Status: 'Active', CreateTime: '2026-01-01T00:00:00Z', UpdateTime: updated,
  });
  const page = (items: Record<string, unknown>[]) => ({ status: 200, code: undefined, result: { Items: items, TotalCount: items.length, PageNumber: 1, PageSize: 10 } });
  const byUpdateTime: CallStep = { kind: 'call', action: 'ListAssets', as: 'A', body: { SortBy: 'UpdateTime', SortOrder: 'Desc' } };

  it("takes the target's order by UpdateTime, where the model's assets finished processing in another order (a run once parted them there)", () => {
    const target = page([item('target', 0, '2026-03-18T07:21:01Z'), item('target', 1, '2026-03-18T07:21:00Z')]);
    const model = page([item('model', 1, '2026-01-01T00:01:03Z'), item('model', 0, '2026-01-01T00:01:02Z')]);
    expect(compareReplies(byUpdateTime, target, model, view())).toBeUndefined();
  });

  it('still reports a page of other assets than the model lists', () => {
    const target = page([item('target', 0, '2026-03-18T07:21:01Z')]);
    const model = page([item('model', 1, '2026-01-01T00:01:03Z')]);
    expect(compareReplies(byUpdateTime, target, model, view())).toMatchObject({ judged: 'behaviours.listFilters', message: 'ListAssets: the Items are asset A#0; the model lists asset A#1' });
  });
});
