// Proxy mode: Prism forwards the call to the upstream and checks its answer against the document.
import type { IHttpRequest } from '@stoplight/prism-http';
import type { Action } from '../protocol/index.js';
import type { ActionOperation } from './operations.js';
import type { CallPrism } from './prism.js';
import { errorReply } from '../server/envelopes.js';
import type { Reply } from '../server/exchange.js';
import { prismReply, withViolations } from './prism-reply.js';
import { requestError } from './request-error.js';
import { isError, toViolations, violationsOfRefusal } from './violations.js';

// With `errors` on, Prism refuses to forward a request that breaks the document, with this error.
const unprocessableEntity = 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY';

export async function proxyAnswer(
  prism: CallPrism,
  action: Action,
  { operation }: ActionOperation,
  input: IHttpRequest,
  errors: boolean,
): Promise<Reply> {
  const answer = await prism(input, operation);
  if (!answer.ok) {
    if (answer.error.name === unprocessableEntity) {
      const violations = violationsOfRefusal(answer.error.additional?.validation);
      return withViolations(errorReply(action, 400, requestError(action, input.body, violations[0]?.message)), violations);
    }
    // The error text can carry the upstream URL; the envelope says only what failed.
    return errorReply(action, 502, {
      Code: 'InternalError',
      Message: 'The upstream could not be reached, or its response could not be read.',
    });
  }

  const violations = [...toViolations('request', answer.input), ...toViolations('response', answer.output)];
  const broken = violations.filter((violation) => isError(violation) && violation.location[0] === 'response');
  if (errors && broken.length > 0) {
    const reasons = broken.slice(0, 3).map((violation) => `${violation.location.slice(1).join('.') || '(response)'} ${violation.message}`);
    return withViolations(errorReply(action, 502, {
      Code: 'InternalError',
      Message: `The upstream response broke the spec: ${reasons.join('; ')}.`,
    }), violations);
  }
  // The upstream's envelope goes back as it came: its RequestId is the one support can trace.
  return prismReply(answer.response, violations);
}
