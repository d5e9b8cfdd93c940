// The Portrait API in memory, as a Fetch handler: `createEmulator().handle(request)` answers
// as the document describes the gateway and the upstream, with state, tenancy, quotas,
// asynchronous asset processing and the liveness flow. The document is its specification; the
// contract checks (src/contract) hold it, and any other Portrait server, to it. Where the
// document leaves a choice open, the handler that makes it says so.
import { httpUrl } from '../protocol/http-url.js';
import { documentedError, type Action, type RequestOf } from '../protocol/index.js';
import { asFetchFailure } from '../server/connection-reset.js';
import { refusalReply, successReply } from '../server/envelopes.js';
import { fromFetchRequest, toFetchResponse, type FetchInit, type Handler, type Reply, type ServerRequest } from '../server/exchange.js';
import { passGateway, type GatewayRules } from '../server/gateway-stage.js';
import type { ActionContext, ActionHandler, ReplyLinks } from './actions/action-context.js';
import { rateLimited } from './actions/action-errors.js';
import type { ActionOutcome } from './actions/action-types.js';
import { createAsset, deleteAsset, getAsset, listAssets, updateAsset } from './actions/assets.js';
import { createAssetGroup, deleteAssetGroup, getAssetGroup, listAssetGroups, updateAssetGroup } from './actions/groups.js';
import { createVisualValidateSession, getVisualValidateResult } from './actions/liveness.js';
import { injectFaults } from './http/fault-injection.js';
import { livenessPage, settleLiveness } from './http/liveness-pages.js';
import { MediaLinks, mediaRedirect } from './http/media-links.js';
import { livenessPathPrefix, routeOf } from './http/routes.js';
import { RateLimiter } from './model/rate-limiter.js';
import { EmulatorState } from './model/state.js';
import { tenantsByApiKey, type Tenant } from './model/tenants.js';
import { checkOptions, type EmulatorOptions } from './options.js';

export interface Emulator {
  /**
   * A Fetch handler, bound: pass `emulator.handle` itself as a client's `fetch`. It follows
   * `init.signal` (else the Request's) as fetch does, and rejects as fetch does for a reset.
   */
  readonly handle: (request: Request, init?: FetchInit) => Promise<Response>;
  /** The same, for servers that adapt their own requests and replies (see src/server/exchange.ts). */
  readonly answer: Handler;
  /**
   * Forgets liveness sessions past their grace period. Making a session does this too; a server
   * calls it now and then so that memory comes back while no one calls (startEmulator does).
   */
  readonly prune: () => void;
  /** The seed of the faults and latencies (`faultSeed`, or the one picked): pass it again to meet the same faults. */
  readonly faultSeed: number;
  /**
   * Whether a request opens one of the links this emulator's replies hand out: a signed media
   * link, or the page of a liveness session it started. A page's own `/media/…` is not one.
   */
  readonly ownsLink: (method: string, url: URL) => boolean;
}

const handlers: { [A in Action]: ActionHandler<A> } = {
  CreateAssetGroup: createAssetGroup,
  GetAssetGroup: getAssetGroup,
  ListAssetGroups: listAssetGroups,
  UpdateAssetGroup: updateAssetGroup,
  DeleteAssetGroup: deleteAssetGroup,
  CreateAsset: createAsset,
  GetAsset: getAsset,
  ListAssets: listAssets,
  UpdateAsset: updateAsset,
  DeleteAsset: deleteAsset,
  CreateVisualValidateSession: createVisualValidateSession,
  GetVisualValidateResult: getVisualValidateResult,
};

function runAction<A extends Action>(action: A, context: ActionContext, body: unknown): ActionOutcome<A> {
  const handler: ActionHandler<A> = handlers[action];
  // The gateway validated `body` against this Action's request schema.
  return handler(context, body as RequestOf<A>);
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const settings = checkOptions(options);
  const state = new EmulatorState();
  const mediaLinks = new MediaLinks();
  const tenantsByKey = tenantsByApiKey(settings.tenants);
  const rateLimiter = new RateLimiter(settings.rateLimits);

  // What no rule foresaw (a bug) is not caught here: a server answers it with its 500 and logs it
  // (src/server/listen.ts), and a caller in-process sees the error itself.
  const answerCall = async (request: ServerRequest): Promise<Reply> => {
    const now = settings.clock();
    const route = routeOf(request.method, request.url.pathname);
    if (route.kind === 'media') return mediaRedirect(state, mediaLinks, route.assetId, request.url.searchParams, now, settings.processingDelayMs);
    if (route.kind === 'livenessPage') return livenessPage(state, route.token, now, request.url.searchParams.get('lng'));
    if (route.kind === 'livenessOutcome') return settleLiveness(state, route.token, route.passed, now);

    const rules: GatewayRules<Tenant> = {
      admitKey(key, action) {
        const tenant = tenantsByKey.get(key);
        if (!tenant) return { action, ...documentedError('Unauthorized', 'The API key is not valid.') };
        const admission = rateLimiter.admit(tenant.customerId, action, now);
        if (admission.admitted) return { caller: tenant };
        return { action, ...rateLimited(admission.retryAfterSeconds, `Too many ${action} requests for this customer; retry after ${admission.retryAfterSeconds} s.`) };
      },
      validateBody: true,
    };
    const admitted = await passGateway(request, rules);
    if ('error' in admitted) return refusalReply(admitted);
    const origin = linkOrigin(request.url);
    const links: ReplyLinks = {
      livenessPage: (token) => `${origin}${livenessPathPrefix}${token}`,
      media: (assetId) => mediaLinks.unsignedUrl(origin, assetId, now),
    };
    const context: ActionContext = { state, tenant: admitted.caller, now, processingDelayMs: settings.processingDelayMs, links };
    const outcome = runAction(admitted.action, context, admitted.body);
    return 'error' in outcome ? refusalReply({ action: admitted.action, ...outcome }) : await mediaLinks.signLinksIn(successReply(admitted.action, outcome.result));
  };
  const answer = injectFaults(answerCall, settings.faults);
  const handle = (request: Request, init?: FetchInit) => {
    const call = fromFetchRequest(request, init);
    // As fetch: a call aborted before it is sent is never sent.
    if (call.signal?.aborted) return Promise.reject(call.signal.reason);
    return answer(call).then(toFetchResponse, asFetchFailure);
  };
  const ownsLink = (method: string, url: URL) => {
    const route = routeOf(method, url.pathname);
    if (route.kind === 'api') return false;
    if (route.kind === 'media') return MediaLinks.isSigned(url.searchParams);
    return state.session(route.token, settings.clock()) !== undefined;
  };
  return { handle, answer, prune: () => state.pruneSessions(settings.clock()), faultSeed: settings.faults.seed, ownsLink };
}

/** Where links in replies point: the origin the request came to, so the caller can open them. */
function linkOrigin(url: URL): string {
  return httpUrl(url.href)?.origin ?? 'http://127.0.0.1';
}
