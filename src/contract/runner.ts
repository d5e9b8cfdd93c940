// Runs the checks against one server, in their run order, and cleans up what they created. A
// check that broke a fact of the reference or the upstream fails; one that only contradicted an
// assumption of the document differs, which fails the run only when it is strict. The whole run is
// bounded in time, and so is its clean-up.
import { protocol } from '../protocol/index.js';
import { excerpt, printable } from '../protocol/printable.js';
import { redactor } from '../protocol/redaction.js';
import { AssumptionStop, CheckContext, CheckFailure, type Check, type ContractSettings, type Difference, type RunState } from './context.js';
import { checksToRun } from './checks/index.js';
import { groupList } from './checks/list-bodies.js';
import { CoverageRecorder, type Coverage } from './coverage.js';
import { deadline } from './deadline.js';
import { explore, type Exploration, type ExploreOutcome } from './explore/explore.js';
import { isExplorePath, maxExploreRuns } from './explore/replay-path.js';
import { Pacer } from './pacer.js';
import { describeFailure, type ContractFetch, type ProbeTarget } from './probe.js';
import type { Reproduction } from './reproduction.js';

export type { Difference } from './context.js';
export type { Coverage } from './coverage.js';
export type { ContractFetch } from './probe.js';
export type { Reproduction } from './reproduction.js';
export type { Exploration } from './explore/explore.js';

/** How long the clean-up may take after the checks, even when they ran out of time. */
const cleanUpMs = 60_000;

/** The run's time is up: the check under way fails, and no other starts. */
class OutOfTime extends Error {
  override name = 'OutOfTime';
}

/** The caller's `signal` stopped the run: the same, but not for want of time. */
class Stopped extends Error {
  override name = 'Stopped';
}

export interface ContractOptions {
  baseUrl: string;
  apiKey: string;
  /** A key of another customer, for the tenancy checks; they are skipped without it. */
  secondApiKey?: string | undefined;
  /** Your own fetch; pass `init.signal` on, the deadline of each call. */
  fetch?: ContractFetch | undefined;
  /** Per request, the reply read whole included; 30 s by default. */
  timeoutMs?: number | undefined;
  /** The whole run, its checks' waits included; 30 min by default. The clean-up has up to a minute more. */
  maxTimeMs?: number | undefined;
  /** The most of one reply's body that is read; 10 MiB by default. A larger reply fails its check. */
  maxReplyBytes?: number | undefined;
  /** How long an asset may stay Processing; 180 s by default. */
  assetTimeoutMs?: number | undefined;
  pollIntervalMs?: number | undefined;
  /** A public image the server can download. The default only suits emulators and mocks. */
  imageUrl?: string | undefined;
  groupQuota?: number | undefined;
  /** The target's asset quota per customer, if smaller than the document's: the exploration's model keeps the same. */
  assetQuota?: number | undefined;
  /** Names of checks not to run. */
  skip?: string[] | undefined;
  /** Also send this many generated valid and invalid bodies per Action (the fuzz.<Action> checks); 0 by default. */
  fuzz?: number | undefined;
  /**
   * After the checks, this many random call sequences, each judged against an in-process emulator
   * as the model (the `explore` check); 0 by default, at most 10,000.
   */
  explore?: number | undefined;
  /** The exploration's seed; a random one by default. With a report's seed, the same sequences again. */
  seed?: number | undefined;
  /** With `seed`, fast-check's path to one shrunk sequence (`exploration.path` in a report): only that sequence runs. */
  explorePath?: string | undefined;
  /** Count a difference from an assumption of the document as a failure. */
  strict?: boolean | undefined;
  /** Keep each Action's calls within its documented rate limit (the default), or `false` not to. */
  rateLimits?: false | undefined;
  onProgress?: ((result: CheckResult) => void) | undefined;
  /** Stops the run as its max time does (Ctrl-C in `portrait-contract`): the check under way fails, the rest are skipped, and the clean-up still deletes what the run made. */
  signal?: AbortSignal | undefined;
}

export interface CheckResult {
  name: string;
  title: string;
  /** `differs`: nothing the reference or the upstream says was broken, but an assumption was contradicted. */
  status: 'passed' | 'failed' | 'skipped' | 'differs';
  durationMs: number;
  /** Why it failed or was skipped. */
  messages: string[];
  /** Where the server contradicted an assumption of the document. */
  differences: Difference[];
  /** The calls behind its failures, as curl commands, with what came back. */
  reproductions: Reproduction[];
  /** For `explore`, when it found a difference: the shrunk sequence, and the seed and path that replay it. */
  exploration?: Exploration | undefined;
}

