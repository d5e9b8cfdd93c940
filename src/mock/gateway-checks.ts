// What the real gateway refuses before any Action runs, in the order it checks. Prism cannot
// answer these in the API's envelope (and cannot tell Actions apart at all), so the front does.
import type { IncomingMessage } from 'node:http';
import { actionFromQuery, isAction, type Action, type GatewayError } from '../spec/index.js';
import { actionPath } from './operations.js';

export interface Refusal extends GatewayError {
  /** The Action to echo in the envelope: the query's, when it names one, else empty. */
  action: string;
  headers?: Record<string, string>;
}

export function checkRequestLine(request: IncomingMessage, url: URL): { action: Action } | Refusal {
  const named = url.searchParams.get('Action');
  const echoed = isAction(named) ? named : '';
  if (request.method !== 'POST') {
    return {
      action: echoed,
      status: 405,
      error: { Code: 'MethodNotAllowed', Message: `The method must be POST, not ${request.method ?? 'none'}.` },
      headers: { Allow: 'POST' },
    };
  }
  if (url.pathname !== actionPath && url.pathname !== actionPath.slice(0, -1)) {
    return {
      action: echoed,
      status: 404,
      error: { Code: 'InvalidActionOrVersion', Message: `Every Action is served on ${actionPath}, not ${JSON.stringify(url.pathname)}.` },
    };
  }
  const found = actionFromQuery(url.searchParams);
  if ('error' in found) return { ...found, action: echoed };
  return found;
}

/** Only the scheme is checked: any bearer token is accepted, and its value is never read further. */
export function checkAuthorization(request: IncomingMessage, action: Action): Refusal | undefined {
  const header = request.headers.authorization;
  if (header && /^Bearer\s+\S/i.test(header)) return undefined;
  return {
    action,
    status: 401,
    error: { Code: 'Unauthorized', Message: 'Send the API key as "Authorization: Bearer <api key>".' },
  };
}
