// `--explore` against a broken emulator (broken-emulators.ts) or the unbroken one, in-process, as
// the teeth tests and the bench run it: the scripted checks skipped (broken-emulators.test.ts
// proves the broken ones pass them), the target on a clock that moves a second at every call the
// run sends (so that times order as the calls came, as the witnesses' clock does), and each
// customer's asset quota small, the model told so, so that a quota shows within a few calls.
import { allChecks } from '../../src/contract/checks/index.js';
import { runContract, type CheckResult } from '../../src/contract/index.js';
import { callClock } from '../support/call-clock.js';
import { brokenEmulatorOptions, createBrokenEmulator, type BrokenEmulator } from './broken-emulators.js';
import { watched } from './faults.js';

/** Room for two assets: the witnesses need two of one customer's, the quota witness one more. */
const assetQuota = 2;
/** Calls of the run an asset is processed over; a settle polls until processing ends. */
const processingCalls = 3;

const unbroken: BrokenEmulator['wrap'] = (handle) => handle;

/**
 * The `explore` result of `runs` sequences from `seed` against `broken` (or the unbroken emulator),
 * from the run `from` (0, the first, unless given).
 */
export async function exploreAgainst(broken: Pick<BrokenEmulator, 'wrap'> | undefined, runs: number, seed: number, from?: number): Promise<CheckResult> {
  const clock = callClock(processingCalls);
  const tenants = brokenEmulatorOptions.tenants.map((tenant) => ({ ...tenant, assetQuota }));
  const target = watched(createBrokenEmulator({ name: 'unbroken', description: '', witness: [], wrap: broken?.wrap ?? unbroken }, { tenants, ...clock.options }).handle);
  const report = await runContract({
    baseUrl: 'http://emulator.local',
    apiKey: 'demo-key',
    secondApiKey: 'demo-key-2',
    fetch: clock.stepping(target.handle),
    assetQuota,
    pollIntervalMs: 0,
    rateLimits: false,
    skip: allChecks.map((check) => check.name),
    explore: runs,
    seed,
    ...(from === undefined ? {} : { explorePath: String(from) }),
  });
  const result = report.results.find((one) => one.name === 'explore');
  if (!result) throw new Error(`no explore result in ${JSON.stringify(report.results.map((one) => one.name))}`);
  if (report.leftBehind.length > 0) throw new Error(`the exploration left behind ${report.leftBehind.join(', ')}`);
  if (target.thrown.length > 0) throw new Error(`the broken emulator threw: ${String(target.thrown[0])}`);
  return result;
}

/** How a broken emulator must be graded: a failure, or a difference when its break is on an assumed fact. */
export const expectedGrade = (broken: BrokenEmulator) => (broken.assumed ? 'differs' : 'failed');

/** The run a path names first: the one of its seed in which the exploration first parted from the model. */
export const firstRun = (result: CheckResult) => Number(result.exploration?.path?.split(':')[0]);

/**
 * The run (from 0) of seed 1 in which the exploration first catches each broken emulator. The
 * short form starts there, for the runs before it pass and take most of the time (a break that
 * needs an earlier sequence's ids, as group-ids-reused, is caught a run or two later); the long
 * form checks these, and names the run that replaces one when a change to how sequences are drawn moves it.
 */
export const seedOneCatches: Readonly<Record<string, number>> = {
  'exact-name-filter': 3,
  'group-delete-leaves-assets-listable': 21,
  'update-touches-another-asset': 6,
  'asset-quota-freed-late': 25,
  'total-count-counts-other-projects': 7,
  'error-past-the-last-page': 6,
  'group-id-sort-ignores-order': 57,
  'group-sort-ignores-update-time': 29,
  'statuses-filter-first-only': 65,
  'update-asset-across-customers': 77,
  'get-asset-ignores-project': 37,
  'update-deleted-asset-forbidden': 7,
  'get-group-lags-description': 25,
  'total-count-counts-deleted-assets': 21,
  'group-ids-reused': 1,
  'pages-skip-an-item': 21,
  'other-project-token-pending': 11,
};

/** Issue 23's goal: each broken emulator caught within 100 sequences, from any seed, and shrunk to at most 6 calls (a settle, which polls the target, counts as one). */
export const goal = { runs: 100, seeds: [1, 2, 3, 4, 5], calls: 6 } as const;

/**
 * Where the exploration falls short of the goal today, measured from seeds 1 to 5 (every one is
 * caught from seed 1): the sequences it is given, from how many of the seeds it catches the
 * emulator within them, and the most calls it shrinks them to. These few calls in their order
 * are still drawn rarely enough that some seeds' 100 sequences miss them.
 */
export const shortfalls: Readonly<Record<string, { runs: number; seedsCaught: number; calls: number }>> = {
  'group-sort-ignores-update-time': { runs: 100, seedsCaught: 3, calls: 6 },
  'statuses-filter-first-only': { runs: 100, seedsCaught: 4, calls: 6 },
  'update-asset-across-customers': { runs: 100, seedsCaught: 4, calls: 6 },
  'get-group-lags-description': { runs: 100, seedsCaught: 4, calls: 6 },
};

/** What `broken` must meet: the goal, or its measured shortfall. */
export function expectation(broken: BrokenEmulator): { runs: number; seedsCaught: number; calls: number } {
  return shortfalls[broken.name] ?? { runs: goal.runs, seedsCaught: goal.seeds.length, calls: goal.calls };
}
