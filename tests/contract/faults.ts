// Deliberately broken servers: wrappers around the emulator's Fetch handler that break one rule
// each, for proving that the contract checks catch it, and servers that differ from it only where
// the document assumes, for proving that the checks tell the two apart.
import { apiVersion, protocol } from '../../src/protocol/index.js';
import type { Envelope } from '../support/http.js';

/** The settings of a run against an in-process emulator that keeps no rate limits: quick polls, no pacing. */
export const fastContract = { apiKey: 'demo-key', secondApiKey: 'demo-key-2', pollIntervalMs: 5, assetTimeoutMs: 5_000, rateLimits: false } as const;

type Handler = (request: Request) => Promise<Response>;
export type Fault = (handle: Handler) => Handler;


const actionOf = (request: Request) => new URL(request.url).searchParams.get('Action');

/** Edits the JSON body of every reply to `action`. */
export function editReplies(action: string, edit: (body: Envelope) => void): Fault {
  return (handle) => async (request) => {
    const response = await handle(request);
    if (actionOf(request) !== action) return response;
    const body = (await response.json()) as Envelope;
    edit(body);
    return Response.json(body, { status: response.status, headers: response.headers });
  };
}

/** Answers `action` itself whenever `when` holds for the request's text, never asking the server. */
export function answerInstead(action: string, when: (text: string) => boolean, reply: (text: string) => Response): Fault {
  return (handle) => async (request) => {
    if (actionOf(request) !== action) return handle(request);
    const text = await request.clone().text();
    return when(text) ? reply(text) : handle(request);
  };
}

/** Sends requests whose key matches `from` as if they used the key `to`. */
export function swapKey(from: (key: string) => boolean, to: string): Fault {
  return (handle) => (request) => {
    const key = request.headers.get('Authorization')?.replace(/^Bearer /, '');
    if (key === undefined || !from(key)) return handle(request);
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${to}`);
    return handle(new Request(request, { headers }));
  };
}

/** Rewrites the JSON body of requests to `action` before the server sees them. */
export function editRequests(action: string, edit: (body: Record<string, unknown>) => void): Fault {
  return (handle) => async (request) => {
    if (actionOf(request) !== action) return handle(request);
    const body = JSON.parse(await request.text()) as Record<string, unknown>;
    edit(body);
    return handle(new Request(request.url, { method: request.method, headers: request.headers, body: JSON.stringify(body) }));
  };
}

/** The RequestId of every reply a fault makes up: a test can tell them from the emulator's. */
export const faultRequestId = 'F'.repeat(32);

export function envelope(action: string, result: Record<string, unknown>): Response {
  return Response.json({ ResponseMetadata: { RequestId: faultRequestId, Action: action, Version: apiVersion }, Result: result });
}

/** Answers any request `when` holds for, before the server sees it, as a gateway's edge does. */
export function atTheEdge(when: (request: Request, text: string) => boolean, reply: () => Response): Fault {
  return (handle) => async (request) => {
    const text = await request.clone().text();
    return when(request, text) ? reply() : handle(request);
  };
}

/** Drops every top-level body field the Action's request schema does not name, as a lenient gateway does. */
export function dropUnknownFields(fieldsOf: (action: string) => readonly string[]): Fault {
  return (handle) => async (request) => {
    const action = actionOf(request);
    const text = await request.clone().text();
    // Size first, as a gateway does: a body over the limit is refused whatever it holds.
    if (text.length > protocol.maxBodyBytes) return handle(request);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return handle(request);
    }
    if (action === null || typeof body !== 'object' || body === null || Array.isArray(body)) return handle(request);
    const known = new Set(fieldsOf(action));
    const kept = Object.fromEntries(Object.entries(body).filter(([name]) => known.has(name)));
    return handle(new Request(request.url, { method: request.method, headers: request.headers, body: JSON.stringify(kept) }));
  };
}

/**
 * `handle` (a broken server), keeping what it threw: a fault that throws (a slip in the test, not
 * the server's break) would reach the run as a call with no reply, and the check that fails on it
 * would pass for catching the break.
 */
export function watched(handle: Handler): { handle: Handler; thrown: unknown[] } {
  const thrown: unknown[] = [];
  return {
    handle: async (request) => {
      try {
        return await handle(request);
      } catch (error) {
        thrown.push(error);
        throw error;
      }
    },
    thrown,
  };
}

/** Every fault in turn, the first outermost. */
export function combined(...faults: Fault[]): Fault {
  return (handle) => faults.reduceRight((inner, fault) => fault(inner), handle);
}

export function errorEnvelope(action: string, code: string, status: number): Response {
  return Response.json({ ResponseMetadata: { RequestId: faultRequestId, Action: action, Version: apiVersion, Error: { Code: code, Message: `${code}, as this server says it` } } }, { status });
}
