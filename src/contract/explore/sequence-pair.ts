// One sequence played on both sides in step: the target through the contract's probe (deadline,
// bounded read, pacer, redaction), the model as a fresh in-process emulator with both customers
// and a clock of its own. Each side resolves a step's refs through its own ids; the replies are
// compared. A difference on a fact of the reference or the upstream ends the sequence, which
// fast-check then shrinks; one on an assumed fact is recorded and the sequence goes on (after a
// write the two sides' states may have parted, so its remaining steps are skipped).
import { createEmulator, type Emulator } from '../../emulator/portable.js';
import { protocol, validateReply, describeIssues, type Action, type ErrorObject } from '../../protocol/index.js';
import { excerpt } from '../../protocol/printable.js';
import { sleep } from '../../protocol/sleep.js';
import { factOf, type ContractSettings } from '../context.js';
import { describeFailure, NoReply, probe, type ProbeReply, type ProbeTarget } from '../probe.js';
import { compareReplies, show, TimeMemory, type ComparisonView, type Parting, type SideReply } from './comparison.js';
import { IdMap } from './id-map.js';
import { askModel } from './model.js';
import { linkedValue } from '../../protocol/links.js';
import { createdKind, describeStep, isPlaceholder, type CallStep, type Customer, type Made, type Step } from './steps.js';

export interface ExploreEnvironment {
  target: ProbeTarget;
  /** The target's key of each customer; B's is missing without a second key. */
  keys: Record<Customer, string | undefined>;
  settings: ContractSettings;
  /** The run's tag: every name the exploration gives holds it, so the run's clean-up finds them. */
  tag: string;
  /** The model's quotas per customer: the document's, less what the target's customer holds already. */
  quotas: Record<Customer, { groupQuota: number; assetQuota: number }>;
  /** Every id the target's creates gave in this exploration, over all its sequences: none may come twice. */
  given: Set<string>;
  /** The target broke an assumed fact at the last of `played`: noted, and the exploration goes on. */
  assumed(parting: Parting, played: readonly PlayedStep[]): void;
  /** An id the target made (in `project`, when not the default), kept for the run's clean-up until `gone` says it is deleted. */
  made(kind: 'group' | 'asset', by: Customer, id: string, project: string | undefined): void;
  gone(kind: 'group' | 'asset', by: Customer, id: string): void;
}

/** A step as played: how to send it to the target again, and both replies, printable. */
export interface PlayedStep {
  step: string;
  curl: string | undefined;
  target: string;
  model: string;
}

/** The target parted from the model. */
export class ExploreDifference extends Error {
  override name = 'ExploreDifference';
  constructor(readonly parting: Parting) {
    super(parting.message);
  }
}

const modelKeys: Record<Customer, string> = { A: 'explore-model-a', B: 'explore-model-b' };
const tokenLifetimeMs = protocol.bytedTokenLifetimeSeconds * 1000;
/** Longer than any sequence runs on the model's clock (a second a call), so only a settle ends its processing; shorter than a token's life. */
const modelProcessingMs = 60_000;
/** Each call moves the model's clock a second on: every change it makes shows in its whole-second times. */
const modelStepMs = 1000;
const modelMedia = { good: 'https://example.com/explore/portrait.png', broken: 'https://example.com/explore/not-an-image.txt' } as const;
const shownReply = 400;

export class SequencePair {
  readonly played: PlayedStep[] = [];
  readonly #ids = { target: new IdMap(), model: new IdMap() };
  readonly #model: Emulator;
  /** The project of each id the target made outside the default one: its Gets and Deletes name it. */
  readonly #projects = new Map<string, string>();
  readonly #view: ComparisonView;
  #now = Date.UTC(2026, 0, 1);
  /** Each side's previous reply, where a link's expression finds the values it stands for. */
  #previous: { action: Action | undefined; target: { Result: unknown }; model: { Result: unknown } } = { action: undefined, target: { Result: undefined }, model: { Result: undefined } };
  /** When (on the model's clock) each of the model's tokens was made. */
  readonly #tokensMadeAt = new Map<string, number>();
  /** The model's group of each asset the model made: a group's delete deletes them. */
  readonly #groupOf = new Map<string, string>();
  /** An assumed difference on a write parted the two sides' states: the sequence's further steps prove nothing. */
  #parted = false;

