// One HTTP exchange as the servers here see it, free of both Fetch and node:http: the mock and
// the emulator answer a `ServerRequest` with a `Reply`. The socket server (listen.ts) and the
// Fetch adapters below translate, so a request over a socket never pays for building Request,
// Response and web-stream objects only to take them apart again.
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

/** What a server hands each request to. */
export type Handler = (request: ServerRequest) => Promise<Reply>;

/** `signal`: the one a fetch call was given in `init`, which can differ from the Request's own. */
export function fromFetchRequest(request: Request, signal: AbortSignal = request.signal): ServerRequest {
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
    signal,
  };
}

export function toFetchResponse({ status, headers, body }: Reply): Response {
  return new Response(body === '' ? null : body, { status, headers });
}
