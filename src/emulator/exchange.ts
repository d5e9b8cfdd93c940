// The emulator's own view of one HTTP exchange, free of both Fetch and node:http. The Fetch
// handler and the socket server adapt to it, so a request over a socket never pays for building
// Request, Response and web-stream objects only to take them apart again.
import { readBodyText, type BodyText } from './request-body.js';

export interface PlainRequest {
  method: string;
  url: URL;
  /** A header's value, by lower-case name. */
  header(name: string): string | undefined;
  /** The body as text, read no further than `limit` bytes. */
  readBody(limit: number): Promise<BodyText>;
}

export interface PlainReply {
  status: number;
  headers: Record<string, string>;
  /** Empty for a redirect. */
  body: string;
}

/** What a server hands each request to: the emulator's `answer`, or a wrapper around it. */
export type PlainHandler = (request: PlainRequest) => Promise<PlainReply>;

export function fromFetchRequest(request: Request): PlainRequest {
  return {
    method: request.method,
    url: new URL(request.url),
    header: (name) => request.headers.get(name) ?? undefined,
    readBody: (limit) => readBodyText(request, limit),
  };
}

export function toFetchResponse({ status, headers, body }: PlainReply): Response {
  return new Response(body === '' ? null : body, { status, headers });
}
