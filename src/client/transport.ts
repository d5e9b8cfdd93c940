// One attempt at an Action: its POST, bounded by a deadline and cut short by the caller's signal.
// A request that got no reply becomes a failure for the retry loop; any reply, whatever its
// status, goes on to be decoded.
import createClient, { type Client } from 'openapi-fetch';
import { actions, type Action, type paths } from '../protocol/generated.js';
import type { RequestOf } from '../protocol/action-types.js';
import { lowercaseNames } from '../protocol/header-names.js';
import { printable } from '../protocol/printable.js';
import { isRedirect } from '../protocol/redirects.js';
import { abortedCall, PortraitClientError, PortraitConnectionError, PortraitTimeoutError } from './errors.js';
import { redirected, type ReceivedReply } from './envelope.js';
import { readReplyText } from './read-reply.js';
import { requestJson } from './request-body.js';
import type { Outcome } from './retry.js';

/** A fetch; the client calls it with each attempt's signal as `init.signal`. */
export type FetchFunction = (request: Request, init?: { readonly signal: AbortSignal }) => Promise<Response>;

interface TransportOptions {
  baseUrl: string;
  apiKey: string;
  /** A fetch of the caller's; the global fetch by default. */
  fetch?: FetchFunction | undefined;
  /** Applied to text that goes into an error message. */
  redact: (text: string) => string;
  /** The largest reply body read, after decompression. */
  maxResponseBytes: number;
  /** Sent as User-Agent, where the platform lets a page set it (Node). */
  userAgent?: string | undefined;
}

interface Transport {
  /** The openapi-fetch client, with the key set. */
  readonly raw: Client<paths>;
  send(action: Action, body: RequestOf<Action>, timeoutMs: number, signal: AbortSignal | undefined, headers?: Record<string, string>): Promise<Outcome<ReceivedReply>>;
}

/**
 * How the global fetch is told not to follow a redirect. Node's fetch (undici) copies a request's
 * body through a web stream before sending it unless the request refuses redirects outright
 * (`redirect: 'error'`): a sixth of a GetAsset over loopback (docs/benchmarks.md). It then rejects,
 * naming the redirect, which the client reports as it does a browser's opaque redirect. Elsewhere
 * it stays 'manual': a browser names nothing, and a page's fetch in Node (happy-dom, an Electron
 * renderer) need not be undici's.
 */
function globalRedirectMode(): RequestRedirect {
  return typeof process === 'object' && process.versions?.undici && typeof document === 'undefined' ? 'error' : 'manual';
}

/**
 * Node's fetch rejects a refused redirect with this cause (an Error), MSW's with this cause (a
 * string). Read by shape: the error may come from another realm (a test runner's vm context).
 */
function isRefusedRedirect(error: unknown): boolean {
  const cause = Object(error).cause;
  return (cause?.message ?? cause) === 'unexpected redirect';
}

/** Connection failures that happen before a request can have reached the server. */
const notSentCodes = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT'];

