// The typed Portrait API client: one method per Action, composed of the transport (one attempt
// over openapi-fetch), the envelope decoder (reply to Result or PortraitError) and the retry loop.
import type { Client } from 'openapi-fetch';
import { actionNames, servers, type Action, type paths } from '../protocol/generated.js';
import type { RequestOf, ResultOf } from '../protocol/action-types.js';
import { decodeEnvelope } from './envelope.js';
import { PortraitClientError } from './errors.js';
import { retrying, type RetryPolicy } from './retry.js';
import { createTransport, type FetchFunction } from './transport.js';

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
  /** Your own fetch, for proxies or tests. Pass `init.signal` on: it aborts when an attempt times out or the call is aborted. */
  fetch?: FetchFunction | undefined;
  /** Per attempt; 60 s by default, at most 2^31 - 1 ms. */
  timeoutMs?: number | undefined;
  /** 2 by default. */
  maxRetries?: number | undefined;
  /** The largest reply body read, after decompression; 10 MiB by default. Past it: PortraitResponseTooLargeError. */
  maxResponseBytes?: number | undefined;
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

/** A whole number from `min` to 2^31 - 1 (the longest timer), or the error that names the option. */
function checked(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min || value > 2 ** 31 - 1) {
    throw new PortraitClientError(`${name} must be a whole number from ${min} to ${2 ** 31 - 1}, not ${String(value)}.`);
  }
  return value;
}

export function createPortraitClient(options: PortraitClientOptions): PortraitClient {
  const { apiKey, projectName } = options;
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new PortraitClientError('createPortraitClient needs an apiKey.');
  }
  // A header value cannot hold them: every call would fail later, as a confusing connection error.
  if (/[^\x21-\x7e]/.test(apiKey)) {
    throw new PortraitClientError('The apiKey holds a space, a control character or a character outside ASCII; check how it was read.');
  }
  const baseUrl = (options.baseUrl ?? servers[0].url).replace(/\/+$/, '');
  const defaults = {
    timeoutMs: checked('timeoutMs', options.timeoutMs ?? 60_000, 1),
    maxRetries: checked('maxRetries', options.maxRetries ?? 2, 0),
    minDelayMs: checked('minRetryDelayMs', options.minRetryDelayMs ?? 500, 0),
    maxDelayMs: checked('maxRetryDelayMs', options.maxRetryDelayMs ?? 8_000, 0),
  };
  const maxResponseBytes = checked('maxResponseBytes', options.maxResponseBytes ?? 10 * 2 ** 20, 1);
  /** Servers can echo what they were sent; the key must not reach an error or a log through them. */
  const redact = (text: string) => text.replaceAll(apiKey, '[redacted]');
  const { raw, send } = createTransport({ baseUrl, apiKey, fetch: options.fetch, redact, maxResponseBytes });

  async function call<A extends Action>(action: A, ...[body = {}, callOptions = {}]: ActionArgs<A>): Promise<WithMetadata<ResultOf<A>>> {
    const payload = projectName !== undefined && !('ProjectName' in body) ? { ...body, ProjectName: projectName } : body;
    const policy: RetryPolicy = {
      maxRetries: callOptions.maxRetries === undefined ? defaults.maxRetries : checked('maxRetries', callOptions.maxRetries, 0),
      minDelayMs: defaults.minDelayMs,
      maxDelayMs: defaults.maxDelayMs,
      retryCreates: callOptions.retryCreates ?? options.retryCreates ?? false,
    };
    const timeoutMs = callOptions.timeoutMs === undefined ? defaults.timeoutMs : checked('timeoutMs', callOptions.timeoutMs, 1);
    const { signal } = callOptions;
    const [value, attempts, totalRetryDelayMs] = await retrying(action, policy, signal, () =>
      send(action, payload, timeoutMs, signal).then((sent) => (sent.ok ? decodeEnvelope(action, sent, redact) : sent)),
    );
    const metadata: ResultMetadata = { requestId: value.requestId, action, httpStatus: value.status, attempts, totalRetryDelayMs };
    // Not enumerable, writable or configurable: defineProperty's defaults.
    return Object.defineProperty(value.result, '$metadata', { value: metadata }) as WithMetadata<ResultOf<A>>;
  }

  const methods = Object.fromEntries(
    actionNames.map((action) => [action[0]?.toLowerCase() + action.slice(1), (...args: ActionArgs<typeof action>) => call(action, ...args)]),
  ) as ActionMethods;

  return { ...methods, call, raw, baseUrl };
}
