// `--explore n`: n random sequences of calls, each played on the target and on a fresh in-process
// emulator as the model, compared step by step. fast-check's model-based runner (`commands`,
// `asyncModelRun`) generates, runs and shrinks them; fc.check rather than fc.assert, for the
// seed and counterexample path a replay needs. The first difference is shrunk to the shortest
// sequence that still shows it and graded by the source of the fact it breaks.
import fc from 'fast-check';
import { facts, protocol, type PaginatedAction } from '../../protocol/index.js';
import type { Difference, Judged } from '../context.js';
import { probe } from '../probe.js';
import type { Reproduction } from '../reproduction.js';
import { stepCommands, swarm } from './commands.js';
import { ExploreDifference, SequencePair, type ExploreEnvironment, type PlayedStep } from './sequence-pair.js';
import { replayLine, sequenceLines, type Replay } from './sequence-report.js';
import type { Customer } from './steps.js';

/** The most sequences one run explores: each costs tens of calls on the target. */
export const maxExploreRuns = 10_000;
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

export async function explore(env: Omit<ExploreEnvironment, 'quotas' | 'given'>, options: ExploreOptions): Promise<ExploreOutcome> {
  const environment = { ...env, quotas: await modelQuotas(env), given: new Set<string>() };
  let sequences = 0;
  let failure: { played: PlayedStep[]; error: unknown } | undefined;
  // A replay names the run and shrinks to take (fast-check's path) and which commands ran (the commands' own replay path).
  const [path, replayPath] = options.path?.split(',') ?? [];
  const commands = fc.commands(stepCommands(env.keys.B !== undefined), { maxCommands, size: 'max', ...(replayPath ? { replayPath } : {}) });
  // Out of time: the run fails at once, which ends fast-check's runs (each would still draw its
  // sequence); its shrinks fail at once too, and the outcome is no difference.
  const outOfTime = () => new Error('out of time');
  const property = fc.asyncProperty(swarm, commands, async (enabled, sequence) => {
    if (env.target.stop.aborted) throw outOfTime();
    const pair = new SequencePair(environment, ++sequences);
    try {
      await fc.asyncModelRun(() => ({ model: { enabled, made: pair.modelIds }, real: pair }), sequence);
    } catch (error) {
      if (env.target.stop.aborted) throw outOfTime();
      failure = { played: pair.played, error };
      throw error;
    } finally {
      await pair.cleanUp();
    }
  });
  const details = await fc.check(property, { seed: options.seed, numRuns: options.runs, ...(path ? { path } : {}) });
  if (env.target.stop.aborted) return { status: 'passed', messages: [], differences: [], exploration: undefined };
  if (details.failed && !failure) throw details.errorInstance;
  if (!details.failed || !failure) return { status: 'passed', messages: [], differences: [], exploration: undefined };
  const commandsPath = /replayPath="([^"]*)"/.exec(String(details.counterexample?.[1]))?.[1];
  const replay: Replay = { seed: details.seed, path: details.counterexamplePath ? [details.counterexamplePath, ...(commandsPath ? [commandsPath] : [])].join(',') : undefined };
  const { played, error } = failure;
  const redact = env.target.redact;
  const what = error instanceof ExploreDifference ? error.parting.message : `the exploration could not go on: ${error instanceof Error ? error.message : String(error)}`;
  const text = redact([`the target parted from the model at the last of ${played.length} steps: ${what}`, replayLine(replay), ...sequenceLines(played)].join('\n'));
  const sequence = played.map((step) => ({ curl: redact(step.curl ?? `# ${step.step}`), reply: redact(`target: ${step.target}; model: ${step.model}`) }));
  const exploration = { ...replay, sequence };
  const judged: Judged = error instanceof ExploreDifference ? error.parting.judged : 'behaviours.actions';
  const fact = typeof judged === 'string' ? { fact: judged, ...facts[judged] } : judged;
  if (fact.source !== 'assumed') return { status: 'failed', messages: [text], differences: [], exploration };
  return { status: 'differs', messages: [], differences: [{ fact: fact.fact, assumed: fact.says, found: text, call: sequence.at(-1) }], exploration };
}

/** The document's quotas less what each customer of the target holds already, which the model's customers do not. */
async function modelQuotas(env: Omit<ExploreEnvironment, 'quotas' | 'given'>): Promise<ExploreEnvironment['quotas']> {
  const held = async (action: PaginatedAction, by: Customer) => {
    if (env.keys[by] === undefined) return 0;
    const reply = await probe(env.target, { action, body: { PageNumber: 1, PageSize: 1 }, apiKey: env.keys[by] }).catch(() => undefined);
    const count = (reply?.result as { TotalCount?: unknown } | undefined)?.TotalCount;
    return typeof count === 'number' ? count : 0;
  };
  const quota = async (by: Customer) => ({
    groupQuota: Math.max(0, env.settings.groupQuota - (await held('ListAssetGroups', by))),
    assetQuota: Math.max(0, env.settings.assetQuota - (await held('ListAssets', by))),
  });
  return { A: await quota('A'), B: await quota('B') };
}
