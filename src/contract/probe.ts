// One call to the server under test, and everything wrong with its reply: the spec's verdict on
// the body and status, and the envelope's invariants.
import { apiVersion, protocol, describeIssues, isAction, validateErrorResponse, validateReply, type ErrorObject } from '../protocol/index.js';

export interface ProbeTarget {
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
  timeoutMs: number;
  /** Replaces every API key in text the report may show. */
  redact: (text: string) => string;
}

export interface ProbeRequest {
  action: string;
  /** A JSON value to send, or raw text with `raw`. */
  body?: unknown;
  raw?: string;
  /** `undefined` sends no Authorization header. */
  apiKey: string | undefined;
  version?: string;
  method?: string;
}

/** A reply whose Result, when it conforms, is an `R`; `ctx.call` narrows it by Action. */
export interface ProbeReply<R = unknown> {
  status: number;
  headers: Headers;
  /** The parsed body, when it was JSON. */
  body: unknown;
  error: ErrorObject | undefined;
  /** The base code of `error`, the part before any dot. */
  baseCode: string | undefined;
  result: R | undefined;
  /** What is wrong with this reply; empty when it conforms. */
  violations: string[];
}

interface Envelope {
  ResponseMetadata?: { RequestId?: unknown; Action?: unknown; Version?: unknown; Error?: ErrorObject };
  Result?: unknown;
}

export async function probe(target: ProbeTarget, request: ProbeRequest): Promise<ProbeReply> {
  const version = request.version ?? apiVersion;
  const url = `${target.baseUrl}${protocol.endpoint}?Action=${encodeURIComponent(request.action)}&Version=${encodeURIComponent(version)}`;
  const headers = new Headers({ 'Content-Type': 'application/json' });
  if (request.apiKey !== undefined) headers.set('Authorization', `Bearer ${request.apiKey}`);
  const method = request.method ?? 'POST';
  const body = method === 'GET' ? undefined : (request.raw ?? JSON.stringify(request.body ?? {}));
  const response = await target.fetch(new Request(url, { method, headers, body: body ?? null, signal: AbortSignal.timeout(target.timeoutMs) }));
  const text = await response.text();
  const parsed = parseJson(text);
  const envelope = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Envelope;
  const error = envelope.ResponseMetadata?.Error;
  const violations = envelopeViolations(request, version, response.status, parsed, text).map(target.redact);
  violations.push(...proxyViolations(response.headers).map(target.redact));
  return {
    status: response.status,
    headers: response.headers,
    body: parsed,
    error,
    baseCode: typeof error?.Code === 'string' ? error.Code.split('.')[0] : undefined,
    result: error ? undefined : envelope.Result,
    violations,
  };
}

function envelopeViolations(request: ProbeRequest, version: string, status: number, body: unknown, text: string): string[] {
  const where = `${request.action} (HTTP ${status})`;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [`${where}: the reply is not a JSON envelope: ${JSON.stringify(text.slice(0, 80))}`];
  }
  const envelope = body as Envelope;
  const metadata = envelope.ResponseMetadata;
  const found: string[] = [];
  if (status >= 500) found.push(`${where}: the server failed (5xx) on a request it should have answered`);
  if (typeof metadata?.RequestId !== 'string' || metadata.RequestId === '') found.push(`${where}: ResponseMetadata.RequestId is missing`);
  if (metadata?.Error && envelope.Result !== undefined) found.push(`${where}: both ResponseMetadata.Error and Result are present`);
  if (status >= 300 && !metadata?.Error) found.push(`${where}: an error status without ResponseMetadata.Error`);
  if (status < 300 && !metadata?.Error && envelope.Result === undefined) found.push(`${where}: neither Result nor ResponseMetadata.Error`);
  // A reply to a POST of a known Action is that operation's; anything else is the gateway's own.
  const known = isAction(request.action) && version === apiVersion && (request.method ?? 'POST') === 'POST';
  if (known && metadata?.Action !== request.action) {
    found.push(`${where}: ResponseMetadata.Action is ${JSON.stringify(metadata?.Action)}, not the Action called`);
  }
  if (known && metadata?.Version !== version) {
    found.push(`${where}: ResponseMetadata.Version is ${JSON.stringify(metadata?.Version)}, not ${version}`);
  }
  const check = known && isAction(request.action) ? validateReply(request.action, status, body) : validateErrorResponse(body);
  if (!check.valid) found.push(`${where} breaks the spec:\n${describeIssues(check.issues)}`);
  return found;
}

/** What the Prism validating proxy, when it stands in between, found wrong with the reply. */
function proxyViolations(headers: Headers): string[] {
  const header = headers.get('sl-violations');
  if (!header) return [];
  const parsed = parseJson(header);
  if (!Array.isArray(parsed)) return [`the proxy's sl-violations header is unreadable`];
  return parsed
    .filter((v): v is { location: string[]; severity: string; message: string } => v?.location?.[0] === 'response' && v.severity === 'Error')
    .map((v) => `Prism proxy: ${v.location.join('.')} ${v.message}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
