// `--explore n`: n random sequences of calls, each played on the target and on a fresh in-process
// emulator as the model, compared step by step. fast-check's model-based runner (`commands`,
// `asyncModelRun`) generates, runs and shrinks them; fc.check rather than fc.assert, for the
// seed and counterexample path a replay needs. The first difference on a fact of the reference or
// the upstream is shrunk to the shortest sequence that still shows it; the first on an assumed fact
// is noted as found (a difference, not a failure) and the exploration goes on, so that it cannot
// hide a failure.
import fc from 'fast-check';
import type { PaginatedAction } from '../../protocol/index.js';
import { excerpt } from '../../protocol/printable.js';
import { factOf, type Difference } from '../context.js';
import { probe } from '../probe.js';
import type { Reproduction } from '../reproduction.js';
import { otherProject, stepCommands, swarm } from './commands.js';
import type { Parting } from './comparison.js';
import { ExploreDifference, SequencePair, type ExploreEnvironment, type PlayedStep } from './sequence-pair.js';
import { replayLine, sequenceLines, type Replay } from './sequence-report.js';
import type { Customer } from './steps.js';

/** The longest sequence: long enough to reach a read after a create and an update, short on the model's clock (a second a call) beside its processing. */
const maxCommands = 60;

export interface ExploreOptions extends Replay {
  runs: number;
}

/** A difference the exploration found, as a report holds it: the shrunk sequence, and the seed and path that replay it. */
export interface Exploration extends Replay {
  /** Each step as a curl command (a settle as a `#` comment), with the target's and the model's replies. */
  sequence: Reproduction[];
}

export interface ExploreOutcome {
  status: 'passed' | 'failed' | 'differs';
  messages: string[];
  differences: Difference[];
  exploration: Exploration | undefined;
}

type ExploreInput = Omit<ExploreEnvironment, 'quotas' | 'given' | 'assumed'>;

/** A sequence as played, and the seed and path that replay it. */
interface Sequence {
  played: PlayedStep[];
  replay: Replay;
  /** Why the shrinking was cut short (the run's max time, or its stop): `played` is the shortest found so far, and `replay` runs the sequence it was shrunk from. */
  shrinkCut?: string;
}

/** What one search found: the shrunk sequence that failed, and the first assumed difference noted. */
interface Search {
  failure: (Sequence & { error: ExploreDifference }) | undefined;
  assumed: (Sequence & { parting: Parting }) | undefined;
}

export async function explore(env: ExploreInput, options: ExploreOptions): Promise<ExploreOutcome> {
  const shared = { quotas: await modelQuotas(env), given: new Set<string>() };
  const passed: ExploreOutcome = { status: 'passed', messages: [], differences: [], exploration: undefined };
  const found = await search(env, shared, options, 'noted');
  if (found.failure) return failedOutcome(env, found.failure, found.assumed);
  if (!found.assumed) return passed;
  if (env.target.stop.aborted) return differsOutcome(env, found.assumed);
  // No failure: the assumed difference's run again, where it fails, for fast-check to shrink it.
  const shrunk = (await search(env, shared, { ...options, path: found.assumed.replay.path }, 'failed')).failure;
  if (!shrunk) return differsOutcome(env, found.assumed);
  const { parting } = shrunk.error;
  // Shrinking it reached a difference on a fact of the reference or the upstream: a failure the assumed one hid.
  if (factOf(parting.judged).source !== 'assumed') return failedOutcome(env, shrunk, found.assumed);
  return differsOutcome(env, { ...shrunk, parting });
}

function failedOutcome(env: ExploreInput, failure: Sequence & { error: ExploreDifference }, assumed: (Sequence & { parting: Parting }) | undefined): ExploreOutcome {
  const { parting } = failure.error;
  const { fact, source } = factOf(parting.judged);
  const { text, exploration } = shown(env, failure, `${parting.message} (against ${fact}, a fact of the ${source})`);
  return { status: 'failed', messages: [text], differences: assumed ? [noted(env, assumed)] : [], exploration };
}

function differsOutcome(env: ExploreInput, sequence: Sequence & { parting: Parting }): ExploreOutcome {
  return { status: 'differs', messages: [], differences: [noted(env, sequence)], exploration: shown(env, sequence, sequence.parting.message).exploration };
}