export function createTransport(options: TransportOptions): Transport {
  const { baseUrl, redact, maxResponseBytes } = options;
  const { fetch: customFetch } = options;
  const globalFetch = fetch;
  const globalRedirect = globalRedirectMode();
  // A redirect is never followed: it would carry the key and the body to wherever it points (a
  // 307) or turn the call into a GET (a 302). `raw` returns it as it came; the methods fail with
  // InvalidResponse (isRedirect, and Node's refusal: globalRedirectMode).
  const clientHeaders = { authorization: `Bearer ${options.apiKey}`, ...(options.userAgent ? { 'user-agent': options.userAgent } : {}) };
  const raw = createClient<paths>({ baseUrl, headers: clientHeaders, fetch: customFetch ?? globalFetch, redirect: 'manual' });
  // The methods build their requests themselves, not through `raw`: openapi-fetch's general path
  // (two Headers objects merged per call, its options, its parse step) cost about 12 µs a call,
  // half of the client's overhead in-process, for a URL without parameters and a body the client
  // serialises and reads itself. Names are lowercase, so a call's own headers replace these
  // whatever their case, as they did in openapi-fetch's Headers, instead of joining them.
  const callHeaders = { 'content-type': 'application/json', ...clientHeaders };

  async function send(action: Action, body: RequestOf<Action>, timeoutMs: number, signal: AbortSignal | undefined, headers?: Record<string, string>): Promise<Outcome<ReceivedReply>> {
    let post: (init: { readonly signal: AbortSignal }) => Promise<Response>;
    try {
      const url = baseUrl + actions[action].path;
      const sentHeaders = headers ? { ...callHeaders, ...lowercaseNames(headers) } : callHeaders;
      const sentBody = requestJson(action, body);
      // A fetch of the caller's gets a Request, as FetchFunction promises. The global fetch gets
      // the URL and the request's parts: given a Request, it copies it, body and all, through a
      // web stream, about 60 µs a call over loopback in Node 20 (a tenth of a GetAsset's time).
      if (customFetch) {
        const request = new Request(url, { method: 'POST', headers: sentHeaders, body: sentBody, redirect: 'manual' });
        post = (init) => customFetch(request, init);
      } else {
        // Headers refuses a CR or LF here, as a Request would; fetch would reject as if it had sent.
        const init = { method: 'POST', headers: new Headers(sentHeaders), body: sentBody, redirect: globalRedirect } as const;
        post = ({ signal }) => globalFetch(url, { ...init, signal });
      }
    } catch (cause) {
      // A body over the limit passes as it is.
      if (cause instanceof PortraitClientError) throw cause;
      // A header with CR or LF, a body JSON cannot hold: refused before sending, and never worth a
      // retry. Not with its cause's text: a runtime may quote the header's value, which can be a secret.
      throw new PortraitClientError(`${action} was not sent: a header holds a character HTTP forbids (CR, LF), or the body is no JSON.`);
    }
    const controller = new AbortController();
    let rejectReply: ((reason: unknown) => void) | undefined;
    let cancelRead: ((reason: unknown) => void) | undefined;
    let stopped = false;
    // Stopped by the timer or by the caller's signal (with its reason), the attempt settles even
    // if the fetch ignores its signal: the wait for the reply is rejected, its read cancelled.
    const stop = () => {
      stopped = true;
      controller.abort(signal?.reason);
      rejectReply?.(controller.signal.reason);
      cancelRead?.(controller.signal.reason);
    };
    const timer = setTimeout(stop, timeoutMs);
    signal?.addEventListener('abort', stop, { once: true });
    // The signal goes to fetch as `init.signal`, never on a Request: a Request that follows a
    // signal costs about 12 µs in Node's undici (a WeakRef, a FinalizationRegistry entry and a
    // listener), a quarter of an in-process reply, and fetch follows one anyway.
    const init = lazySignalInit(controller);
    try {
      const response = await new Promise<Response>((resolve, reject) => {
        rejectReply = reject;
        post(init).then(resolve, reject);
      });
      // A redirect's body is cancelled unread, which frees its connection.
      if (isRedirect(response)) {
        void response.body?.cancel().catch(() => {});
        return redirected(action, response.status);
      }
      // Every other status's body is read, within the limit: the envelope decides, not the status.
      // Stopped between the reply and its read (an abort in that microtask), it reads nothing.
      const text = await readReplyText(response, maxResponseBytes, action, (cancel) => (stopped ? cancel(controller.signal.reason) : (cancelRead = cancel)));
      return { ok: true, response, body: text };
    } catch (cause) {
      // The client's own (a reply over maxResponseBytes) pass as they are.
      if (cause instanceof PortraitClientError) throw cause;
      if (signal?.aborted) throw abortedCall(action, signal.reason);
      // Not by the caller, so by the timer.
      if (controller.signal.aborted) {
        return { ok: false, error: new PortraitTimeoutError(`${action} timed out after ${timeoutMs} ms.`), failure: { kind: 'timeout' } };
      }
      if (isRefusedRedirect(cause)) {
        // Node's fetch lets go of the redirect's connection without closing it, and a body it has
        // not read (one that never ends) would hold it open.
        controller.abort();
        return redirected(action);
      }
      const code = connectionErrorCode(cause);
      const mayHaveBeenSent = code === undefined || !notSentCodes.includes(code);
      const message = redact(`${action} could not complete a request to ${baseUrl}: ${describeCause(cause, code)}`);
      const error = new PortraitConnectionError(message, { cause: { code }, mayHaveBeenSent });
      return { ok: false, error, failure: { kind: 'connection', mayHaveBeenSent } };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    }
  }

  return { raw, send };
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

function describeCause(error: unknown, code: string | undefined): string {
  const message = printable(error instanceof Error ? error.message : String(error));
  return code ? `${message} (${code})` : message;
}

/**
 * `{ signal }` with the signal made only when fetch reads it: Node makes a controller's signal on
 * first read, which costs 2 µs (a fetch of the caller's, such as the emulator's `handle`, may never
 * read it; the global fetch always does). An own getter survives a fetch that spreads `init` into its own.
 * It is built here, not in `send`: an accessor literal in that async function slowed every call
 * by about 10 µs.
 */
function lazySignalInit(controller: AbortController): { readonly signal: AbortSignal } {
  return {
    get signal() {
      return controller.signal;
    },
  };
}
