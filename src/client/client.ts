// The typed Portrait API client: one method per Action on top of openapi-fetch, with the
// envelope turned into results and typed errors, retries, timeouts and the body limit.
import createClient, { type Client } from 'openapi-fetch';
import { actionNames, actions, protocol, servers, type Action, type components, type paths } from '../protocol/generated.js';
import {
  PortraitAbortError,
  PortraitClientError,
  PortraitConnectionError,
  PortraitError,
  PortraitRequestTooLargeError,
  PortraitTimeoutError,
} from './errors.js';
import { isRetryable, parseRetryAfter, retryDelayMs, type AttemptFailure, type RetryPolicy } from './retry.js';
import { sleep } from './sleep.js';

type Schemas = components['schemas'];
export type RequestOf<A extends Action> = Schemas[(typeof actions)[A]['request']];
export type ResultOf<A extends Action> = Schemas[(typeof actions)[A]['result']];

/** What the client knows about the call that produced a result. */
export interface ResultMetadata {
  requestId: string;
  action: Action;
  httpStatus: number;
  /** 1 plus the number of retries. */
  attempts: number;
  totalRetryDelayMs: number;
}

/** A result with its call's metadata under `$metadata` (not enumerable: JSON and spreads skip it). */
export type WithMetadata<T> = T & { readonly $metadata: ResultMetadata };

export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** Per attempt. */
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  /** Retry a Create* Action after an ambiguous failure (a timeout, a dropped connection, a 500). */
  retryCreates?: boolean | undefined;
}

export interface PortraitClientOptions {
  apiKey: string;
  /** Defaults to the production gateway, `https://api.alltoken.ai/v1`. */
  baseUrl?: string | undefined;
  /** Sent as `ProjectName` on every call whose body does not set one; the server's default is `default`. */
  projectName?: string | undefined;
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Per attempt; 60 s by default. */
  timeoutMs?: number | undefined;
  /** 2 by default. */
  maxRetries?: number | undefined;
  /** First backoff; 500 ms by default, doubling up to `maxRetryDelayMs` (8 s). */
  minRetryDelayMs?: number | undefined;
  maxRetryDelayMs?: number | undefined;
  retryCreates?: boolean | undefined;
}

/** Callable with no body when every field of the Action's request is optional. */
type ActionArgs<A extends Action> = {} extends RequestOf<A>
  ? [body?: RequestOf<A>, options?: CallOptions]
  : [body: RequestOf<A>, options?: CallOptions];

type ActionMethods = {
  [A in Action as Uncapitalize<A>]: (...args: ActionArgs<A>) => Promise<WithMetadata<ResultOf<A>>>;
};

export interface PortraitClient extends ActionMethods {
  /** Calls any Action by name. */
  call<A extends Action>(action: A, ...args: ActionArgs<A>): Promise<WithMetadata<ResultOf<A>>>;
  /** The underlying openapi-fetch client, authenticated, for what the methods do not cover. */
  readonly raw: Client<paths>;
  readonly baseUrl: string;
}

type Outcome =
  | { ok: true; result: object; requestId: string; status: number }
  | { ok: false; error: PortraitClientError; failure: AttemptFailure };

interface Envelope {
  ResponseMetadata?: { RequestId?: string; Error?: { Code?: unknown; Message?: unknown; CodeN?: unknown } };
  Result?: unknown;
}

