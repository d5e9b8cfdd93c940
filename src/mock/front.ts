// The Action-aware front: the gateway's own checks in the gateway's order, then Prism for the
// one operation the query names.
import type { IncomingMessage } from 'node:http';
import { maxBodyBytes, type Action } from '../spec/index.js';
import { checkAuthorization, checkRequestLine, type Refusal } from './gateway-checks.js';
import { mockAnswer } from './mock-answer.js';
import { actionPath, type ActionOperations } from './operations.js';
import { preferredExample } from './prefer.js';
import { prismInput, type CallPrism, type PrismMode } from './prism.js';
import { proxyAnswer } from './proxy-answer.js';
import { envelopeAnswer, type Answer } from './reply.js';
import { readBody } from './request-body.js';

export type Front = (request: IncomingMessage, called: (action: Action) => void) => Promise<Answer>;

export function createFront(operations: ActionOperations, prism: CallPrism, mode: PrismMode): Front {
  return async (request, called) => {
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const line = checkRequestLine(request, url);
    if ('error' in line) return refusal(line);
    const { action } = line;
    called(action);

    const unauthorized = checkAuthorization(request, action);
    if (unauthorized) return refusal(unauthorized);

    const read = await readBody(request, maxBodyBytes);
    if (read.tooLarge) {
      // What is left of the body is dropped as it arrives, never kept; closing the connection ends it.
      return envelopeAnswer(action, 413, {
        Code: 'RequestEntityTooLarge',
        Message: `The request body is over ${maxBodyBytes} bytes.`,
      }, { headers: { Connection: 'close' } });
    }
    const parsed = parseJson(read.bytes);
    if (!parsed.ok) return envelopeAnswer(action, 400, { Code: 'InvalidParameter', Message: parsed.message });

    const operation = operations.get(action);
    if (!operation) throw new Error(`No operation loaded for ${action}`);
    if (mode.proxy) {
      const input = prismInput(request.headers, url, parsed.value, read.bytes.length, actionPath);
      return proxyAnswer(prism, action, operation, input, mode.errors);
    }
    // The real API always answers JSON whatever Accept says; Prism would negotiate on it.
    const input = prismInput(request.headers, url, parsed.value, read.bytes.length, actionPath, ['accept', 'prefer']);
    return mockAnswer(prism, action, operation, input, preferredExample(headerValue(request.headers.prefer)));
  };
}

function refusal({ action, status, error, headers }: Refusal): Answer {
  return envelopeAnswer(action, status, error, headers ? { headers } : {});
}

function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false; message: string } {
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { ok: false, message: 'The request body is empty; send the Action\'s parameters as a JSON object.' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unreadable';
    return { ok: false, message: `The request body is not valid JSON: ${reason}.` };
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
