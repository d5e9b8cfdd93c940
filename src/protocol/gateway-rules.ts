// The gateway's rules on the wire: the query that names an Action, the key, the body limit and
// the error envelope. Shared by the client, the mock and the emulator; free of Node-only imports.
import { actions, apiVersion, errorCodes, protocol, type Action, type components } from './generated.js';
import { bodyShapeIssue } from './body-shape.js';
import type { ValidationIssue } from './validation-issues.js';

export type ErrorCode = components['schemas']['ErrorCode'];
export type ErrorObject = components['schemas']['Error'];
export type ErrorResponse = components['schemas']['ErrorResponse'];

export function isAction(name: unknown): name is Action {
  return typeof name === 'string' && Object.hasOwn(actions, name);
}

/**
 * An error the API answers with, whoever refuses (the gateway or an Action): the HTTP status (one
 * the document lists), the Error, and any header it needs, such as a 429's Retry-After.
 */
export interface Refusal {
  status: number;
  error: ErrorObject;
  headers?: Record<string, string> | undefined;
}

/** A refusal with the Action its envelope echoes: the query's, when it names a known one, else empty. */
export interface EchoedRefusal extends Refusal {
  action: string;
}

/** What a client sent, cut to a short prefix for an error, so no reply grows with what it echoes. */
function shortened(text: string): string {
  const limit = 64;
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** What a client sent, cut to a short prefix and quoted, for an error message. */
export function quoted(text: string): string {
  return JSON.stringify(shortened(text));
}

/**
 * An error of `code` (with `.<field>` when given), with the HTTP status and, where a source gives
 * one, the CodeN the document gives the code.
 */
export function documentedError(code: ErrorCode, Message: string, field?: string): Refusal {
  const documented: { status: number; codeN?: number } = errorCodes[code];
  const error: ErrorObject = { Code: field ? `${code}.${field}` : code, Message };
  if (documented.codeN !== undefined) error.CodeN = documented.codeN;
  return { status: documented.status, error };
}

/** The gateway's refusal of a request that names no Action it serves. */
function refuse(Message: string): Refusal {
  return documentedError('InvalidActionOrVersion', Message);
}

/** Reads `Action` and `Version` from a request's query, as the gateway does: each exactly once. */
export function actionFromQuery(query: URLSearchParams): { action: Action } | Refusal {
  for (const name of ['Action', 'Version']) {
    if (query.getAll(name).length > 1) return refuse(`The query names ${name} more than once.`);
  }
  const action = query.get('Action');
  const version = query.get('Version');
  if (!isAction(action)) return refuse(action ? `Unknown Action ${quoted(action)}.` : 'The query must name an Action.');
  if (version !== apiVersion) return refuse(`${action} needs Version=${apiVersion}, got ${version === null ? 'none' : quoted(version)}.`);
  return { action };
}

/** The Action a refusal echoes: the query's, when it names a known one, else empty. */
export function echoedAction(url: URL): Action | '' {
  const named = url.searchParams.get('Action');
  return isAction(named) ? named : '';
}

/** The gateway's checks of the path, the method and the query, in its order: any other path is a 404, whatever the method. */
export function checkRequestLine(method: string | undefined, url: URL): { action: Action } | EchoedRefusal {
  const echoed = echoedAction(url);
  if (url.pathname !== protocol.endpoint && url.pathname !== protocol.endpoint.slice(0, -1)) {
    return { ...refuse(`Every Action is served on ${protocol.endpoint}, not ${quoted(url.pathname)}.`), action: echoed };
  }
  if (method !== 'POST') {
    return { ...documentedError('MethodNotAllowed', `The method must be POST, not ${quoted(method ?? 'none')}.`), action: echoed, headers: { Allow: 'POST' } };
  }
  const found = actionFromQuery(url.searchParams);
  return 'error' in found ? { ...found, action: echoed } : found;
}

/** The API key of an `Authorization: Bearer <key>` header, or the gateway's 401. */
export function bearerToken(authorization: string | null | undefined, action: Action): { token: string } | EchoedRefusal {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (match?.[1]) return { token: match[1] };
  return { ...documentedError('Unauthorized', 'Send the API key as "Authorization: Bearer <api key>".'), action };
}

/**
 * The gateway's 400 for a body that is not declared JSON: `application/json` or a `+json` type,
 * any case, with or without parameters. A body without a Content-Type is not declared JSON.
 */
export function checkContentType(contentType: string | null | undefined, action: Action): EchoedRefusal | undefined {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType)) return undefined;
  return { ...documentedError('InvalidParameter', `The body must be sent as Content-Type: application/json, not ${contentType ? quoted(contentType) : 'without one'}.`), action };
}

/** The gateway's 413 for a body over `protocol.maxBodyBytes`. */
export function bodyTooLarge(action: Action): EchoedRefusal {
  return { ...documentedError('RequestEntityTooLarge', `The request body is over ${protocol.maxBodyBytes} bytes.`), action, headers: { Connection: 'close' } };
}

/** Parses a request body, or gives the gateway's 400 for an empty, malformed or absurdly nested one. */
export function parseJsonBody(text: string, action: Action): { value: unknown } | EchoedRefusal {
  const refuse = (Message: string): EchoedRefusal => ({ ...documentedError('InvalidParameter', Message), action });
  if (text.trim() === '') return refuse("The request body is empty; send the Action's parameters as a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unreadable';
    return refuse(`The request body is not valid JSON: ${reason}.`);
  }
  // Validators recurse into what they check; a body deeper than any schema, or holding a number
  // no field can, is refused first.
  const misshapen = bodyShapeIssue(value);
  return misshapen ? { ...parameterRefusal([misshapen]), action } : { value };
}

/** A fresh RequestId: 32 upper-case hex digits. */
export function newRequestId(): string {
  return crypto.randomUUID().replaceAll('-', '').toUpperCase();
}

export function errorEnvelope(action: string, error: ErrorObject, requestId = newRequestId()): ErrorResponse {
  return { ResponseMetadata: { RequestId: requestId, Action: action, Version: apiVersion, Error: error } };
}

/**
 * The gateway's refusal of a body that failed validation: `MissingParameter.<Field>` for a missing
 * field, otherwise `InvalidParameter.<Field>`, named after the first issue (`Filter.PageSize`).
 */
export function parameterRefusal(issues: readonly ValidationIssue[]): Refusal {
  const [first] = issues;
  if (!first) return documentedError('InvalidParameter', 'The request body is invalid.');
  const field = shortened(first.path.split('/').filter(Boolean).join('.'));
  const base = first.keyword === 'required' ? 'MissingParameter' : 'InvalidParameter';
  if (!field) return documentedError(base, `The request body ${first.message}.`);
  return documentedError(base, `${field} ${first.message}.`, field);
}
