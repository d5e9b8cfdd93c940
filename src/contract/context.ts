// What a check works with: calls as either customer (or none), typed by Action, the values earlier
// checks left, expectations graded by the source of the fact they rest on, and what to clean up.
// An expectation on a fact of the reference or the upstream fails the check; one on an assumption
// is noted as a difference, and the check goes on where it can.
import { facts, type Action, type Fact, type FactName, type RequestOf, type ResultOf } from '../protocol/index.js';
import { excerpt } from '../protocol/printable.js';
import { sleep } from '../protocol/sleep.js';
import { NoReply, probe, type ProbeRequest, type ProbeTarget, type ProbeReply, type Violation } from './probe.js';
import type { Reproduction } from './reproduction.js';

export interface ContractSettings {
  apiKey: string;
  secondApiKey: string | undefined;
  /** A public image the server can download; the default suits emulators, not the real API. */
  imageUrl: string;
  /** A URL that cannot become an image asset. */
  brokenImageUrl: string;
  groupQuota: number;
  /** Each customer's asset quota, the document's unless the target keeps a smaller one. */
  assetQuota: number;
  assetTimeoutMs: number;
  pollIntervalMs: number;
}

/** What one check makes for later ones; a check reads a value only if it names its maker in `needs`. */
export interface Shared {
  /** groups.create: two AIGC groups, named `contract-<tag>-a` and `contract-<tag>-b`. */
  groupA: string;
  groupB: string;
  /** assets.create: in groupA, an asset from the image URL and one from a URL that is no image. */
  activeAsset: string;
  /** None when the server refused the URL at once, the alternative `behaviours.nonMediaUrl` allows. */
  failedAsset: string | undefined;
}

export interface RunState {
  /** Marks every name this run gives, so its groups are found and told apart from others. */
  tag: string;
  /** Ids this run created, in the order they were made, for the clean-up. */
  groups: string[];
  assets: string[];
  /** The project of each id made outside the default one (the exploration's): its delete names it. */
  projects?: Map<string, string>;
  /** Each shared value with the name of the check that made it. */
  shared: { [K in keyof Shared]?: { value: Shared[K]; madeBy: string } };
}

export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

/** The check cannot go on: the server contradicted an assumption it builds on (noted as a difference). */
export class AssumptionStop extends Error {
  override name = 'AssumptionStop';
}

/** What an expectation rests on: a fact `facts` names, or one of the schemas with its source. */
export type Judged = FactName | (Fact & { fact: string });

export function factOf(judged: Judged): Fact & { fact: string } {
  return typeof judged === 'string' ? { fact: judged, ...facts[judged] } : judged;
}

/** Where the server and an assumption of the document part. */
export interface Difference {
  /** The fact, as `facts` names it, or the document's schemas. */
  fact: string;
  /** What the document assumes. */
  assumed: string;
  /** What the server did. */
  found: string;
  /** The call that showed it (the last one made, for an expectation on several). */
  call?: Reproduction | undefined;
}

type Caller = 'primary' | 'secondary' | 'anonymous' | 'unknown-key';

/** A request as it goes out, whatever the document says of it. */
type UncheckedRequest = Omit<ProbeRequest, 'apiKey'> & { as?: Caller | undefined };

export class CheckContext {
  /** What broke a fact of the reference or the upstream: the check fails. */
  readonly violations: string[] = [];
  /** What contradicted an assumption: reported, not failed. */
  readonly differences: Difference[] = [];
  /** The calls behind the violations, to send again. */
  readonly reproductions: Reproduction[] = [];
  /** The last call made, replied to or not: what a failed expectation rests on. */
  lastCall: Reproduction | undefined;

  constructor(
    private readonly target: ProbeTarget,
    readonly settings: ContractSettings,
    readonly state: RunState,
    private readonly check: Pick<Check, 'name' | 'needs'>,
  ) {}

  /** Calls `action` with a body its request schema types, as the primary customer unless `as` says otherwise. */
  call<A extends Action>(action: A, body: NoInfer<RequestOf<A>>, options: { as?: Caller | undefined } = {}): Promise<ProbeReply<ResultOf<A>>> {
    // The probe holds the reply to the document: a Result that is no ResultOf<A> is a violation
    // already, and fails the check whatever the check reads from it.
    return this.send({ action, body, ...options }) as Promise<ProbeReply<ResultOf<A>>>;
  }

  /**
   * Sends a request `call` would not compile (an unknown Action or field, a body that is no JSON,
   * another method or Version), for the checks that the server refuses it.
   */
  async send(request: UncheckedRequest, options: { judgedBy?: FactName | undefined } = {}): Promise<ProbeReply> {
    const { as = 'primary', ...rest } = request;
    let reply: ProbeReply;
    try {
      reply = await probe(this.target, { ...rest, apiKey: this.keyOf(as) });
    } catch (error) {
      if (error instanceof NoReply) this.lastCall = error.call;
      throw error;
    }
    this.lastCall = reply.call;
    for (const violation of reply.violations) this.grade(violation, options.judgedBy);
    return reply;
  }

