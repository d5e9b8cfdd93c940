// The Action-aware front: the gateway's own checks in the gateway's order (the server kit's,
// shared with the emulator), then Prism for the one operation the query names. Prism judges the
// body itself: it is the second judge, so the front does not validate it first.
import { protocol } from '../protocol/index.js';
import { refusalReply } from '../server/envelopes.js';
import type { Handler } from '../server/exchange.js';
import { passGateway, type GatewayRules } from '../server/gateway-stage.js';
import { mockAnswer } from './mock-answer.js';
import type { ActionOperations } from './operations.js';
import { preferredExample } from './prefer.js';
import { prismInput, type CallPrism, type PrismMode } from './prism.js';
import { proxyAnswer } from './proxy-answer.js';

// Any well-formed key passes here, and is the caller: only the real API knows keys.
const anyKey: GatewayRules<string> = { admitKey: (key) => ({ caller: key }), validateBody: false };

export function createFront(operations: ActionOperations, prism: CallPrism, mode: PrismMode): Handler {
  return async (request) => {
    const admitted = await passGateway(request, anyKey);
    if ('error' in admitted) return refusalReply(admitted);
    const { action, body, bodyByteLength, caller: key } = admitted;
    const operation = operations.get(action);
    if (!operation) throw new Error(`No operation loaded for ${action}`);
    // The scheme's name is case-insensitive (RFC 9110) and the gateway took `bearer` too; Prism
    // reads only `Bearer`, so it gets the header written that way.
    const headers: Record<string, string> = { ...request.headers(), authorization: `Bearer ${key}` };
    if (mode.proxy) {
      const input = prismInput(headers, request.url, body, bodyByteLength, protocol.endpoint);
      return proxyAnswer(prism, action, operation, input, mode.errors);
    }
    // The real API always answers JSON whatever Accept says; Prism would negotiate on it.
    const input = prismInput(headers, request.url, body, bodyByteLength, protocol.endpoint, ['accept', 'prefer']);
    return mockAnswer(prism, action, operation, input, preferredExample(headers.prefer));
  };
}