  constructor(
    private readonly env: ExploreEnvironment,
    private readonly sequence: number,
  ) {
    this.#model = createEmulator({
      tenants: (['A', 'B'] as const).map((by) => ({ customerId: `explore-${by}`, apiKeys: [modelKeys[by]], ...env.quotas[by] })),
      clock: () => this.#now,
      processingDelayMs: modelProcessingMs,
      rateLimits: false,
    });
    this.#view = { target: this.#ids.target, model: this.#ids.model, settled: true, tokenAged: false, times: new TimeMemory(), groupDeleted: false };
  }

  /** What the model made so far: a step on something the sequence made waits for one. */
  get modelIds(): IdMap {
    return this.#ids.model;
  }

  async play(step: Step): Promise<void> {
    if (this.#parted) return;
    if (step.kind === 'settle') return this.#settle();
    // A link is followed only from a reply of its Action that gives what it takes (the model's: the target's is compared with it).
    const unlinked = (value: unknown) => isPlaceholder(value) && '$reply' in value && (value.from !== this.#previous.action || linkedValue(value.$reply, this.#previous.model) === undefined);
    if (Object.values(step.body).some(unlinked)) return;
    this.#now += modelStepMs;
    const bodies = { target: this.#resolve(step.body, 'target'), model: this.#resolve(step.body, 'model') };
    const model = await this.#callModel(step, bodies.model);
    const { target, reply } = await this.#callTarget(step, bodies.target, model.text);
    this.played.push({ step: describeStep(step), curl: reply.call.curl, target: target.text, model: model.text });
    this.#previous = { action: step.action, target: { Result: target.result }, model: { Result: model.result } };
    const made = createdKind(step.action);
    const targetId = idIn(made, target.result);
    let reused: string | undefined;
    if (made && typeof targetId === 'string') {
      if (this.env.given.has(targetId)) reused = targetId;
      this.env.given.add(targetId);
      this.#ids.target.add(made, step.as, targetId);
      const project = (bodies.target as { ProjectName?: unknown }).ProjectName;
      if (typeof project === 'string') this.#projects.set(targetId, project);
      if (made !== 'token') this.env.made(made, step.as, targetId, typeof project === 'string' ? project : undefined);
    }
    const token = (bodies.model as { BytedToken?: unknown }).BytedToken;
    const tokenMadeAt = typeof token === 'string' ? this.#tokensMadeAt.get(token) : undefined;
    this.#view.tokenAged = tokenMadeAt !== undefined && this.#now - tokenMadeAt >= tokenLifetimeMs;
    // The worst source among the reply's problems decides, as in the scripted checks: an assumed one (a status) must not hide a broken schema.
    const violation = reply.violations.find((one) => one.source !== 'assumed') ?? reply.violations[0];
    const parting = violation ? { judged: { fact: violation.fact, source: violation.source, says: 'Every reply fits the document.' }, message: violation.message } : compareReplies(step, target, model, this.#view);
    this.#judge(parting, !readsOnly(step));
    // An id two creates gave: calls with the first one's reach the second, which the model never does.
    if (reused !== undefined) throw new ExploreDifference({ judged: 'behaviours.actions', message: `${step.action} gave ${show(reused)}, an id an earlier create of this exploration gave` });
    const modelId = idIn(made, model.result);
    if (made && typeof modelId === 'string') this.#ids.model.add(made, step.as, modelId);
    if (made === 'token' && typeof modelId === 'string') this.#tokensMadeAt.set(modelId, this.#now);
    if (made === 'asset' && typeof modelId === 'string') {
      this.#view.settled = false;
      this.#groupOf.set(modelId, String((bodies.model as { GroupId?: unknown }).GroupId));
    }
    if (model.result && (step.action === 'DeleteAsset' || step.action === 'DeleteAssetGroup')) this.#deleted(step.action === 'DeleteAsset' ? 'asset' : 'group', String((bodies.model as { Id?: unknown }).Id));
    if (step.action === 'DeleteAssetGroup' && model.result) this.#view.groupDeleted = true;
  }

  /** A parting on a fact of the reference or the upstream ends the sequence; one on an assumed fact is noted, and after a write the sides' states may differ. */
  #judge(parting: Parting | undefined, wrote: boolean): void {
    if (parting && factOf(parting.judged).source !== 'assumed') throw new ExploreDifference(parting);
    if (parting) {
      this.env.assumed(parting, this.played);
      if (wrote) this.#parted = true;
    }
  }

  /** The model deleted `modelId` (a group with its assets): marked deleted at the same place on both sides, so that refs to what exists pass it by. */
  #deleted(kind: 'group' | 'asset', modelId: string): void {
    const marked = (made: 'group' | 'asset', id: string) => {
      for (const by of ['A', 'B'] as const) {
        const index = this.#ids.model.indexOf(made, by, id);
        if (index < 0) continue;
        this.#ids.model.delete(made, by, index);
        this.#ids.target.delete(made, by, index);
      }
    };
    if (kind === 'group') for (const [asset, group] of this.#groupOf) if (group === modelId) marked('asset', asset);
    marked(kind, modelId);
  }

  /** Deletes on the target what the sequence made, each as its customer; what is already gone is fine. */
  async cleanUp(): Promise<void> {
    for (const kind of ['asset', 'group'] as const) {
      for (const { id, by } of this.#ids.target.all(kind).reverse()) {
        if (this.env.target.stop.aborted) return;
        const reply = await probe(this.env.target, { action: kind === 'asset' ? 'DeleteAsset' : 'DeleteAssetGroup', body: this.#inItsProject(id), apiKey: this.env.keys[by] }).catch(() => undefined);
        if (reply && (reply.result !== undefined || reply.baseCode === 'NotFound')) this.env.gone(kind, by, id);
      }
    }
  }

  async #callTarget(step: CallStep, body: unknown, modelText: string): Promise<{ target: SideReply & { text: string }; reply: ProbeReply }> {
    const reply = await this.#probeTarget(step, body, modelText);
    return { target: targetSide(reply), reply };
  }

  /** `step` sent to the target as `body`; no reply is a difference on the target's side. */
  async #probeTarget(step: CallStep, body: unknown, modelText: string): Promise<ProbeReply> {
    try {
      return await probe(this.env.target, { action: step.action, body, apiKey: this.env.keys[step.as] });
    } catch (error) {
      // Out of time is the run's stop, not the target's fault: fast-check sees the error, the explorer the stop.
      if (this.env.target.stop.aborted) throw error;
      const reason = describeFailure(error);
      this.played.push({ step: describeStep(step), curl: error instanceof NoReply ? error.call.curl : undefined, target: `no reply: ${reason}`, model: modelText });
      throw new ExploreDifference({ judged: 'behaviours.noServerErrors', message: `${step.action} got no reply: ${reason}` });
    }
  }

  async #callModel(step: CallStep, body: unknown): Promise<SideReply & { text: string }> {
    const { status, envelope } = await askModel(this.#model, step.action, modelKeys[step.as], body);
    const check = validateReply(step.action, status, envelope);
    if (!check.valid) throw new Error(`the model's reply to ${step.action} breaks the document, a fault of the toolkit's emulator:\n${describeIssues(check.issues)}`);
    const error = envelope.ResponseMetadata?.Error;
    return { status, code: error?.Code, result: error ? undefined : envelope.Result, text: replyText(status, error, envelope.Result, envelope) };
  }

  /**
   * Waits on the target until no asset of the sequence is Processing (bounded by the run's asset
   * timeout), and moves the model's clock past its processing; then compares each asset as the
   * settle left it on both sides: one the target still processes when the model's has ended parts
   * from it, and the times seen are remembered, so that a later read shows what a write moved.
   */
  async #settle(): Promise<void> {
    const { target, settings } = this.env;
    const giveUpAt = performance.now() + settings.assetTimeoutMs;
    const polled: { by: Customer; index: number; reply: ProbeReply }[] = [];
    for (const { id, by, index, exists } of this.#ids.target.all('asset')) {
      if (!exists) continue;
      for (;;) {
        const reply = await this.#probeTarget({ kind: 'call', action: 'GetAsset', as: by, body: { Id: id } }, this.#inItsProject(id), 'polled while settling');
        const processing = (reply.result as { Status?: unknown } | undefined)?.Status === 'Processing';
        if (!processing || performance.now() >= giveUpAt) {
          polled.push({ by, index, reply });
          break;
        }
        await sleep(settings.pollIntervalMs, target.stop);
      }
    }
    this.#now += modelProcessingMs + modelStepMs;
    this.#view.settled = true;
    this.played.push({ step: 'settle', curl: undefined, target: 'polled GetAsset until no asset of the sequence was Processing', model: `its clock moved ${modelProcessingMs / 1000} s on` });
    for (const { by, index, reply } of polled) {
      const targetId = this.#ids.target.idAt('asset', by, index) as string;
      const step: CallStep = { kind: 'call', action: 'GetAsset', as: by, body: { Id: { $ref: { made: 'asset', index: 0, by } } } };
      const model = await this.#callModel(step, { ...this.#inItsProject(targetId), Id: this.#ids.model.idAt('asset', by, index) });
      const stillProcessing = (reply.result as { Status?: unknown } | undefined)?.Status === 'Processing' && model.result?.Status !== 'Processing';
      const name = this.#ids.target.nameOf('asset', targetId);
      const parting = stillProcessing
        ? { judged: 'behaviours.asyncProcessing' as const, message: `${name} is still Processing after ${settings.assetTimeoutMs} ms of polling; the model's is ${show(model.result?.Status)}` }
        : compareReplies(step, targetSide(reply), model, this.#view);
      if (parting) this.played[this.played.length - 1] = { step: 'settle', curl: reply.call.curl, target: replyText(reply.status, reply.error, reply.result, reply.body), model: model.text };
      this.#judge(parting, false);
    }
  }

  #inItsProject(id: string): { Id: string; ProjectName?: string } {
    const project = this.#projects.get(id);
    return project === undefined ? { Id: id } : { Id: id, ProjectName: project };
  }

  #resolve(value: unknown, side: 'target' | 'model'): unknown {
    // Two refs may name one id: a list of ids holds it once, as the document's unique items ask.
    if (Array.isArray(value)) return [...new Set(value.map((item) => this.#resolve(item, side)))];
    if (isPlaceholder(value)) {
      if ('$ref' in value) return this.#ids[side].resolve(value.$ref);
      if ('$media' in value) return side === 'model' ? modelMedia[value.$media] : value.$media === 'good' ? this.env.settings.imageUrl : this.env.settings.brokenImageUrl;
      if ('$name' in value) return `contract-${this.env.tag}-${this.sequence}-${value.$name}`;
      if ('$reply' in value) return linkedValue(value.$reply, this.#previous[side]);
      if ('$projectOf' in value) {
        const project = this.#projects.get(this.#ids.target.resolve(value.$projectOf));
        if (value.other === undefined) return project;
        return project === value.other ? undefined : value.other;
      }
      return `${this.env.tag}-${this.sequence}-${value.$part}`;
    }
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.#resolve(item, side)]));
    return value;
  }
}

/** The id a create's Result gives: a token's `BytedToken`, else its `Id`. */
function idIn(made: Made | undefined, result: Record<string, unknown> | undefined): unknown {
  return made && result?.[made === 'token' ? 'BytedToken' : 'Id'];
}

/** A Get or a List: the same on both sides whatever it answered. */
function readsOnly(step: CallStep): boolean {
  return /^(Get|List)/.test(step.action);
}

/** The target's reply as compared: as sent (a redacted name would differ from the model's), shown redacted. */
function targetSide(reply: ProbeReply): SideReply & { text: string } {
  const { error, result } = reply.unredacted as { error: ErrorObject | undefined; result: Record<string, unknown> | undefined };
  return { status: reply.status, code: typeof error?.Code === 'string' ? error.Code : undefined, result, text: replyText(reply.status, reply.error, reply.result, reply.body) };
}

function replyText(status: number, error: ErrorObject | undefined, result: unknown, body: unknown): string {
  const text = error ? `${String(error.Code)}: ${String(error.Message)}` : result !== undefined ? JSON.stringify(result) : `no envelope: ${JSON.stringify(body) ?? ''}`;
  return `HTTP ${status} ${excerpt(text, shownReply)}`;
}
