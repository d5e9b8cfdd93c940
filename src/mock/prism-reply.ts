// Prism's answers as the server kit's Reply: its response (or the upstream's) re-serialized,
// and the violations it found in the `sl-violations` header, as Prism's own server sends them.
import type { IHttpResponse } from '@stoplight/prism-http';
import { newRequestId } from '../protocol/index.js';
import type { Reply } from '../server/exchange.js';
import { violationsHeader, type Violation } from './violations.js';

// Hop-by-hop or length headers from Prism or the upstream describe a message we re-serialize.
const headersNotCopied = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding']);

/** `response` as a Reply; a body that is not text is written as JSON. */
export function prismReply(response: IHttpResponse, violations: readonly Violation[], body: unknown = response.body): Reply {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    // Which origins may read the reply is this server's to say (withCors), not the upstream's.
    if (!headersNotCopied.has(name.toLowerCase()) && !/^access-control-/i.test(name)) headers[name] = String(value);
  }
  let text = '';
  if (typeof body === 'string') {
    text = body;
  } else if (body !== undefined) {
    text = JSON.stringify(body);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  }
  return withViolations({ status: response.statusCode, headers, body: text }, violations);
}

export function withViolations(reply: Reply, violations: readonly Violation[]): Reply {
  const header = violationsHeader(violations);
  return header ? { ...reply, headers: { ...reply.headers, 'sl-violations': header } } : reply;
}

/**
 * The mock's examples are static and the shared error examples are written for GetAsset; a
 * fresh RequestId and the Action really called keep every envelope's invariants true.
 */
export function stampEnvelope(body: unknown, action: string): unknown {
  if (!isRecord(body) || !isRecord(body.ResponseMetadata)) return body;
  return { ...body, ResponseMetadata: { ...body.ResponseMetadata, RequestId: newRequestId(), Action: action } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
