// Mock mode: Prism validates the request and answers with one of the Action's examples.
import { documentedError, type Action } from '../protocol/index.js';
import { quoted } from '../protocol/gateway-rules.js';
import type { ActionOperation } from './operations.js';
import type { CallPrism } from './prism.js';
import type { IHttpRequest } from '@stoplight/prism-http';
import { refusalReply } from '../server/envelopes.js';
import type { Reply } from '../server/exchange.js';
import { prismReply, stampEnvelope, withViolations } from './prism-reply.js';
import { requestError } from './request-error.js';
import { isError, toViolations } from './violations.js';

export async function mockAnswer(
  prism: CallPrism,
  action: Action,
  { operation, exampleStatus }: ActionOperation,
  input: IHttpRequest,
  exampleName: string | undefined,
): Promise<Reply> {
  let preference = {};
  if (exampleName !== undefined) {
    const code = exampleStatus.get(exampleName);
    if (code === undefined) {
      const known = [...exampleStatus.keys()].join(', ');
      return refusalReply({ ...documentedError('InvalidParameter', `${action} has no example ${quoted(exampleName)} (Prefer: example=<name>); its examples are: ${known}.`), action });
    }
    preference = { code, exampleKey: exampleName };
  }

  const answer = await prism(input, operation, preference);
  if (!answer.ok) throw answer.error;
  const violations = [...toViolations('request', answer.input), ...toViolations('response', answer.output)];
  if (violations.some((violation) => isError(violation) && violation.location[0] === 'request')) {
    return withViolations(refusalReply({ ...requestError(action, input.body, violations[0]?.message), action }), violations);
  }
  return prismReply(answer.response, violations, stampEnvelope(answer.response.body, action));
}
