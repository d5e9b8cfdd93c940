// The typed Portrait API client: one method per Action, composed of the transport (one attempt),
// the envelope decoder (reply to Result or PortraitError) and the retry loop.
import type { Client } from 'openapi-fetch';
import type { PortraitClientMethods } from '../../generated/client-methods.js';
import { actionNames, packageVersion, servers, type Action, type paths } from '../protocol/generated.js';
import { methodName } from '../protocol/method-name.js';
import type { RequestOf, ResultOf } from '../protocol/action-types.js';
import { excerpt } from '../protocol/printable.js';
import { redactor } from '../protocol/redaction.js';
import type { CallOptions, ResultMetadata, WithMetadata } from './call-types.js';
import { decodeEnvelope } from './envelope.js';
import { PortraitClientError } from './errors.js';
import { retrying, type RetryPolicy } from './retry.js';
import { createTransport, type FetchFunction } from './transport.js';
import { httpUrl } from '../protocol/http-url.js';

/** Where the client reports each attempt: `console` will do. Lines never hold the API key. */
export interface PortraitLogger {
  /** Each attempt, as it ends. */
  debug?: ((message: string) => void) | undefined;
  /** Each retry, before its pause. */
  warn?: ((message: string) => void) | undefined;
}

export interface PortraitClientOptions {
  /** In Node, PORTRAIT_API_KEY when not given. */
  apiKey?: string | undefined;
  /** In Node, PORTRAIT_BASE_URL when not given; else the production gateway, `https://api.alltoken.ai/v1`. */
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
  logger?: PortraitLogger | undefined;
}

/** Node's process, when there is one: the client runs in browsers too. */
const node = typeof process === 'object' && typeof process.versions?.node === 'string' ? process : undefined;

/** Callable with no body when every field of the Action's request is optional. */
type ActionArgs<A extends Action> = {} extends RequestOf<A>
  ? [body?: RequestOf<A> | undefined, options?: CallOptions | undefined]
  : [body: RequestOf<A>, options?: CallOptions | undefined];

/** Each method's signature and documentation come from the document (generated/client-methods.ts). */
export interface PortraitClient extends PortraitClientMethods {
  /** Calls any Action by name. */
  call<A extends Action>(action: A, ...args: ActionArgs<A>): Promise<WithMetadata<ResultOf<A>>>;
  /** An openapi-fetch client, authenticated, for what the methods do not cover; the methods do not go through it. */
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

/**
 * An http(s) URL without a trailing slash (relative to the page, in a browser); anything else would
 * fail every call later, less clearly. The value is not repeated: it may be a secret put in the wrong variable.
 */
function checkedBaseUrl(value: string, source: string): string {
  const url = httpUrl(value, (globalThis as { location?: { href: string } }).location?.href);
  if (!url || url.username || url.password || url.search || url.hash) {
    throw new PortraitClientError(`${source} must be an http(s) URL without credentials, query or fragment.`);
  }
  return value.replace(/\/+$/, '');
}

export function createPortraitClient(options: PortraitClientOptions = {}): PortraitClient {
  const { projectName, logger } = options;
  const apiKey = options.apiKey ?? node?.env.PORTRAIT_API_KEY;
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new PortraitClientError(`createPortraitClient needs an apiKey: pass { apiKey }${node ? ', or set PORTRAIT_API_KEY' : ''}.`);
  }
  // A header value cannot hold them: every call would fail later, as a confusing connection error.
  if (/[^\x21-\x7e]/.test(apiKey)) {
    throw new PortraitClientError('The apiKey has a space, a control or a non-ASCII character: check how it was read.');
  }
  const fromEnv = options.baseUrl === undefined ? node?.env.PORTRAIT_BASE_URL || undefined : undefined;
  const baseUrl = checkedBaseUrl(options.baseUrl ?? fromEnv ?? servers[0].url, fromEnv ? 'PORTRAIT_BASE_URL' : 'baseUrl');
  const defaults = {
    timeoutMs: checked('timeoutMs', options.timeoutMs ?? 60_000, 1),
    maxRetries: checked('maxRetries', options.maxRetries ?? 2, 0),
    minDelayMs: checked('minRetryDelayMs', options.minRetryDelayMs ?? 500, 0),
    maxDelayMs: checked('maxRetryDelayMs', options.maxRetryDelayMs ?? 8_000, 0),
  };
  const maxResponseBytes = checked('maxResponseBytes', options.maxResponseBytes ?? 10 * 2 ** 20, 1);
  /** Servers can echo what they were sent; the key must not reach an error or a log through them. */
  const redact = redactor([apiKey]);
  // Browsers set their own User-Agent; in Node the server learns who calls.
  const userAgent = node ? `portrait-api-toolkit/${packageVersion} node/${node.version}` : undefined;
  const { raw, send } = createTransport({ baseUrl, apiKey, fetch: options.fetch, redact, maxResponseBytes, userAgent });

