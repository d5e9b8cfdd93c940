// The gateway in front of every Action, in the real gateway's order: request line, bearer token,
// the key's admission (known key, rate limit), body size, Content-Type, JSON, then the Action's
// request schema.
// The mock and the emulator both run it; each refusal is the gateway's own (src/protocol/gateway-rules.ts).
import {
  bearerToken,
  bodyTooLarge,
  checkContentType,
  checkRequestLine,
  documentedError,
  parameterRefusal,
  parseJsonBody,
  protocol,
  validateRequest,
  type Action,
  type EchoedRefusal,
} from '../protocol/index.js';
import type { ServerRequest } from './exchange.js';

export interface GatewayRules<Caller> {
  /** Who the key belongs to, or the refusal (an unknown key, a rate limit). */
  admitKey(key: string, action: Action): { caller: Caller } | EchoedRefusal;
  /** Whether the gateway judges the body against the schema; the mock leaves that to Prism. */
  validateBody: boolean;
}

export interface Admitted<Caller> {
  action: Action;
  caller: Caller;
  /** The body as JSON; valid against the Action's request schema when the rules validate it. */
  body: unknown;
  bodyByteLength: number;
}

export async function passGateway<Caller>(request: ServerRequest, rules: GatewayRules<Caller>): Promise<Admitted<Caller> | EchoedRefusal> {
  const line = checkRequestLine(request.method, request.url);
  if ('error' in line) return line;
  const { action } = line;

  const auth = bearerToken(request.header('authorization'), action);
  if ('error' in auth) return auth;
  const admission = rules.admitKey(auth.token, action);
  if ('error' in admission) return admission;

  const read = await request.readBody(protocol.maxBodyBytes);
  if (read.outcome === 'tooLarge') return bodyTooLarge(action);
  const notJson = checkContentType(request.header('content-type'), action);
  if (notJson) return notJson;
  if (read.outcome === 'unreadable') return { ...documentedError('InvalidParameter', 'The request body could not be read.'), action };
  const parsed = parseJsonBody(read.text, action);
  if ('error' in parsed) return parsed;

  if (rules.validateBody) {
    const check = validateRequest(action, parsed.value);
    if (!check.valid) return { ...parameterRefusal(check.issues), action };
  }
  return { action, caller: admission.caller, body: parsed.value, bodyByteLength: read.byteLength };
}
