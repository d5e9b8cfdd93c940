// One call to the server under test, and everything wrong with its reply: the spec's verdict on
// the body and status, and the envelope's invariants, each with the fact it breaks and that fact's
// source. Calls keep within the Action's documented rate limit, and a 429 is waited out. Nothing the
// server does can hold a call past its deadline or fill memory, and its text is redacted before
// any of it is cut or shown.
import {
  apiVersion,
  describeIssues,
  facts,
  isAction,
  issueSource,
  portraitDocument,
  protocol,
  validateErrorResponse,
  validateReply,
  type ErrorObject,
  type FactName,
  type Source,
  type ValidationIssue,
} from '../protocol/index.js';
import { replyShapeIssue } from '../protocol/body-shape.js';
import { excerpt, printable } from '../protocol/printable.js';
import { PortraitResponseTooLargeError } from '../client/errors.js';
import { readReplyText } from '../client/read-reply.js';
import type { CoverageRecorder } from './coverage.js';
import { deadline } from './deadline.js';
import type { Pacer } from './pacer.js';
import { curlCommand, type Reproduction } from './reproduction.js';

/** A fetch; each call's deadline comes as `init.signal`, which it should pass on. */
export type ContractFetch = (request: Request, init: { readonly signal: AbortSignal }) => Promise<Response>;

export interface ProbeTarget {
  baseUrl: string;
  fetch: ContractFetch;
  /** Per call, the reply's body read included. */
  timeoutMs: number;
  /** The most of one reply's body that is read. */
  maxReplyBytes: number;
  /** Replaces every API key in text the report may show. */
  redact: (text: string) => string;
  /** Holds each call until the Action's rate limit allows it. */
  pacer: Pacer;
  /** Aborts every call, and every wait before one, when the run is out of time. */
  stop: AbortSignal;
  /** The environment variable each key is shown as in a reproduction. */
  keyVariables: ReadonlyMap<string, string>;
  coverage: CoverageRecorder;
}

/** A call that got no reply (timed out, refused, cut off, too large), with how to send it again. */
export class NoReply extends Error {
  override name = 'NoReply';
  constructor(
    message: string,
    readonly call: Reproduction,
  ) {
    super(message);
  }
}

const schemas = "the document's schemas";

/** The name of a fact of the document's schemas, with where: a schema's JSON Pointer, or the judge. */
export function schemasFact(where: string): string {
  return `${schemas} (${where})`;
}

/** Something wrong with a reply: the fact it breaks (a named fact, or the document's schemas) and where that fact comes from. */
export interface Violation {
  fact: string;
  source: Source;
  message: string;
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
  violations: Violation[];
  /** How to send this call again, and what came back. */
  call: Reproduction;
  /** `error` and `result` as the server sent them, for comparing only: never shown, as they may hold the key. */
  unredacted: { error: ErrorObject | undefined; result: unknown };
}

interface Envelope {
  ResponseMetadata?: { RequestId?: unknown; Action?: unknown; Version?: unknown; Error?: ErrorObject };
  Result?: unknown;
}

/** How often one call's rate-limit refusal is waited out before the reply counts as it is. */
const rateLimitRetries = 3;

export async function probe(target: ProbeTarget, request: ProbeRequest): Promise<ProbeReply> {
  for (let attempt = 0; ; attempt++) {
    await target.pacer.wait(request.action, request.apiKey, target.stop);
    const reply = await probeOnce(target, request);
    // Whatever the status: the document lets any error arrive with HTTP 200.
    const limited = reply.status === 429 || reply.baseCode === 'RateLimitExceeded';
    if (!limited || attempt === rateLimitRetries || !(await target.pacer.waitOut(reply.headers.get('retry-after'), target.stop))) return reply;
  }
}

