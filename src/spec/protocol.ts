// The Action protocol on the wire: the query that names an Action, the body limit and the error
// envelope. Shared by the client, the mock and the emulator; free of Node-only imports.
import { actions, apiVersion, type Action } from '../../generated/actions.js';
import type { components } from '../../generated/schema.js';
import type { ValidationIssue } from './validators.js';

export type ErrorCode = components['schemas']['ErrorCode'];
export type ErrorObject = components['schemas']['Error'];
export type ErrorResponse = components['schemas']['ErrorResponse'];

/** Request bodies over 1 MB are refused with HTTP 413. */
export const maxBodyBytes = 1024 * 1024;

export function isAction(name: unknown): name is Action {
  return typeof name === 'string' && Object.hasOwn(actions, name);
}

/** A failure the gateway reports itself, before any Action runs. */
export interface GatewayError {
  status: number;
  error: ErrorObject;
}

/** Reads `Action` and `Version` from a request's query, as the gateway does. */
export function actionFromQuery(query: URLSearchParams): { action: Action } | GatewayError {
  const action = query.get('Action');
  const version = query.get('Version');
  if (!isAction(action)) {
    const message = action ? `Unknown Action ${JSON.stringify(action)}.` : 'The query must name an Action.';
    return { status: 404, error: { Code: 'InvalidActionOrVersion', Message: message, CodeN: 100008 } };
  }
  if (version !== apiVersion) {
    const message = `${action} needs Version=${apiVersion}, got ${version === null ? 'none' : JSON.stringify(version)}.`;
    return { status: 404, error: { Code: 'InvalidActionOrVersion', Message: message, CodeN: 100008 } };
  }
  return { action };
}

/** A fresh RequestId: 32 upper-case hex digits. */
export function newRequestId(): string {
  return crypto.randomUUID().replaceAll('-', '').toUpperCase();
}

export function errorEnvelope(action: string, error: ErrorObject, requestId = newRequestId()): ErrorResponse {
  return { ResponseMetadata: { RequestId: requestId, Action: action, Version: apiVersion, Error: error } };
}

/**
 * The gateway's error for a body that failed validation: `MissingParameter.<Field>` for a missing
 * field, otherwise `InvalidParameter.<Field>`, named after the first issue (`Filter.PageSize`).
 */
export function parameterError(issues: readonly ValidationIssue[]): ErrorObject {
  const [first] = issues;
  if (!first) return { Code: 'InvalidParameter', Message: 'The request body is invalid.' };
  const field = first.path.split('/').filter(Boolean).join('.');
  const base = first.keyword === 'required' ? 'MissingParameter' : 'InvalidParameter';
  if (!field) return { Code: base, Message: `The request body ${first.message}.` };
  return { Code: `${base}.${field}`, Message: `${field} ${first.message}.` };
}