export interface ContractReport {
  baseUrl: string;
  results: CheckResult[];
  /** The Actions called, and the replies the document shows by example that the run saw. */
  coverage: Coverage;
  /** Why the run stopped before its end, if it did: it ran out of time, or `signal` stopped it. */
  stopped: string | undefined;
  /** What stopped it, if anything did. */
  stoppedBy: 'max-time' | 'signal' | undefined;
  /** What the run made and could not delete (no reply to the delete, or an error other than NotFound). */
  leftBehind: string[];
  /** No check failed (with `strict`, none differed either). */
  passed: boolean;
  /** Differences from assumptions were counted as failures. */
  strict: boolean;
  durationMs: number;
}

/** A whole number from `min` to the longest timer (2^31 - 1), or the TypeError that names the option. */
function checked(name: string, value: number | undefined, min: number, fallback: number): number {
  const chosen = value ?? fallback;
  if (!Number.isInteger(chosen) || chosen < min || chosen > 2 ** 31 - 1) throw new TypeError(`runContract: ${name} must be a whole number from ${min} to ${2 ** 31 - 1}, not ${String(value)}`);
  return chosen;
}

export async function runContract(options: ContractOptions): Promise<ContractReport> {
  const limits = {
    timeoutMs: checked('timeoutMs', options.timeoutMs, 1, 30_000),
    maxTimeMs: checked('maxTimeMs', options.maxTimeMs, 1, 1_800_000),
    maxReplyBytes: checked('maxReplyBytes', options.maxReplyBytes, 1, 10 * 2 ** 20),
    assetTimeoutMs: checked('assetTimeoutMs', options.assetTimeoutMs, 0, 180_000),
    pollIntervalMs: checked('pollIntervalMs', options.pollIntervalMs, 0, 2_000),
    groupQuota: checked('groupQuota', options.groupQuota, 0, protocol.activeGroupQuota),
    assetQuota: checked('assetQuota', options.assetQuota, 0, protocol.assetQuota),
    fuzz: checked('fuzz', options.fuzz, 0, 0),
    explore: checked('explore', options.explore, 0, 0),
    seed: checked('seed', options.seed, 0, Math.floor(Math.random() * 2 ** 31)),
  };
  if (limits.explore > maxExploreRuns) throw new TypeError(`runContract: explore must be a whole number from 0 to ${maxExploreRuns}, not ${String(options.explore)}`);
  const explorePath = options.explorePath;
  if (explorePath !== undefined && !isExplorePath(explorePath)) {
    throw new TypeError(`runContract: explorePath must be a path as a report gives it, such as 3:0:1,AAB:A (its first number a run below ${maxExploreRuns})`);
  }
  const redact = redactor([options.apiKey, options.secondApiKey ?? '']);
  const { signal } = options;
  if (signal !== undefined && !(typeof signal.addEventListener === 'function' && typeof signal.aborted === 'boolean')) throw new TypeError('runContract: signal must be an AbortSignal');
  const stopRequest = new AbortController();
  const stop = () => stopRequest.abort(new Stopped(`the run was stopped (${excerpt(redact(stopReason(signal?.reason)), 200)})`));
  if (signal?.aborted) stop();
  else signal?.addEventListener('abort', stop, { once: true });
  const { maxTimeMs } = limits;
  const run = deadline(maxTimeMs, () => new OutOfTime(`the run is out of time (its max time is ${maxTimeMs / 1000} s)`), stopRequest.signal);
  const coverage = new CoverageRecorder();
  const target: ProbeTarget = {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch ?? ((request, init) => fetch(request, init)),
    timeoutMs: limits.timeoutMs,
    maxReplyBytes: limits.maxReplyBytes,
    redact,
    pacer: new Pacer(options.rateLimits !== false),
    stop: run.signal,
    keyVariables: new Map([
      [options.apiKey, 'PORTRAIT_API_KEY'],
      ...(options.secondApiKey ? [[options.secondApiKey, 'PORTRAIT_SECOND_API_KEY'] as const] : []),
    ]),
    coverage,
  };
  const settings: ContractSettings = {
    apiKey: options.apiKey,
    secondApiKey: options.secondApiKey,
    imageUrl: options.imageUrl ?? 'https://example.com/portrait.png',
    brokenImageUrl: 'https://example.com/contract/not-an-image.txt',
    groupQuota: limits.groupQuota,
    assetQuota: limits.assetQuota,
    assetTimeoutMs: limits.assetTimeoutMs,
    pollIntervalMs: limits.pollIntervalMs,
  };
  const state: RunState = { tag: Math.random().toString(36).slice(2, 10), groups: [], assets: [], shared: {} };
  // What the second customer made (only the exploration makes any), cleaned up as that customer.
  const secondState: RunState = { tag: state.tag, groups: [], assets: [], shared: {} };
  const skip = new Set(options.skip ?? []);
  const started = performance.now();
  const results: CheckResult[] = [];
  const leftBehind: string[] = [];
  const report = (): ContractReport => ({
    baseUrl: target.baseUrl,
    results,
    coverage: coverage.summary(),
    stopped: run.signal.aborted ? (run.signal.reason as Error).message : undefined,
    stoppedBy: !run.signal.aborted ? undefined : run.signal.reason instanceof Stopped ? 'signal' : 'max-time',
    leftBehind,
    passed: !run.signal.aborted && results.every((result) => result.status !== 'failed'),
    strict: options.strict === true,
    durationMs: Math.round(performance.now() - started),
  });
  // Stopped before it began: nothing is asked of the target, not even by the clean-up, and every check is skipped.
  const stoppedAtStart = run.signal.aborted;
  try {
    // Every check would fail the same way on an address that does not answer or a refused key:
    // one result says which, and nothing else runs.
    const unusable = stoppedAtStart ? undefined : await unusableTarget(target, settings);
    if (unusable) {
      const result: CheckResult = { name: 'reachable', title: 'the server answers, and takes the API key', status: 'failed', durationMs: Math.round(performance.now() - started), messages: [unusable.message], differences: [], reproductions: unusable.call ? [unusable.call] : [] };
      results.push(result);
      options.onProgress?.(result);
      return report();
    }
    await runChecks({ ...options, fuzz: limits.fuzz }, target, settings, state, skip, results);
    if (limits.explore > 0 && !skip.has('explore') && !run.signal.aborted) {
      // The checks leave the group quota full: the exploration starts from what the customer held before the run.
      leftBehind.push(...(await cleanUp(target, settings, state)));
      state.groups.length = 0;
      state.assets.length = 0;
      const result = await exploreCheck(target, settings, { primary: state, secondary: secondState }, { runs: limits.explore, seed: limits.seed, path: explorePath, strict: options.strict === true });
      results.push(result);
      options.onProgress?.(result);
    }
  } finally {
    run.clear();
    signal?.removeEventListener('abort', stop);
    // The clean-up gets time of its own: a run out of time still deletes what it made.
    if (!stoppedAtStart) {
      const tidy = deadline(cleanUpMs, () => new OutOfTime(`the clean-up is out of time (${cleanUpMs / 1000} s)`));
      const tidyTarget = { ...target, stop: tidy.signal };
      try {
        leftBehind.push(...(await cleanUp(tidyTarget, settings, state)));
        // Within the same time: both customers' clean-ups together get cleanUpMs.
        if (limits.explore > 0 && settings.secondApiKey) leftBehind.push(...(await cleanUp(tidyTarget, settings, secondState, 'secondary')));
      } finally {
        tidy.clear();
      }
    }
  }
  return report();
}

