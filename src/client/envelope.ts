// A reply read as a Portrait API envelope: its Result, or a PortraitError. The API can report an
// error with any HTTP status, 200 included, so `ResponseMetadata.Error` decides, not the status.
import type { Action } from '../protocol/generated.js';
import { printable } from '../protocol/printable.js';
import { PortraitError } from './errors.js';
import { parseRetryAfter, type Outcome } from './retry.js';
import type { ReceivedReply } from './transport.js';

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
    : `HTTP ${status}: the reply is not a Portrait API envelope${invalidPart(response, reported, requestId)}.`;
  const codeN = typeof reported?.CodeN === 'number' ? reported.CodeN : undefined;
  const error = new PortraitError({ code, message, codeN, requestId, action, status });
  const retryAfterMs = parseRetryAfter(response.headers);
  return { ok: false, error, failure: { kind: 'reply', status, baseCode: error.baseCode, retryAfterMs } };
}

/** What makes a reply no envelope, when it is close to one. */
function invalidPart(response: Response, reported: unknown, requestId: string | undefined): string {
  // A browser keeps a redirect it does not follow opaque: status 0.
  if ((response.status >= 300 && response.status < 400) || response.type === 'opaqueredirect') return ' (a redirect, which the client does not follow)';
  if (reported) return ' (ResponseMetadata.Error has no Code)';
  return requestId === undefined ? ' (no RequestId string)' : '';
}