async function search(env: ExploreInput, shared: Pick<ExploreEnvironment, 'quotas' | 'given'>, options: ExploreOptions, assumedDifference: 'noted' | 'failed'): Promise<Search> {
  let sequences = 0;
  let failed: { played: PlayedStep[]; error: ExploreDifference } | undefined;
  /** The path of the run that failed first, before any shrink: what replays `failed` if the run's time ends the shrinking. */
  let failedRun: string | undefined;
  let fault: unknown;
  let assumed: Search['assumed'];
  const environment: ExploreEnvironment = {
    ...env,
    ...shared,
    assumed: (parting, played) => {
      if (assumedDifference === 'failed') throw new ExploreDifference(parting);
      // Only before a failure: a shrink's sequence has no path of its own to replay it by.
      if (assumed || failed) return;
      assumed = { played: [...played], parting, replay: { seed: options.seed, path: runPath(options.path, sequences - 1) } };
    },
  };
  // A replay names the run and shrinks to take (fast-check's path) and which commands ran (the commands' own replay path).
  const [path, replayPath] = options.path?.split(',') ?? [];
  const commands = fc.commands(stepCommands(env.keys.B !== undefined), { maxCommands, size: 'max', ...(replayPath ? { replayPath } : {}) });
  // Out of time: the run fails at once, which ends fast-check's runs (each would still draw its
  // sequence); its shrinks fail at once too, and the outcome is no difference.
  const outOfTime = () => new Error('out of time');
  // The swarm is not shrunk: shrinking it first left the commands' replay state at odds with what ran, and sequences of 20 steps stayed unshrunk.
  const property = fc.asyncProperty(fc.noShrink(swarm), commands, async (enabled, sequence) => {
    if (env.target.stop.aborted) throw outOfTime();
    // The toolkit failed, not the target: nothing to shrink, so fast-check's shrinks end at once.
    if (fault !== undefined) throw fault;
    const pair = new SequencePair(environment, ++sequences);
    try {
      await fc.asyncModelRun(() => ({ model: { enabled, made: pair.modelIds, quotas: environment.quotas }, real: pair }), sequence);
    } catch (error) {
      if (env.target.stop.aborted) throw outOfTime();
      if (error instanceof ExploreDifference) {
        if (!failed) failedRun = runPath(options.path, sequences - 1);
        failed = { played: pair.played, error };
      } else fault = error;
      throw error;
    } finally {
      await pair.cleanUp();
    }
  });
  const details = await fc.check(property, { seed: options.seed, numRuns: options.runs, ...(path ? { path } : {}) });
  // Out of time while shrinking: what was found is kept, as far as it was shrunk (fast-check's
  // verdict is not: the shrinks the stop cut short failed too).
  if (env.target.stop.aborted) return { failure: failed && { ...failed, replay: { seed: options.seed, path: failedRun }, shrinkCut: (env.target.stop.reason as Error).message }, assumed };
  if (!details.failed) return { failure: undefined, assumed };
  if (fault !== undefined) throw new ToolkitFault(fault);
  if (!failed) throw details.errorInstance;
  const commandsPath = /replayPath="([^"]*)"/.exec(String(details.counterexample?.[1]))?.[1];
  const replay: Replay = { seed: details.seed, path: details.counterexamplePath ? [details.counterexamplePath, ...(commandsPath ? [commandsPath] : [])].join(',') : undefined };
  return { failure: { ...failed, replay }, assumed };
}

/**
 * The path that replays the sequence at `index` (from 0) of a search that started at `path`
 * (fast-check's run number, or a shrunk sequence's path; from the first run when none): the run's
 * number, moved on by where the search started. A shrunk sequence's path replays only itself.
 */
function runPath(path: string | undefined, index: number): string | undefined {
  if (path === undefined) return String(index);
  if (index === 0) return path;
  return /^\d+$/.test(path) ? String(Number(path) + index) : undefined;
}

/** The exploration itself failed (its model, the toolkit's emulator, broke the document, or a fault of its own): no fault of the target's. */
export class ToolkitFault extends Error {
  override name = 'ToolkitFault';
  constructor(cause: unknown) {
    super(`a fault of the toolkit, not of the target (please report it): ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** A sequence as a report shows it: redacted, numbered, with the line that replays it. */
function shown(env: ExploreInput, { played, replay, shrinkCut }: Sequence, what: string): { text: string; exploration: Exploration } {
  const redact = env.target.redact;
  const cut = shrinkCut ? [`the shrinking was cut short (${shrinkCut}): these are the fewest steps found so far, and the replay runs the sequence they came from`] : [];
  return {
    text: redact([`the target parted from the model at the last of ${played.length} steps: ${what}`, ...cut, replayLine(replay), ...sequenceLines(played)].join('\n')),
    exploration: { ...replay, sequence: played.map((step) => ({ curl: redact(step.curl ?? `# ${step.step}`), reply: redact(`target: ${step.target}; model: ${step.model}`) })) },
  };
}

/** An assumed difference as a report holds it. */
function noted(env: ExploreInput, sequence: Sequence & { parting: Parting }): Difference {
  const { text, exploration } = shown(env, sequence, sequence.parting.message);
  const fact = factOf(sequence.parting.judged);
  return { fact: fact.fact, assumed: fact.says, found: text, call: exploration.sequence.at(-1) };
}

/** The projects the run can know of: the default, and the one the exploration makes resources in. */
const knownProjects = [undefined, otherProject];

/**
 * The document's quotas less what each customer of the target holds already (in every project
 * the run can know of: a quota covers them all), which the model's customers do not.
 */
async function modelQuotas(env: ExploreInput): Promise<ExploreEnvironment['quotas']> {
  const held = async (action: PaginatedAction, by: Customer) => {
    let total = 0;
    for (const project of env.keys[by] === undefined ? [] : knownProjects) {
      const body = { PageNumber: 1, PageSize: 1, ...(project === undefined ? {} : { ProjectName: project }) };
      const reply = await probe(env.target, { action, body, apiKey: env.keys[by] }).catch(() => undefined);
      const count = (reply?.result as { TotalCount?: unknown } | undefined)?.TotalCount;
      if (count === undefined) continue;
      if (!Number.isSafeInteger(count) || (count as number) < 0) {
        throw new Error(`${action} answered TotalCount ${excerpt(JSON.stringify(count) ?? String(count), 40)}, not a whole number from 0 up: what the customer holds, and so the model's quota, cannot be known`);
      }
      total += count as number;
    }
    return total;
  };
  const quota = async (by: Customer) => ({
    groupQuota: Math.max(0, env.settings.groupQuota - (await held('ListAssetGroups', by))),
    assetQuota: Math.max(0, env.settings.assetQuota - (await held('ListAssets', by))),
  });
  return { A: await quota('A'), B: await quota('B') };
}