  async function call<A extends Action>(action: A, ...[body = {}, callOptions = {}]: ActionArgs<A>): Promise<WithMetadata<ResultOf<A>>> {
    const payload = projectName !== undefined && !('ProjectName' in body) ? { ...body, ProjectName: projectName } : body;
    const policy: RetryPolicy = {
      maxRetries: callOptions.maxRetries === undefined ? defaults.maxRetries : checked('maxRetries', callOptions.maxRetries, 0),
      minDelayMs: defaults.minDelayMs,
      maxDelayMs: defaults.maxDelayMs,
      retryCreates: callOptions.retryCreates ?? options.retryCreates ?? false,
    };
    const timeoutMs = callOptions.timeoutMs === undefined ? defaults.timeoutMs : checked('timeoutMs', callOptions.timeoutMs, 1);
    const { signal, headers } = callOptions;
    let attempt = 0;
    const [value, attempts, totalRetryDelayMs] = await retrying(
      action,
      policy,
      signal,
      async () => {
        const started = Date.now();
        attempt++;
        const outcome = await send(action, payload, timeoutMs, signal, headers).then((sent) => (sent.ok ? decodeEnvelope(action, sent, redact) : sent));
        logger?.debug?.(`Portrait ${action} attempt ${attempt}: ${outcome.ok ? `HTTP ${outcome.status}, RequestId ${outcome.requestId}` : `${outcome.error.name}: ${outcome.error.message}`} (${Date.now() - started} ms)`);
        return outcome;
      },
      (error, delayMs) => logger?.warn?.(`Portrait ${action}: retrying in ${Math.round(delayMs)} ms after ${error.name}: ${error.message}`),
    );
    const metadata: ResultMetadata = { requestId: value.requestId, action, httpStatus: value.status, attempts, totalRetryDelayMs };
    // Not enumerable, writable or configurable: defineProperty's defaults.
    return Object.defineProperties(value.result, { $metadata: { value: metadata }, $response: { value: value.response } }) as WithMetadata<ResultOf<A>>;
  }

  const methods = {} as Record<Uncapitalize<Action>, (...args: never[]) => unknown>;
  for (const action of actionNames) methods[methodName(action)] = (...args: ActionArgs<typeof action>) => call(action, ...args);

  // Each method calls its own Action: the loop above cannot tell TypeScript so.
  const client = { ...(methods as PortraitClientMethods), call, raw, baseUrl };
  redactors.set(client, redact);
  return client;
}

/** Each client's redaction of its key, for the text the waiters and paginators put in an error. */
const redactors = new WeakMap<PortraitClient, (text: string) => string>();

/** Text a server sent in reply to `client`, fit for an error: its key redacted, cut to 300 characters, printable. */
export function safeText(client: PortraitClient, text: unknown): string {
  return excerpt((redactors.get(client) ?? String)(String(text)), 300);
}
