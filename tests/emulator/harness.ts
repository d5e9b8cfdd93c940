// Drives an in-process emulator with a hand-turned clock. Every reply goes through `send`, which
// fails the test unless the reply is one the document allows: an Action's reply must pass
// `validateReply(action, status, body)`, the gateway's refusals of the request line must be an
// `ErrorResponse`, and no reply is ever a 500.
import { expect } from 'vitest';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';
import type { RequestOf, ResultOf } from '../../src/emulator/actions/action-types.js';
import { routeOf } from '../../src/emulator/http/routes.js';
import { apiVersion, checkRequestLine, describeIssues, isAction, validateReply, validateSchema, type Action } from '../../src/protocol/index.js';
import { actionUrl } from '../support/calls.js';
import { read, type Envelope, type Reply } from '../support/http.js';
export { read, type Envelope, type Reply };

export const origin = 'http://emulator.test';
/** 2026-03-18T07:20:44Z */
export const startTime = Date.UTC(2026, 2, 18, 7, 20, 44);
export const demoKey = 'demo-key';
export const otherKey = 'demo-key-2';

export interface CallOptions {
  key?: string | null;
  version?: string;
  method?: string;
  headers?: Record<string, string>;
}

export interface Harness {
  emulator: Emulator;
  now(): number;
  advance(ms: number): void;
  /** Sends any request through the checks above; use it for all traffic. */
  send(request: Request): Promise<Reply>;
  /** An Action call with a raw body (string) or a value to serialize. */
  call(action: string, body: unknown, options?: CallOptions): Promise<Reply>;
  /** A call expected to succeed: its Result. */
  ok<A extends Action>(action: A, body: RequestOf<A>, key?: string): Promise<ResultOf<A>>;
  /** A call expected to fail: its status and Error. */
  fails<A extends Action>(action: A, body: RequestOf<A>, key?: string): Promise<{ status: number; code: string; message: string; codeN?: number }>;
  /** A fetch for the typed client, still going through `send`'s checks. */
  fetch(request: Request): Promise<Response>;
}

export function createHarness(options: EmulatorOptions = {}): Harness {
  let now = startTime;
  // The document's rate limits would refuse a test's burst under the frozen clock: the tests of
  // the limits ask for them.
  const emulator = createEmulator({ clock: () => now, rateLimits: false, ...options });

  const send = async (request: Request): Promise<Reply> => inspect(request.method, request.url, await emulator.handle(request));

  const call = (action: string, body: unknown, options: CallOptions = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    const key = options.key === undefined ? demoKey : options.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const method = options.method ?? 'POST';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return send(new Request(actionUrl(origin, action, options.version), { method, headers, ...(hasBody ? { body: text } : {}) }));
  };

  return {
    emulator,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    send,
    call,
    async ok(action, body, key = demoKey) {
      const reply = await call(action, body, { key });
      expect(envelopeOf(reply).ResponseMetadata.Error, reply.text).toBeUndefined();
      expect(reply.status).toBe(200);
      return envelopeOf(reply).Result as ResultOf<typeof action>;
    },
    async fails(action, body, key = demoKey) {
      const reply = await call(action, body, { key });
      const error = envelopeOf(reply).ResponseMetadata.Error;
      expect(error, `${action} was expected to fail: ${reply.text}`).toBeDefined();
      return { status: reply.status, code: error?.Code ?? '', message: error?.Message ?? '', ...(error?.CodeN === undefined ? {} : { codeN: error.CodeN }) };
    },
    async fetch(request) {
      const { method, url } = request;
      const response = await emulator.handle(request);
      await inspect(method, url, response.clone());
      return response;
    },
  };
}

/** Reads a reply and fails the test unless the document allows it. */
async function inspect(method: string, target: string, response: Response): Promise<Reply> {
  const url = new URL(target);
  const route = routeOf(method, url.pathname);
  const reply = await read(response);
  expect(reply.status, reply.text).not.toBe(500);
  if (route.kind === 'api') checkApiReply(method, url, reply);
  else checkPageReply(route.kind, reply);
  return reply;
}

function checkApiReply(method: string, url: URL, reply: Reply) {
  expect(reply.headers.get('content-type')).toBe('application/json');
  const body = envelopeOf(reply);
  const named = url.searchParams.get('Action');
  const action: string = isAction(named) ? named : '';
  expect(body.ResponseMetadata).toMatchObject({ Action: action, Version: apiVersion, Service: 'ark', Region: 'cn-beijing' });
  expect(body.ResponseMetadata.RequestId).toMatch(/^[0-9A-F]{32}$/);
  // The request-line refusals (405, 404 InvalidActionOrVersion) come before any Action is
  // chosen, so the document lists them for none: they must be an ErrorResponse. Every other
  // reply is the Action's and must be one the document gives for that Action and status.
  const line = checkRequestLine(method, url);
  const check = 'error' in line ? validateSchema('ErrorResponse', reply.body) : validateReply(line.action, reply.status, reply.body);
  expect(check.valid, `${method} ${action || '(no Action)'} ${reply.status} ${reply.text}\n${check.valid ? '' : describeIssues(check.issues)}`).toBe(true);
  if (reply.status !== 200) expect(body.ResponseMetadata.Error).toBeDefined();
}

const pageStatuses: Record<string, number[]> = {
  media: [302, 403, 404],
  livenessPage: [200, 404, 410],
  livenessOutcome: [303, 404, 410],
};

function checkPageReply(kind: string, reply: Reply) {
  expect(pageStatuses[kind], `${kind} answered ${reply.status}`).toContain(reply.status);
}

export function envelopeOf(reply: Reply): Envelope {
  return reply.body as Envelope;
}

export function errorCode(reply: Reply): string | undefined {
  return envelopeOf(reply).ResponseMetadata.Error?.Code;
}