async function probeOnce(target: ProbeTarget, request: ProbeRequest): Promise<ProbeReply> {
  const version = request.version ?? apiVersion;
  const url = `${target.baseUrl}${protocol.endpoint}?Action=${encodeURIComponent(request.action)}&Version=${encodeURIComponent(version)}`;
  const headers = new Headers({ 'Content-Type': 'application/json' });
  if (request.apiKey !== undefined) headers.set('Authorization', `Bearer ${request.apiKey}`);
  const method = request.method ?? 'POST';
  const body = method === 'GET' ? undefined : (request.raw ?? JSON.stringify(request.body ?? {}));
  const curl = curlCommand({ method, url, apiKey: request.apiKey, body }, target.keyVariables);
  const call = deadline(target.timeoutMs, () => new Error(`no reply within ${target.timeoutMs} ms`), target.stop);
  let response: Response;
  let text: string;
  try {
    // The deadline goes to fetch itself, and is raced too, for a fetch that ignores it. A redirect
    // is the reply, judged as it is: followed, it would carry the key and body elsewhere.
    const sent = new Request(url, { method, headers, body: body ?? null, redirect: 'manual' });
    response = await Promise.race([target.fetch(sent, { signal: call.signal }), call.expired]);
    const onStop = (cancel: (reason: unknown) => void) => call.signal.addEventListener('abort', () => cancel(call.signal.reason), { once: true });
    text = await Promise.race([readReplyText(response, target.maxReplyBytes, request.action, onStop), call.expired]);
  } catch (error) {
    const reason = call.signal.aborted
      ? (call.signal.reason as Error).message
      : error instanceof PortraitResponseTooLargeError
        ? `the reply is over ${target.maxReplyBytes} bytes, the most the run reads of one`
        : target.redact(describeFailure(error));
    throw new NoReply(`${request.action}: ${reason}`, { curl, reply: `no reply: ${reason}` });
  } finally {
    call.clear();
  }
  // Before anything reads it: a server may echo the key, and a cut must not leave part of it. JSON
  // is redacted value by value (the text can write the key escaped, and redacting the text could
  // break an escape); anything else as text.
  const json = parseJson(text);
  text = target.redact(text);
  // Too large to judge in reasonable time, or too deep: judged as no envelope, with the reason.
  const misshapen = replyShapeIssue(json);
  const parsed = misshapen ? undefined : redactedValues(json, target.redact);
  const envelope = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Envelope;
  const error = envelope.ResponseMetadata?.Error;
  const own = envelopeViolations(request, version, response.status, parsed, misshapen ? `JSON that ${misshapen.message}` : text);
  const bodyAlreadyJudged = own.some((violation) => violation.fact.startsWith(schemas));
  const proxyHeader = response.headers.get('sl-violations');
  const proxyJson = proxyHeader ? parseJson(proxyHeader) : undefined;
  const proxyFound = !proxyHeader ? null : replyShapeIssue(proxyJson) ? undefined : redactedValues(proxyJson, target.redact);
  const violations = [...own, ...proxyViolations(proxyFound, bodyAlreadyJudged)];
  const baseCode = typeof error?.Code === 'string' ? error.Code.split('.')[0] : undefined;
  target.coverage.record({ action: request.action, version, method }, response.status, baseCode);
  const requestId = envelope.ResponseMetadata?.RequestId;
  const sent = (misshapen || typeof json !== 'object' || json === null ? {} : json) as Envelope;
  const sentError = sent.ResponseMetadata?.Error;
  return {
    status: response.status,
    headers: response.headers,
    body: parsed,
    error,
    baseCode,
    result: error ? undefined : envelope.Result,
    violations,
    call: { curl, reply: `HTTP ${response.status}, RequestId ${typeof requestId === 'string' ? excerpt(requestId, 80) : 'none'}` },
    unredacted: { error: sentError, result: sentError ? undefined : sent.Result },
  };
}