/** Connection failures that happen before a request can have reached the server. */
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export function createPortraitClient(options: PortraitClientOptions): PortraitClient {
  const { apiKey, projectName } = options;
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new PortraitClientError('createPortraitClient needs an apiKey.');
  }
  const baseUrl = (options.baseUrl ?? servers[0].url).replace(/\/+$/, '');
  const raw = createClient<paths>({
    baseUrl,
    headers: { Authorization: `Bearer ${apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // A loose view of the same client, for calls whose Action is only known at run time.
  const post = raw.POST as unknown as (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

  /** Servers can echo what they were sent; the key must not reach an error or a log through them. */
  const redact = (text: string) => text.replaceAll(apiKey, '[redacted]');

  async function attempt(action: Action, body: object, json: string, timeoutMs: number, signal?: AbortSignal): Promise<Outcome> {
    const timeout = new PortraitTimeoutError(`${action} timed out after ${timeoutMs} ms.`);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      const { data, error, response } = await post(actions[action].path, {
        body,
        bodySerializer: () => json,
        parseAs: 'text',
        signal: controller.signal,
      });
      return readReply(action, response, response.ok ? data : error);
    } catch (cause) {
      if (signal?.aborted) throw new PortraitAbortError(`${action} was aborted.`, { cause: signal.reason });
      if (controller.signal.reason === timeout) return { ok: false, error: timeout, failure: { kind: 'timeout' } };
      const code = connectionErrorCode(cause);
      const mayHaveBeenSent = code === undefined || !notSentCodes.has(code);
      const message = redact(`${action} could not complete a request to ${baseUrl}: ${describeCause(cause)}`);
      const error = new PortraitConnectionError(message, { cause: { code }, mayHaveBeenSent });
      return { ok: false, error, failure: { kind: 'connection', mayHaveBeenSent } };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  function readReply(action: Action, response: Response, payload: unknown): Outcome {
    const envelope = (typeof payload === 'string' ? parseJson(payload) : payload) as Envelope | undefined;
    const metadata = typeof envelope === 'object' && envelope !== null ? envelope.ResponseMetadata : undefined;
    const status = response.status;
    const reported = metadata?.Error;
    if (reported || !response.ok || typeof envelope?.Result !== 'object' || envelope.Result === null || !metadata) {
      const code = reported && typeof reported.Code === 'string' && reported.Code ? redact(reported.Code) : 'InvalidResponse';
      const message = reported
        ? redact(typeof reported.Message === 'string' ? reported.Message : '')
        : `HTTP ${status}: the reply is not a Portrait API envelope.`;
      const codeN = typeof reported?.CodeN === 'number' ? reported.CodeN : undefined;
      const requestId = typeof metadata?.RequestId === 'string' ? redact(metadata.RequestId) : undefined;
      const error = new PortraitError({ code, message, codeN, requestId, action, status });
      const retryAfterMs = parseRetryAfter(response.headers);
      return { ok: false, error, failure: { kind: 'reply', status, baseCode: error.baseCode, retryAfterMs } };
    }
    return { ok: true, result: envelope.Result, requestId: String(metadata.RequestId ?? ''), status };
  }

  async function call<A extends Action>(action: A, body: object = {}, callOptions: CallOptions = {}): Promise<WithMetadata<ResultOf<A>>> {
    const payload = projectName !== undefined && !('ProjectName' in body) ? { ...body, ProjectName: projectName } : body;
    const json = JSON.stringify(payload);
    const size = new TextEncoder().encode(json).byteLength;
    if (size > protocol.maxBodyBytes) {
      throw new PortraitRequestTooLargeError(`${action} body is ${size} bytes; the API accepts at most ${protocol.maxBodyBytes}. Nothing was sent.`);
    }
    const policy: RetryPolicy = {
      maxRetries: callOptions.maxRetries ?? options.maxRetries ?? 2,
      minDelayMs: options.minRetryDelayMs ?? 500,
      maxDelayMs: options.maxRetryDelayMs ?? 8_000,
      retryCreates: callOptions.retryCreates ?? options.retryCreates ?? false,
    };
    const timeoutMs = callOptions.timeoutMs ?? options.timeoutMs ?? 60_000;
    const { signal } = callOptions;
    let totalRetryDelayMs = 0;
    for (let retries = 0; ; retries++) {
      if (signal?.aborted) throw new PortraitAbortError(`${action} was aborted.`, { cause: signal.reason });
      const outcome = await attempt(action, payload, json, timeoutMs, signal);
      if (outcome.ok) {
        const metadata: ResultMetadata = {
          requestId: outcome.requestId,
          action,
          httpStatus: outcome.status,
          attempts: retries + 1,
          totalRetryDelayMs,
        };
        return Object.defineProperty(outcome.result, '$metadata', { value: metadata, enumerable: false }) as WithMetadata<ResultOf<A>>;
      }
      if (retries >= policy.maxRetries || !isRetryable(outcome.failure, action, policy)) throw outcome.error;
      const delay = retryDelayMs(retries, outcome.failure, policy);
      await sleep(delay, signal).catch((reason: unknown) => {
        throw new PortraitAbortError(`${action} was aborted.`, { cause: reason });
      });
      totalRetryDelayMs += delay;
    }
  }

  const methods = Object.fromEntries(
    actionNames.map((action) => [action[0]?.toLowerCase() + action.slice(1), (body?: object, o?: CallOptions) => call(action, body, o)]),
  ) as ActionMethods;

  return { ...methods, call: call as PortraitClient['call'], raw, baseUrl };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The system error code under a fetch failure (Node puts it on `cause`). */
function connectionErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') return undefined;
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

function describeCause(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = connectionErrorCode(error);
  return code ? `${message} (${code})` : message;
}
