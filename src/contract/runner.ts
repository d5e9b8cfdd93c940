// Runs the checks against one server, in their run order, and cleans up what they created. A
// check that broke a fact of the reference or the upstream fails; one that only contradicted an
// assumption of the document differs, which fails the run only when it is strict.
import { protocol } from '../protocol/index.js';
import { AssumptionStop, CheckContext, CheckFailure, type ContractSettings, type Difference, type RunState } from './context.js';
import { checksToRun } from './checks/index.js';
import { groupList } from './checks/list-bodies.js';
import { Pacer } from './pacer.js';
import type { ProbeTarget } from './probe.js';

export type { Difference } from './context.js';

export interface ContractOptions {
  baseUrl: string;
  apiKey: string;
  /** A key of another customer, for the tenancy checks; they are skipped without it. */
  secondApiKey?: string | undefined;
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Per request; 30 s by default. */
  timeoutMs?: number | undefined;
  /** How long an asset may stay Processing; 180 s by default. */
  assetTimeoutMs?: number | undefined;
  pollIntervalMs?: number | undefined;
  /** A public image the server can download. The default only suits emulators and mocks. */
  imageUrl?: string | undefined;
  groupQuota?: number | undefined;
  /** Names of checks not to run. */
  skip?: string[] | undefined;
  /** Also send this many generated valid and invalid bodies per Action (the fuzz.<Action> checks); 0 by default. */
  fuzz?: number | undefined;
  /** Count a difference from an assumption of the document as a failure. */
  strict?: boolean | undefined;
  /** Keep each Action's calls within its documented rate limit (the default), or `false` not to. */
  rateLimits?: false | undefined;
  onProgress?: ((result: CheckResult) => void) | undefined;
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
}

export interface ContractReport {
  baseUrl: string;
  results: CheckResult[];
  /** No check failed (with `strict`, none differed either). */
  passed: boolean;
  /** Differences from assumptions were counted as failures. */
  strict: boolean;
  durationMs: number;
}

export async function runContract(options: ContractOptions): Promise<ContractReport> {
  const keys = [options.apiKey, options.secondApiKey].filter((key): key is string => Boolean(key));
  const redact = (text: string) => keys.reduce((safe, key) => safe.replaceAll(key, '[redacted]'), text);
  const target: ProbeTarget = {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch ?? ((request) => fetch(request)),
    timeoutMs: options.timeoutMs ?? 30_000,
    redact,
    pacer: new Pacer(options.rateLimits !== false),
  };
  const settings: ContractSettings = {
    apiKey: options.apiKey,
    secondApiKey: options.secondApiKey,
    imageUrl: options.imageUrl ?? 'https://example.com/portrait.png',
    brokenImageUrl: 'https://example.com/contract/not-an-image.txt',
    groupQuota: options.groupQuota ?? protocol.activeGroupQuota,
    assetTimeoutMs: options.assetTimeoutMs ?? 180_000,
    pollIntervalMs: options.pollIntervalMs ?? 2_000,
  };
  const state: RunState = { tag: Math.random().toString(36).slice(2, 10), groups: [], assets: [], shared: {} };
  const skip = new Set(options.skip ?? []);
  const started = performance.now();
  const results: CheckResult[] = [];
  // Every check would fail the same way on an address that does not answer or a refused key:
  // one result says which, and nothing else runs.
  const unusable = await unusableTarget(target, settings);
  if (unusable) {
    const result: CheckResult = { name: 'reachable', title: 'the server answers, and takes the API key', status: 'failed', durationMs: Math.round(performance.now() - started), messages: [unusable], differences: [] };
    options.onProgress?.(result);
    return { baseUrl: target.baseUrl, results: [result], passed: false, strict: options.strict === true, durationMs: result.durationMs };
  }
  // Checks that ran to their end without a failure: what they made, later checks may use.
  const completed = new Set<string>();
  try {
    for (const check of checksToRun(options.fuzz ?? 0)) {
      const checkStarted = performance.now();
      const finish = (status: CheckResult['status'], messages: string[], differences: Difference[] = []) => {
        // Strict: a difference from an assumption is a failure like any other.
        const graded = status === 'differs' && options.strict === true ? 'failed' : status;
        const result = { name: check.name, title: check.title, status: graded, durationMs: Math.round(performance.now() - checkStarted), messages, differences };
        results.push(result);
        options.onProgress?.(result);
        return graded;
      };
      const unmet = (check.needs ?? []).filter((need) => !completed.has(need));
      if (skip.has(check.name)) finish('skipped', ['skipped on request']);
      else if (check.needsSecondKey && !settings.secondApiKey) finish('skipped', ['needs a second API key (--second-api-key)']);
      else if (unmet.length > 0) finish('skipped', [`needs ${unmet.join(', ')} to pass first`]);
      else {
        const ctx = new CheckContext(target, settings, state, check);
        const outcome = () => (ctx.violations.length > 0 ? 'failed' : ctx.differences.length > 0 ? 'differs' : 'passed');
        try {
          await check.run(ctx);
          if (finish(outcome(), ctx.violations, ctx.differences) !== 'failed') completed.add(check.name);
        } catch (error) {
          // Stopped at a difference: what it would have made later checks use is missing, so they are skipped.
          if (error instanceof AssumptionStop) finish(outcome(), ctx.violations, ctx.differences);
          else {
            const reason = error instanceof CheckFailure ? error.message : `the check could not finish: ${describeError(error)}`;
            finish('failed', [redact(reason), ...ctx.violations], ctx.differences);
          }
        }
      }
    }
  } finally {
    await cleanUp(target, settings, state);
  }
  return {
    baseUrl: target.baseUrl,
    results,
    passed: results.every((result) => result.status !== 'failed'),
    strict: options.strict === true,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Why no check can run against the target, if none can: no answer, no Portrait envelope, or a refused key. */
async function unusableTarget(target: ProbeTarget, settings: ContractSettings): Promise<string | undefined> {
  const ctx = new CheckContext(target, settings, { tag: 'reachable', groups: [], assets: [], shared: {} }, { name: 'reachable' });
  let reply;
  try {
    reply = await ctx.call('ListAssetGroups', groupList());
  } catch (error) {
    return target.redact(`${target.baseUrl} does not answer: ${describeError(error)}. Check --base-url, and that the server runs.`);
  }
  if (reply.status === 401 || reply.status === 403 || reply.baseCode === 'Unauthorized') {
    return `${target.baseUrl} refused the API key (HTTP ${reply.status}${reply.baseCode ? ` ${reply.baseCode}` : ''}). Check --api-key or PORTRAIT_API_KEY.`;
  }
  if (reply.error === undefined && reply.result === undefined) {
    return `${target.baseUrl} answered HTTP ${reply.status} without a Portrait API envelope: is --base-url the API's base, such as https://api.alltoken.ai/v1?`;
  }
  return undefined;
}

/** Deletes what the run created, newest first; what is already gone is fine. */
async function cleanUp(target: ProbeTarget, settings: ContractSettings, state: RunState) {
  const ctx = new CheckContext(target, settings, state, { name: 'clean-up' });
  for (const id of [...state.assets].reverse()) await ctx.call('DeleteAsset', { Id: id }).catch(() => undefined);
  for (const id of [...state.groups].reverse()) await ctx.call('DeleteAssetGroup', { Id: id }).catch(() => undefined);
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
