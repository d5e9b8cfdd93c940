// The gateway's answer to a body Prism found invalid.
import { documentedError, parameterRefusal, validateRequest, type Action, type Refusal } from '../protocol/index.js';

/**
 * Prism's 400 is a static example; the client needs the field that is wrong, named the way the
 * gateway names it. When the body itself is fine (a wrong Content-Type), Prism's reason is used.
 */
export function requestError(action: Action, body: unknown, prismReason: string | undefined): Refusal {
  const check = validateRequest(action, body);
  if (!check.valid) return parameterRefusal(check.issues);
  return documentedError('InvalidParameter', prismReason ?? 'The request is invalid.');
}
