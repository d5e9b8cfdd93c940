// The gateway in front of every Action, in the real gateway's order: request line, bearer
// token, known API key, rate limit, body size, JSON, then the Action's request schema. Each
// refusal is the gateway's own (src/protocol/gateway.ts); nothing here decides what is valid.
import {
  bearerToken,
  bodyTooLarge,
  checkRequestLine,
  parameterError,
  parseJsonBody,
  protocol,
  validateRequest,
  type Action,
  type Refusal,
} from '../protocol/index.js';
import type { RateLimiter } from './rate-limiter.js';
import type { PlainRequest } from './exchange.js';
import type { Tenant } from './tenants.js';

export interface Admitted {
  action: Action;
  tenant: Tenant;
  /** The body, valid against the Action's request schema. */
  body: unknown;
}

export interface GatewaySetup {
  tenantsByKey: ReadonlyMap<string, Tenant>;
  rateLimiter: RateLimiter;
}

export async function passGateway(request: PlainRequest, now: number, { tenantsByKey, rateLimiter }: GatewaySetup): Promise<Admitted | Refusal> {
  const line = checkRequestLine(request.method, request.url);
  if ('error' in line) return line;
  const { action } = line;

  const auth = bearerToken(request.header('authorization'), action);
  if ('error' in auth) return auth;
  const tenant = tenantsByKey.get(auth.token);
  if (!tenant) return { action, status: 401, error: { Code: 'Unauthorized', Message: 'The API key is not valid.' } };

  const admission = rateLimiter.admit(tenant.customerId, action, now);
  if (!admission.admitted) {
    return {
      action,
      status: 429,
      error: { Code: 'RateLimitExceeded', Message: `Too many ${action} requests for this customer; retry after ${admission.retryAfterSeconds} s.` },
      headers: { 'Retry-After': String(admission.retryAfterSeconds) },
    };
  }

  const read = await request.readBody(protocol.maxBodyBytes);
  if (read.outcome === 'tooLarge') return bodyTooLarge(action);
  if (read.outcome === 'unreadable') return { action, status: 400, error: { Code: 'InvalidParameter', Message: 'The request body could not be read.' } };
  const parsed = parseJsonBody(read.text, action);
  if ('error' in parsed) return parsed;

  const check = validateRequest(action, parsed.value);
  if (!check.valid) return { action, status: 400, error: parameterError(check.issues) };
  return { action, tenant, body: parsed.value };
}
