// A reply read as a Portrait API envelope: its Result, or a PortraitError. The API can report an
// error with any HTTP status, 200 included, so `ResponseMetadata.Error` decides, not the status.
import type { Action } from '../protocol/generated.js';
import { printable } from '../protocol/printable.js';
import { PortraitError } from './errors.js';
import { parseRetryAfter, type Outcome } from './retry.js';

/** What came back to the client: the response, and its body read within the size limit. (A server's `Reply` is src/server/exchange.ts.) */
export interface ReceivedReply {
  response: Response;
  /** The body as text. */
  body: string;
}

interface Decoded {
  result: object;
  requestId: string;
  status: number;
  response: Response;
}

interface Envelope {
  ResponseMetadata?: { RequestId?: unknown; Error?: { Code?: unknown; Message?: unknown; CodeN?: unknown } };
  Result?: unknown;
}

/**
 * Text the server sent passes through `redact`, then `printable`, before it can reach an error or a
 * log line: no key, and nothing that acts on a terminal or forges a line.
 */
export function decodeEnvelope(action: Action, { response, body }: ReceivedReply, redact: (text: string) => string): Outcome<Decoded> {
  const safe = (text: string) => printable(redact(text));
  let envelope: Envelope | undefined;
  try {
    // Object() lets any JSON value be read like an envelope.
    envelope = Object(JSON.parse(body));
  } catch {
    // Not JSON: not an envelope either.
  }
  const metadata = envelope?.ResponseMetadata;
  const status = response.status;
  const reported = metadata?.Error;
  const result = envelope?.Result;
  const requestId = typeof metadata?.RequestId === 'string' ? safe(metadata.RequestId) : undefined;
  if (!reported && response.ok && requestId !== undefined && typeof result === 'object' && result !== null) {
    return { ok: true, result, requestId, status, response };
  }
  const named = reported && typeof reported.Code === 'string' && reported.Code !== '';
  const code = named ? safe(reported.Code as string) : 'InvalidResponse';
  const message = named
    ? safe(typeof reported.Message === 'string' ? reported.Message : '')
    : notAnEnvelope(invalidPart(reported, requestId));
  const codeN = typeof reported?.CodeN === 'number' ? reported.CodeN : undefined;
  return failed(new PortraitError({ code, message, codeN, requestId, action, status }), parseRetryAfter(response.headers));
}

/**
 * A redirect, which the client never follows: returned by the fetch, with its status (0 for a
 * browser's opaque redirect), or refused by it (Node's, told `redirect: 'error'` in
 * src/client/transport.ts: 0). Its body is no envelope, whatever it holds. Not retried.
 */
export function redirected(action: Action, status = 0): Outcome<never> {
  return failed(new PortraitError({ code: 'InvalidResponse', message: notAnEnvelope(' (a redirect, which the client does not follow)'), action, status }));
}

/** The outcome of a reply that is an error, for the retry loop to judge. */
function failed(error: PortraitError, retryAfterMs?: number): Outcome<never> {
  return { ok: false, error, failure: { kind: 'reply', status: error.status, baseCode: error.baseCode, retryAfterMs } };
}

/** The error's message names the status already. */
function notAnEnvelope(why: string): string {
  return `the reply is not a Portrait API envelope${why}.`;
}

/** What makes a reply no envelope, when it is close to one. */
function invalidPart(reported: unknown, requestId: string | undefined): string {
  if (reported) return ' (ResponseMetadata.Error has no Code)';
  return requestId === undefined ? ' (no RequestId string)' : '';
}