/**
 * Runs each check in order, skipping those whose needs did not pass, until the run is out of time.
 * A check that `runsBeside` is not waited for: the checks after it start at once, up to the first
 * that needs it, which waits for every check still running beside.
 */
async function runChecks(options: ContractOptions, target: ProbeTarget, settings: ContractSettings, state: RunState, skip: Set<string>, results: CheckResult[]): Promise<void> {
  // Checks that ran to their end without a failure: what they made, later checks may use.
  const completed = new Set<string>();
  const beside = new Map<string, Promise<void>>();
  const checks = checksToRun(options.fuzz ?? 0);
  const runCheck = async (check: Check) => {
    const checkStarted = performance.now();
    const finish = (status: CheckResult['status'], messages: string[], differences: Difference[] = [], reproductions: Reproduction[] = []) => {
      // Strict: a difference from an assumption is a failure like any other.
      const graded = status === 'differs' && options.strict === true ? 'failed' : status;
      const result = { name: check.name, title: check.title, status: graded, durationMs: Math.round(performance.now() - checkStarted), messages, differences, reproductions };
      results.push(result);
      options.onProgress?.(result);
      return graded;
    };
    const unmet = (check.needs ?? []).filter((need) => !completed.has(need));
    if (target.stop.aborted) finish('skipped', [(target.stop.reason as Error).message]);
    else if (skip.has(check.name)) finish('skipped', ['skipped on request']);
    else if (check.needsSecondKey && !settings.secondApiKey) finish('skipped', ['needs a second API key (--second-api-key)']);
    else if (unmet.length > 0) finish('skipped', [`needs ${unmet.join(', ')} to pass first`]);
    else {
      const ctx = new CheckContext(target, settings, state, check);
      const outcome = () => (ctx.violations.length > 0 ? 'failed' : ctx.differences.length > 0 ? 'differs' : 'passed');
      try {
        await check.run(ctx);
        if (finish(outcome(), ctx.violations, ctx.differences, ctx.reproductions) !== 'failed') completed.add(check.name);
      } catch (error) {
        // Stopped at a difference: what it would have made later checks use is missing, so they are skipped.
        if (error instanceof AssumptionStop) finish(outcome(), ctx.violations, ctx.differences, ctx.reproductions);
        else {
          const reason = error instanceof CheckFailure ? error.message : `the check could not finish: ${describeError(error, target.stop)}`;
          ctx.reproduce(ctx.lastCall);
          finish('failed', [printable(target.redact(reason)), ...ctx.violations], ctx.differences, ctx.reproductions);
        }
      }
    }
  };
  try {
    for (const check of checks) {
      if ((check.needs ?? []).some((need) => beside.has(need))) {
        await Promise.all(beside.values());
        beside.clear();
      }
      if (check.runsBeside) {
        const running = runCheck(check);
        // Awaited below; until then its failure (an onProgress that threw) is not unhandled.
        running.catch(() => {});
        beside.set(check.name, running);
      } else await runCheck(check);
    }
    await Promise.all(beside.values());
  } finally {
    // However the loop ended, nothing runs on into the clean-up.
    await Promise.allSettled(beside.values());
  }
  // As the checks ran in order, whichever finished first.
  const position = new Map(checks.map((check, index) => [check.name, index]));
  results.sort((a, b) => (position.get(a.name) ?? 0) - (position.get(b.name) ?? 0));
}