  /**
   * A violation counts against the fact it breaks; `judgedBy` names the fact a request rests on
   * when only that fact says what its reply is (a GET answered by a gateway's edge breaks no
   * envelope the reference promises, only the assumption that the gateway answers it in one).
   */
  private grade(violation: Violation, judgedBy: FactName | undefined): void {
    // A 5xx stays a failure whatever the request rests on: no source lets a server fail.
    const underAssumption = judgedBy !== undefined && facts[judgedBy].source === 'assumed' && violation.fact !== 'behaviours.noServerErrors';
    if (violation.source === 'assumed' || underAssumption) {
      const fact = underAssumption ? judgedBy : violation.fact;
      const assumed = underAssumption ? facts[judgedBy].says : `the reply fits ${violation.fact}, where the parts it breaks are the toolkit's own choices`;
      this.differences.push({ fact, assumed, found: violation.message, call: this.lastCall });
    } else {
      if (!this.violations.includes(violation.message)) this.violations.push(violation.message);
      this.reproduce(this.lastCall);
    }
  }

  private keyOf(caller: Caller): string | undefined {
    switch (caller) {
      case 'primary':
        return this.settings.apiKey;
      case 'secondary':
        return this.settings.secondApiKey;
      case 'anonymous':
        return undefined;
      case 'unknown-key':
        return `contract-unknown-key-${this.state.tag}`;
    }
  }

  /**
   * `condition` must hold, as `fact` says. On a fact of the reference or the upstream the check
   * fails with `message`; on an assumption `message` is noted as a difference and the check goes on.
   */
  expect(judged: Judged, condition: unknown, message: string): boolean {
    if (condition) return true;
    // One line, of a bounded length: values the server sent sit in it, and must not forge others.
    const found = excerpt(this.target.redact(message), 2000);
    const { fact, source, says } = factOf(judged);
    if (source !== 'assumed') throw new CheckFailure(found);
    this.differences.push({ fact, assumed: says, found, call: this.lastCall });
    return false;
  }

  /** Keeps `call` among the reproductions of what failed, once per request. */
  reproduce(call: Reproduction | undefined): void {
    if (call && !this.reproductions.some((known) => known.curl === call.curl)) this.reproductions.push(call);
  }

  /** The reply's Result, as `fact` says there must be; without it the check fails, or stops at the difference. */
  result<R>(reply: ProbeReply<R>, what: string, fact: Judged = 'behaviours.actions'): R {
    if (reply.result) return reply.result;
    this.expect(fact, false, `${what}: expected a Result, got ${describe(reply)}; the check stops here`);
    throw new AssumptionStop(what);
  }

  /** The reply must be an error whose base code is one of `codes`, as `fact` says. */
  error(reply: ProbeReply, codes: readonly string[], what: string, fact: Judged): boolean {
    return this.expect(fact, reply.baseCode && codes.includes(reply.baseCode), `${what}: expected ${codes.join(' or ')}, got ${describe(reply)}`);
  }

  /** Ids made by this run, deleted when the run ends whatever happened. */
  created(kind: 'groups' | 'assets', id: string, what: string): string {
    // A server that breaks the document may leave the Id out whatever its type says.
    if (typeof id !== 'string' || id === '') throw new CheckFailure(`${what}: the Result has no Id`);
    this.state[kind].push(id);
    return id;
  }

  /** Keeps a value this check made for the checks that name it in `needs`. */
  remember<K extends keyof Shared>(key: K, value: Shared[K]): void {
    const made: { value: Shared[K]; madeBy: string } = { value, madeBy: this.check.name };
    Object.assign(this.state.shared, { [key]: made });
  }

  /** A value an earlier check made, such as the id of a group; that check must be in `needs`. */
  recall<K extends keyof Shared>(key: K): Shared[K] {
    const made = this.state.shared[key];
    if (!made) throw new CheckFailure(`no earlier check made ${key}`);
    if (!this.check.needs?.includes(made.madeBy)) {
      throw new Error(`${this.check.name} reads ${key} without naming ${made.madeBy}, which makes it, in its needs`);
    }
    return made.value;
  }

  /** Waits `ms`, or less when the run is out of time. */
  pause(ms: number): Promise<void> {
    return sleep(ms, this.target.stop);
  }
}

export function describe(reply: ProbeReply): string {
  if (reply.error) return `HTTP ${reply.status} ${excerpt(String(reply.error.Code), 80)}: ${excerpt(String(reply.error.Message), 300)}`;
  if (reply.result) return `HTTP ${reply.status} with a Result`;
  return `HTTP ${reply.status} without an envelope`;
}

export interface Check {
  /** `area.what`, as the report and `--skip` name it. */
  name: string;
  /** One line for the report: what a conforming server does. */
  title: string;
  /**
   * Checks this one builds on: it runs after them and is skipped unless they passed. Every check
   * whose Shared values it recalls must be here.
   */
  needs?: string[] | undefined;
  /**
   * Its run goes on beside the checks after it, up to the first that needs it: that one, and all
   * after it, wait for it to end. For a check that waits (polls) and changes nothing the checks
   * beside it read.
   */
  runsBeside?: boolean | undefined;
  needsSecondKey?: boolean | undefined;
  run(ctx: CheckContext): Promise<void>;
}
