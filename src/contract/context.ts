// What a check works with: calls as either customer (or none), typed by Action, the values earlier
// checks left, expectations that fail the check with a readable reason, and what to clean up.
import type { Action, RequestOf, ResultOf } from '../protocol/index.js';
import { probe, type ProbeRequest, type ProbeTarget, type ProbeReply } from './probe.js';

export interface ContractSettings {
  apiKey: string;
  secondApiKey: string | undefined;
  /** A public image the server can download; the default suits emulators, not the real API. */
  imageUrl: string;
  /** A URL that cannot become an image asset. */
  brokenImageUrl: string;
  groupQuota: number;
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
  failedAsset: string;
}

export interface RunState {
  /** Marks every name this run gives, so its groups are found and told apart from others. */
  tag: string;
  /** Ids this run created, in the order they were made, for the clean-up. */
  groups: string[];
  assets: string[];
  /** Each shared value with the name of the check that made it. */
  shared: { [K in keyof Shared]?: { value: Shared[K]; madeBy: string } };
}

export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

type Caller = 'primary' | 'secondary' | 'anonymous' | 'unknown-key';

/** A request as it goes out, whatever the document says of it. */
type UncheckedRequest = Omit<ProbeRequest, 'apiKey'> & { as?: Caller | undefined };

export class CheckContext {
  readonly violations: string[] = [];

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
  async send(request: UncheckedRequest): Promise<ProbeReply> {
    const { as = 'primary', ...rest } = request;
    const reply = await probe(this.target, { ...rest, apiKey: this.keyOf(as) });
    this.violations.push(...reply.violations);
    return reply;
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

  expect(condition: unknown, message: string): void {
    if (!condition) throw new CheckFailure(this.target.redact(message));
  }

  /** The reply's Result, or a failure saying what came instead. */
  result<R>(reply: ProbeReply<R>, what: string): R {
    if (!reply.result) throw new CheckFailure(this.target.redact(`${what}: expected a Result, got ${describe(reply)}`));
    return reply.result;
  }

  /** The reply must be an error whose base code is one of `codes`. */
  error(reply: ProbeReply, codes: readonly string[], what: string): void {
    this.expect(reply.baseCode && codes.includes(reply.baseCode), `${what}: expected ${codes.join(' or ')}, got ${describe(reply)}`);
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
    this.state.shared[key] = { value, madeBy: this.check.name };
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

  pause(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

export function describe(reply: ProbeReply): string {
  if (reply.error) return `HTTP ${reply.status} ${String(reply.error.Code)}: ${String(reply.error.Message)}`;
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
  needsSecondKey?: boolean | undefined;
  run(ctx: CheckContext): Promise<void>;
}
