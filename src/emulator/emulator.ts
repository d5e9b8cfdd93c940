// The Portrait API in memory, as a Fetch handler: `createEmulator().handle(request)` answers
// as the document describes the gateway and the upstream, with state, tenancy, quotas,
// asynchronous asset processing and the liveness flow. The document is its specification; the
// contract checks (src/contract) hold it, and any other Portrait server, to it. Where the
// document leaves a choice open, the handler that makes it says so.
import { isAction, type Action } from '../protocol/index.js';
import type { ActionContext, ActionHandler } from './action-context.js';
import type { Outcome, RequestOf } from './action-types.js';
import { createAsset, deleteAsset, getAsset, listAssets, updateAsset } from './assets.js';
import { errorReply, refusalReply, successReply } from './envelopes.js';
import { passGateway } from './gateway.js';
import { createAssetGroup, deleteAssetGroup, getAssetGroup, listAssetGroups, updateAssetGroup } from './groups.js';
import { settleLiveness, livenessPage } from './liveness-pages.js';
import { createVisualValidateSession, getVisualValidateResult } from './liveness.js';
import { MediaLinks, mediaRedirect } from './media-links.js';
import { checkOptions, type EmulatorOptions } from './options.js';
import { RateLimiter } from './rate-limiter.js';
import { routeOf } from './routes.js';
import { EmulatorState } from './state.js';
import { fromFetchRequest, toFetchResponse, type PlainHandler, type PlainReply, type PlainRequest } from './exchange.js';
import { tenantsByApiKey } from './tenants.js';

export interface Emulator {
  /** A Fetch handler, bound: pass `emulator.handle` itself as a client's `fetch`. */
  readonly handle: (request: Request) => Promise<Response>;
  /** The same, for servers that adapt their own requests and replies (see exchange.ts). */
  readonly answer: PlainHandler;
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

function runAction<A extends Action>(action: A, context: ActionContext, body: unknown): Outcome<A> {
  const handler: ActionHandler<A> = handlers[action];
  // The gateway validated `body` against this Action's request schema.
  return handler(context, body as RequestOf<A>);
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const settings = checkOptions(options);
  const state = new EmulatorState();
  const mediaLinks = new MediaLinks();
  const gateway = { tenantsByKey: tenantsByApiKey(settings.tenants), rateLimiter: new RateLimiter(settings.rateLimits) };

  const answer = async (request: PlainRequest): Promise<PlainReply> => {
    let action = '';
    try {
      const { url } = request;
      // Until the gateway has checked it, a failure echoes the query's Action as refusals do.
      const named = url.searchParams.get('Action');
      action = isAction(named) ? named : '';
      const now = settings.clock();
      const route = routeOf(request.method, url.pathname);
      if (route.kind === 'media') return mediaRedirect(state, route.assetId, now, settings.processingDelayMs);
      if (route.kind === 'livenessPage') return livenessPage(state, route.token, now);
      if (route.kind === 'livenessOutcome') return settleLiveness(state, route.token, route.passed, now);

      const admitted = await passGateway(request, now, gateway);
      if ('error' in admitted) return refusalReply(admitted);
      const context: ActionContext = {
        state,
        tenant: admitted.tenant,
        now,
        origin: linkOrigin(url),
        processingDelayMs: settings.processingDelayMs,
        mediaLinks,
      };
      const outcome = runAction(admitted.action, context, admitted.body);
      return 'error' in outcome
        ? errorReply(admitted.action, outcome.status, outcome.error)
        : successReply(admitted.action, outcome.result);
    } catch (error) {
      // Only a bug gets here. Its description helps whoever reports it; no header is in it.
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return errorReply(action, 500, { Code: 'InternalError', Message: `The emulator failed unexpectedly (${reason.slice(0, 200)}).` });
    }
  };
  const handle = async (request: Request) => toFetchResponse(await answer(fromFetchRequest(request)));
  return { handle, answer };
}

/** Where links in replies point: the origin the request came to, so the caller can open them. */
function linkOrigin(url: URL): string {
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : 'http://127.0.0.1';
}