/** The `explore` check: random sequences judged against the emulator as the model, after the scripted checks. */
async function exploreCheck(target: ProbeTarget, settings: ContractSettings, states: { primary: RunState; secondary: RunState }, options: { runs: number; seed: number; path: string | undefined; strict: boolean }): Promise<CheckResult> {
  const started = performance.now();
  const title = `${options.runs === 1 ? '1 random call sequence' : `${options.runs} random call sequences`}, each judged against the emulator as the model (seed ${options.seed})`;
  const stateOf = (by: 'A' | 'B') => (by === 'A' ? states.primary : states.secondary);
  const kindOf = (kind: 'group' | 'asset') => (kind === 'group' ? 'groups' : 'assets');
  let outcome: ExploreOutcome;
  try {
    outcome = await explore(
      {
        target,
        keys: { A: settings.apiKey, B: settings.secondApiKey },
        settings,
        tag: states.primary.tag,
        made: (kind, by, id, project) => {
          const state = stateOf(by);
          state[kindOf(kind)].push(id);
          if (project !== undefined) (state.projects ??= new Map()).set(id, project);
        },
        gone: (kind, by, id) => {
          const ids = stateOf(by)[kindOf(kind)];
          if (ids.includes(id)) ids.splice(ids.indexOf(id), 1);
        },
      },
      options,
    );
  } catch (error) {
    outcome = { status: 'failed', messages: [printable(target.redact(`the exploration could not finish: ${describeError(error, target.stop)}`))], differences: [], exploration: undefined };
  }
  // Out of time mid-way: what ran showed no difference, but the run did not finish.
  const stopped = target.stop.aborted && outcome.status === 'passed';
  const status = stopped || (outcome.status === 'differs' && options.strict) ? 'failed' : outcome.status;
  const messages = stopped ? [(target.stop.reason as Error).message] : outcome.messages;
  return { name: 'explore', title, status, durationMs: Math.round(performance.now() - started), messages, differences: outcome.differences, reproductions: [], ...(outcome.exploration ? { exploration: outcome.exploration } : {}) };
}

