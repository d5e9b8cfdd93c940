// The liveness Actions. A session is a BytedToken with the document's lifetime; the person settles it
// on the emulator's H5 page (../http/liveness-pages.ts), and GetVisualValidateResult then turns a
// passed check into one LivenessFace group. Verdicts come back with HTTP 200, as upstream's do.
import { invalidParameter, invalidToken, rateLimited, tokenExpired, validatePending } from './action-errors.js';
import type { ActionHandler } from './action-context.js';
import { addGroup } from './groups.js';
import { requestDefault } from './schema-defaults.js';
import { expiredSessionGraceMs, maxSessionsPerCustomer, sessionIsExpired, sessionLifetimeMs } from '../model/state.js';
import { httpUrl } from '../../protocol/http-url.js';

const defaultProjectName = requestDefault('CreateVisualValidateSession', 'ProjectName');

export const createVisualValidateSession: ActionHandler<'CreateVisualValidateSession'> = ({ state, tenant, now, links }, request) => {
  // The H5 page sends the browser there when the check ends: it must be a place a browser can go.
  if (!httpUrl(request.CallbackURL)) return invalidParameter('CallbackURL', 'must be an http or https URL that a browser can open');
  state.pruneSessions(now);
  if (state.sessionCount(tenant.customerId) >= maxSessionsPerCustomer) {
    const retryAfter = Math.ceil((sessionLifetimeMs + expiredSessionGraceMs) / 1000);
    return rateLimited(retryAfter, `The customer has ${maxSessionsPerCustomer} liveness sessions open; they close ${retryAfter} s after they began.`);
  }
  const token = state.ids.bytedToken(now);
  state.addSession({
    token,
    customerId: tenant.customerId,
    projectName: request.ProjectName ?? defaultProjectName,
    callbackUrl: request.CallbackURL,
    createdAt: now,
    outcome: 'pending',
  });
  return {
    result: {
      BytedToken: token,
      H5Link: links.livenessPage(token),
      CallbackURL: request.CallbackURL,
    },
  };
};

export const getVisualValidateResult: ActionHandler<'GetVisualValidateResult'> = (context, request) => {
  const { state, tenant, now } = context;
  const session = state.session(request.BytedToken, now);
  // Another customer's token answers exactly like an unknown one: it must not be probeable.
  if (!session || session.customerId !== tenant.customerId) {
    return invalidToken('The BytedToken is unknown or was issued to another API key.');
  }
  const projectName = request.ProjectName ?? defaultProjectName;
  if (session.projectName !== projectName) {
    return invalidToken(`The BytedToken was issued for the project ${JSON.stringify(session.projectName)}, not ${JSON.stringify(projectName)}.`);
  }
  if (sessionIsExpired(session, now)) return tokenExpired();
  if (session.outcome === 'pending') return validatePending();
  if (session.outcome === 'failed') return invalidToken('The liveness check did not pass; start a new session.');

  // One group per passed check: later calls within the token's life get the same GroupId.
  if (session.groupId === undefined) {
    const added = addGroup(context, {
      Name: `person-${session.token.slice(-8)}`,
      Description: '',
      GroupType: 'LivenessFace',
      ProjectName: session.projectName,
    });
    if ('error' in added) return added;
    session.groupId = added.group.Id;
  }
  return { result: { GroupId: session.groupId } };
};