/** Why something failed, in one printable line: the error's message, and its cause's. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return printable(String(error));
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return printable(`${error.message}${cause}`);
}

function named(fact: FactName, message: string): Violation {
  return { fact, source: facts[fact].source, message };
}

function envelopeViolations(request: ProbeRequest, version: string, status: number, body: unknown, text: string): Violation[] {
  const where = `${request.action} (HTTP ${status})`;
  const found: Violation[] = [];
  if (status >= 500) found.push(named('behaviours.noServerErrors', `${where}: the server failed (5xx) on a request it should have answered`));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [...found, named('behaviours.envelope', `${where}: the reply is not a JSON envelope: "${excerpt(text, 80)}"`)];
  }
  const envelope = body as Envelope;
  const metadata = envelope.ResponseMetadata;
  if (typeof metadata?.RequestId !== 'string' || metadata.RequestId === '') found.push(named('behaviours.envelope', `${where}: ResponseMetadata.RequestId is missing`));
  if (metadata?.Error && envelope.Result !== undefined) found.push(named('behaviours.errorIsTheVerdict', `${where}: both ResponseMetadata.Error and Result are present`));
  if (status >= 300 && !metadata?.Error) found.push(named('behaviours.errorIsTheVerdict', `${where}: an error status without ResponseMetadata.Error`));
  if (status < 300 && !metadata?.Error && envelope.Result === undefined) found.push(named('behaviours.envelope', `${where}: neither Result nor ResponseMetadata.Error`));
  // A reply to a POST of a known Action is that operation's; anything else is the gateway's own.
  const known = isAction(request.action) && version === apiVersion && (request.method ?? 'POST') === 'POST' ? request.action : undefined;
  if (known && metadata?.Action !== request.action) {
    found.push(named('behaviours.envelope', `${where}: ResponseMetadata.Action is ${excerpt(String(JSON.stringify(metadata?.Action)), 80)}, not the Action called`));
  }
  if (known && metadata?.Version !== version) {
    found.push(named('behaviours.envelope', `${where}: ResponseMetadata.Version is ${excerpt(String(JSON.stringify(metadata?.Version)), 80)}, not ${version}`));
  }
  const check = known ? validateReply(known, status, body) : validateErrorResponse(body);
  if (!check.valid) found.push(...schemaViolations(where, check.schema, check.issues));
  return found;
}

/** The spec's verdict, one violation per source: what breaks the reference or the upstream fails, what breaks an assumption differs. */
function schemaViolations(where: string, schema: string, issues: readonly ValidationIssue[]): Violation[] {
  const bySource = new Map<Source, ValidationIssue[]>();
  for (const issue of issues) {
    const source = issueSource(portraitDocument, schema, issue);
    const found = bySource.get(source);
    if (found) found.push(issue);
    else bySource.set(source, [issue]);
  }
  return [...bySource].map(([source, found]) => ({ fact: schemasFact(schema), source, message: `${where} breaks the spec:\n${issueLines(found)}` }));
}

/** The first issues, one a line, and how many more: a reply can break the spec ten thousand times. */
function issueLines(issues: ValidationIssue[]): string {
  const shown = 20;
  // A path names the server's own keys: printable, as the line it sits on is one the report trusts.
  const lines = describeIssues(issues.slice(0, shown).map((issue) => ({ ...issue, path: excerpt(issue.path, 200) })));
  return issues.length > shown ? `${lines}\n… and ${issues.length - shown} more` : lines;
}

/**
 * What the Prism validating proxy, when it stands in between, found wrong with the reply: a second,
 * independent judge of the same document. Where this probe's own validation found the body wrong
 * too, its issues (graded by source) stand for both; a finding only Prism makes is a failure.
 */
function proxyViolations(parsed: unknown, bodyAlreadyJudged: boolean): Violation[] {
  if (parsed === null) return [];
  const fact = schemasFact('Prism');
  if (!Array.isArray(parsed)) return [{ fact, source: 'reference', message: `the proxy's sl-violations header is unreadable` }];
  return parsed
    .slice(0, 20)
    .filter((v): v is { location: string[]; severity: string; message: string } => v?.location?.[0] === 'response' && v.severity === 'Error')
    .filter((v) => !(bodyAlreadyJudged && v.location[1] === 'body'))
    .map((v) => ({ fact, source: 'reference', message: `Prism proxy: ${excerpt(`${v.location.join('.')} ${v.message}`, 300)}` }));
}

/**
 * `value` with every string in it, keys included, redacted: JSON can write a key escaped
 * (`\/`, `\u0073`), which redacting the text alone misses. Only for a value of a reply's shape.
 */
function redactedValues(value: unknown, redact: (text: string) => string): unknown {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return redact(node);
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([key, child]) => [redact(key), walk(child)]));
    return node;
  };
  return walk(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