/** Why no check can run against the target, if none can: no answer, no Portrait envelope, or a refused key. */
async function unusableTarget(target: ProbeTarget, settings: ContractSettings): Promise<{ message: string; call: Reproduction | undefined } | undefined> {
  const ctx = new CheckContext(target, settings, { tag: 'reachable', groups: [], assets: [], shared: {} }, { name: 'reachable' });
  let reply;
  try {
    reply = await ctx.call('ListAssetGroups', groupList());
  } catch (error) {
    return { message: printable(target.redact(`${target.baseUrl} does not answer: ${describeError(error, target.stop)}. Check --base-url, and that the server runs.`)), call: ctx.lastCall };
  }
  const code = reply.baseCode ? ` ${printable(reply.baseCode)}` : '';
  if (reply.status === 401 || reply.status === 403 || reply.baseCode === 'Unauthorized') {
    return { message: `${target.baseUrl} refused the API key (HTTP ${reply.status}${code}). Check --api-key or PORTRAIT_API_KEY.`, call: reply.call };
  }
  if (reply.error === undefined && reply.result === undefined) {
    return { message: `${target.baseUrl} answered HTTP ${reply.status} without a Portrait API envelope: is --base-url the API's base, such as https://api.alltoken.ai/v1?`, call: reply.call };
  }
  return undefined;
}

/** The most of an id left behind the report shows: well past any id the document allows. */
const shownIdLength = 200;

/** Deletes what the run created as `as`, newest first; what is already gone is fine. */
async function cleanUp(target: ProbeTarget, settings: ContractSettings, state: RunState, as: 'primary' | 'secondary' = 'primary'): Promise<string[]> {
  const ctx = new CheckContext(target, settings, state, { name: 'clean-up' });
  const left: string[] = [];
  const deleted = (reply: { result: unknown; baseCode: string | undefined }) => reply.result !== undefined || reply.baseCode === 'NotFound';
  // In its project: a NotFound in the default one would not say it is gone.
  const inItsProject = (id: string) => {
    const project = state.projects?.get(id);
    return project === undefined ? { Id: id } : { Id: id, ProjectName: project };
  };
  for (const id of [...state.assets].reverse()) {
    if (!(await ctx.call('DeleteAsset', inItsProject(id), { as }).then(deleted, () => false))) left.push(id);
  }
  for (const id of [...state.groups].reverse()) {
    if (!(await ctx.call('DeleteAssetGroup', inItsProject(id), { as }).then(deleted, () => false))) left.push(id);
  }
  // A create cut off by a deadline may have made a group whose Id never came back: found by the
  // run's tag in its name (one page of 100 holds more than any run makes).
  const tagged = await ctx.call('ListAssetGroups', groupList({ Name: `contract-${state.tag}` }), { as }).catch(() => undefined);
  for (const group of tagged?.result?.Items ?? []) {
    if (state.groups.includes(group.Id) || !String(group.Name).startsWith(`contract-${state.tag}`)) continue;
    if (!(await ctx.call('DeleteAssetGroup', { Id: group.Id }, { as }).then(deleted, () => false))) left.push(group.Id);
  }
  // The exploration keeps ids as the server sent them (it compares them unredacted): shown, they
  // are redacted, and cut short (the server chose their length; the summary makes them printable).
  return left.map((id) => target.redact(id)).map((id) => (id.length > shownIdLength ? `${id.slice(0, shownIdLength)}…` : id));
}

/** The reason a caller's signal gave, as text, whatever it is. */
function stopReason(reason: unknown): string {
  try {
    return reason instanceof Error ? reason.message : String(reason);
  } catch {
    return 'a reason that cannot be shown';
  }
}

/** Why a check could not finish; the run's own stop says so rather than the wait it cut short. */
function describeError(error: unknown, stop: AbortSignal): string {
  return stop.aborted ? (stop.reason as Error).message : describeFailure(error);
}
