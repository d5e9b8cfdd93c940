// The errors the Actions themselves answer with, each with the HTTP status the document gives its
// code: gateway-style refusals with 4xx, the upstream's liveness verdicts with 200.
import { documentedError, parameterRefusal, protocol } from '../../protocol/index.js';
import type { Refusal } from './action-types.js';

export type ResourceKind = 'group' | 'asset';

/** An unknown id, or one in another project: the same answer, so neither can be probed. */
export function notFound(kind: ResourceKind, id: string): Refusal {
  return documentedError('NotFound', `The ${kind} ${id} does not exist.`);
}

export function forbidden(kind: ResourceKind): Refusal {
  return documentedError('Forbidden', `The API key cannot access this ${kind}.`);
}

export function quotaExceeded(message: string): Refusal {
  return documentedError('QuotaExceeded', message);
}

export function aigcNotAvailable(): Refusal {
  return documentedError('AIGCNotAvailable', 'AIGC group creation is not enabled for this account.');
}

export function invalidToken(message: string): Refusal {
  return documentedError('InvalidToken', message);
}

export function tokenExpired(): Refusal {
  return documentedError('TokenExpired', `The BytedToken is older than its ${protocol.bytedTokenLifetimeSeconds}-second window; start a new session.`);
}

export function validatePending(): Refusal {
  return documentedError('ValidatePending', 'The liveness check has not been completed yet; call again shortly.');
}

/** A field the schema lets through but the emulator cannot use, named as the gateway names the schema's refusals. */
export function invalidParameter(field: string, message: string): Refusal {
  return parameterRefusal([{ path: `/${field}`, keyword: 'format', message }]);
}

/** The 429 of a limit, saying when to try again. */
export function rateLimited(retryAfterSeconds: number, message: string): Refusal {
  return { ...documentedError('RateLimitExceeded', message), headers: { 'Retry-After': String(retryAfterSeconds) } };
}
