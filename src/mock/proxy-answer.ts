// Proxy mode: Prism checks the request, the bounded forwarder (upstream.ts) calls the upstream,
// and Prism checks its answer against the document. A request that breaks the document is
// refused with 400 and never forwarded; what goes wrong upstream is a 502 (or 504) envelope.
import type { IHttpRequest } from '@stoplight/prism-http';
import { replySchemaPointer, type Action } from '../protocol/index.js';
import type { ActionOperation } from './operations.js';
import type { CallPrism } from './prism.js';
import { errorReply, refusalReply } from '../server/envelopes.js';
import type { Reply } from '../server/exchange.js';
import { prismReply, withViolations } from './prism-reply.js';
import { requestError } from './request-error.js';
import { UpstreamError } from './upstream.js';
import { isError, toViolations, unprocessableEntity, violationsOfRefusal } from './violations.js';

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
      return withViolations(refusalReply({ ...requestError(action, input.body, violations[0]?.message), action }), violations);
    }
    if (answer.error instanceof UpstreamError) {
      return errorReply(action, answer.error.failure === 'timeout' ? 504 : 502, { Code: 'InternalError', Message: answer.error.message });
    }
    throw answer.error;
  }

  const violations = [...toViolations('request', answer.input), ...toViolations('response', answer.output)];
  // No made-up answers: a status the document does not list for the Action is not passed on.
  const status = answer.response.statusCode;
  if (replySchemaPointer(action, status) === undefined) {
    return withViolations(errorReply(action, 502, {
      Code: 'InternalError',
      Message: `The upstream answered HTTP ${status}, which the document does not list for ${action}.`,
    }), violations);
  }
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
