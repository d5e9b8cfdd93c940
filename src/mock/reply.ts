// Writing answers: the API's error envelope for what the front decides, and Prism's responses.
import type { ServerResponse } from 'node:http';
import { errorEnvelope, newRequestId, type ErrorObject } from '../protocol/index.js';
import { violationsHeader, type Violation } from './violations.js';

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  violations?: readonly Violation[];
}

// Hop-by-hop or length headers from Prism or the upstream describe a message we re-serialize.
const headersNotCopied = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding']);

export function send(response: ServerResponse, answer: Answer): void {
  if (response.headersSent || response.destroyed) return;
  for (const [name, value] of Object.entries(answer.headers ?? {})) {
    if (!headersNotCopied.has(name.toLowerCase())) response.setHeader(name, value);
  }
  const violations = violationsHeader(answer.violations ?? []);
  if (violations) response.setHeader('sl-violations', violations);
  let payload: string | undefined;
  if (typeof answer.body === 'string') {
    payload = answer.body;
  } else if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    if (!hasHeader(answer.headers, 'content-type')) response.setHeader('Content-Type', 'application/json');
  }
  response.statusCode = answer.status;
  response.end(payload);
}

export function envelopeAnswer(action: string, status: number, error: ErrorObject, extra: Omit<Answer, 'status' | 'body'> = {}): Answer {
  return { ...extra, status, body: errorEnvelope(action, error), headers: { ...extra.headers, 'Content-Type': 'application/json' } };
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

function hasHeader(headers: Record<string, string> | undefined, name: string): boolean {
  return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === name);
}
