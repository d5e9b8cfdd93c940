// The Action-aware front: the gateway's own checks in the gateway's order, then Prism for the
// one operation the query names.
import type { IncomingMessage } from 'node:http';
import {
  bearerToken,
  bodyTooLarge,
  checkRequestLine,
  parseJsonBody,
  protocol,
  type Action,
  type Refusal,
} from '../protocol/index.js';
import { mockAnswer } from './mock-answer.js';
import type { ActionOperations } from './operations.js';
import { preferredExample } from './prefer.js';
import { prismInput, type CallPrism, type PrismMode } from './prism.js';
import { proxyAnswer } from './proxy-answer.js';
import { envelopeAnswer, type Answer } from './reply.js';
import { readBody } from '../node/read-body.js';

export type Front = (request: IncomingMessage, called: (action: Action) => void) => Promise<Answer>;

export function createFront(operations: ActionOperations, prism: CallPrism, mode: PrismMode): Front {
  return async (request, called) => {
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const line = checkRequestLine(request.method, url);
    if ('error' in line) return refusal(line);
    const { action } = line;
    called(action);

    const auth = bearerToken(request.headers.authorization, action);
    if ('error' in auth) return refusal(auth);

    const read = await readBody(request, protocol.maxBodyBytes);
    // What is left of a body over the limit is dropped as it arrives; closing the connection ends it.
    if (read.tooLarge) return refusal(bodyTooLarge(action));
    const parsed = parseJsonBody(read.bytes.toString('utf8'), action);
    if ('error' in parsed) return refusal(parsed);

    const operation = operations.get(action);
    if (!operation) throw new Error(`No operation loaded for ${action}`);
    if (mode.proxy) {
      const input = prismInput(request.headers, url, parsed.value, read.bytes.length, protocol.endpoint);
      return proxyAnswer(prism, action, operation, input, mode.errors);
    }
    // The real API always answers JSON whatever Accept says; Prism would negotiate on it.
    const input = prismInput(request.headers, url, parsed.value, read.bytes.length, protocol.endpoint, ['accept', 'prefer']);
    return mockAnswer(prism, action, operation, input, preferredExample(headerValue(request.headers.prefer)));
  };
}

function refusal({ action, status, error, headers }: Refusal): Answer {
  return envelopeAnswer(action, status, error, headers ? { headers } : {});
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
