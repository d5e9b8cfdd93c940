// One HTTP exchange as the servers here see it, free of both Fetch and node:http: the mock and
// the emulator answer a `ServerRequest` with a `Reply`. The socket server (listen.ts) and the
// Fetch adapters below translate, so a request over a socket never pays for building Request,
// Response and web-stream objects only to take them apart again.
import { lowercaseNames } from '../protocol/header-names.js';
import { readFetchBody, type BodyRead } from './read-body.js';

export interface ServerRequest {
  method: string;
  url: URL;
  /** A header's value, by lower-case name; repeated headers joined with `, `. */
  header(name: string): string | undefined;
  /** Every header, by lower-case name, for a proxy that passes them on. */
  headers(): Record<string, string>;
  /** The body as text, read no further than `limit` bytes. */
  readBody(limit: number): Promise<BodyRead>;
  /** Aborts when the client gives up before the reply (a fetch's signal, a closed connection). */
  readonly signal?: AbortSignal | undefined;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** Empty for a redirect. */
  body: string;
}

/** The part of fetch's second argument a Fetch handler follows. */
export interface FetchInit {
  readonly signal?: AbortSignal | null | undefined;
}

/** What a server hands each request to. */
export type Handler = (request: ServerRequest) => Promise<Reply>;

/** The signal is `init.signal` when a fetch call was given one, as fetch follows it, else the Request's. */
export function fromFetchRequest(request: Request, init?: FetchInit): ServerRequest {
  return {
    method: request.method,
    url: new URL(request.url),
    header: (name) => request.headers.get(name) ?? undefined,
    headers: () => {
      const all: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        all[name] = value;
      });
      return all;
    },
    readBody: (limit) => readFetchBody(request, limit),
    // Read only when a handler waits on it: a client's lazy init.signal costs its controller a signal.
    get signal() {
      return init?.signal ?? request.signal;
    },
  };
}

/**
 * A request whose body an in-process caller already holds as text (the explorer's model), read
 * as a socket's would be: no further than the limit, counted in UTF-8 bytes.
 */
export function textRequest(method: string, url: URL, headers: Record<string, string>, body: string): ServerRequest {
  const byName = lowercaseNames(headers);
  const byteLength = new TextEncoder().encode(body).byteLength;
  return {
    method,
    url,
    header: (name) => byName[name],
    headers: () => ({ ...byName }),
    readBody: async (limit) => (byteLength > limit ? { outcome: 'tooLarge' } : { outcome: 'read', text: body, byteLength }),
  };
}

export function toFetchResponse({ status, headers, body }: Reply): Response {
  return new Response(body === '' ? null : body, { status, headers });
}
