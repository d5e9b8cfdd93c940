// The Portrait API in memory, as a Fetch handler: `createEmulator().handle(request)` answers
// like the real gateway and upstream would, with state, tenancy, quotas, asynchronous asset
// processing and the liveness flow. Use it in-process as the client's `fetch`, or over a socket
// with `startEmulator` (server.ts). This comment is the emulator's contract; the contract checks
// (src/contract) hold any Portrait server to the same rules.
//
// GATEWAY, in this order, every refusal in the error envelope:
//   1. method and path (`checkRequestLine`): not POST -> 405 MethodNotAllowed (Allow: POST);
//      a path other than /portrait/, an unknown Action or a Version other than 2024-01-01 ->
//      404 InvalidActionOrVersion. So is anything else that is not a page listed below.
//   2. `Authorization: Bearer <key>` missing or malformed -> 401 Unauthorized (`bearerToken`);
//      a key no tenant has -> 401 Unauthorized.
//   3. rate limit, when `rateLimits` sets one for the Action: more requests per second per
//      customer and Action -> 429 RateLimitExceeded with `Retry-After` (whole seconds, >= 1).
//   4. body over 1 MiB (`maxBodyBytes`): refused from Content-Length before reading, else while
//      reading, which stops at the limit -> 413 RequestEntityTooLarge (`bodyTooLarge`).
//   5. empty or malformed JSON -> 400 InvalidParameter (`parseJsonBody`).
//   6. a body nested deeper than any request schema -> 400 InvalidParameter.<Field>; then the
//      Action's request schema (`validateRequest`) -> 400 MissingParameter.<Field> or
//      InvalidParameter.<Field> (`parameterError`). JSON that is not an object fails here too.
//   A refused request changes nothing (a request let through counts toward the rate limit).
//
// ENVELOPE: every JSON reply is `{ ResponseMetadata: { RequestId, Action, Version: 2024-01-01,
//   Service: ark, Region: cn-beijing }, Result }` on success, or the same metadata with `Error`
//   and no `Result` on failure; Content-Type application/json. Only statuses the document lists
//   for the Action are used: NotFound 404, Forbidden 403, QuotaExceeded 403 (CodeN 100013),
//   AIGCNotAvailable 403; TokenExpired, InvalidToken and ValidatePending with 200. A 500
//   InternalError only ever means a bug in the emulator.
//
// IDS AND TIMES: `group-YYYYMMDDhhmmss-xxxxx`, `asset-YYYYMMDDhhmmss-xxxxx` (the clock's UTC time,
//   5 random lower-case alphanumerics, never reused); times are ISO-8601 UTC to the second,
//   `2026-03-18T07:20:44Z`.
//
// PROJECTS: every resource keeps the ProjectName of the request that made it (default
//   `default`). Get/Update/Delete, and CreateAsset's group, in another project than the
//   request's -> 404 NotFound; lists show the request's project only.
//
// TENANCY: API keys belong to customers. Get/Update/Delete of another customer's resource ->
//   403 Forbidden (an unknown id -> 404 NotFound), CreateAsset into another customer's group ->
//   403 Forbidden; lists show the caller's resources only. Tenancy is decided before the
//   project, and nothing of another customer is ever returned or changed.
//
// GROUPS: CreateAssetGroup makes AIGC groups only (GroupType defaults to AIGC; Title is
//   accepted and ignored); a tenant without `aigc` -> 403 AIGCNotAvailable; a customer with
//   `groupQuota` groups already (both types count) -> 403 QuotaExceeded. Items: Id, Name, Title
//   (always = Name), Description ('' when not given), GroupType, ProjectName, CreateTime,
//   UpdateTime. UpdateAssetGroup changes Name and/or Description and UpdateTime, Result `{}`.
//   DeleteAssetGroup deletes the group and its assets and frees their quota at once, Result `{}`.
//   ListAssetGroups: Filter.GroupType (exact), Filter.Name (case-insensitive substring),
//   Filter.GroupIds; SortBy CreateTime (default) | UpdateTime; SortOrder Desc (default) | Asc;
//   sorting is on whole seconds, ties by Id ascending; PageNumber (1), PageSize (10); Result
//   `{ Items, TotalCount (all matches), PageNumber, PageSize }` with the values used.
//
// ASSETS: CreateAsset: unknown group -> 404 NotFound, another customer's -> 403 Forbidden, a
//   customer with `assetQuota` assets -> 403 QuotaExceeded. A new asset is `Processing` with
//   URL ''. Status comes from the clock, no timers: `processingDelayMs` after creation it is
//   `Active` if the lower-cased extension of the URL's path fits the AssetType (Image: jpg jpeg
//   png webp bmp tif tiff gif heic heif; Video: mp4 mov; Audio: wav mp3), else `Failed` with a
//   FailedReason naming the accepted extensions; UpdateTime then becomes the moment it ended
//   (or a later rename). URL is '' unless Active; then it is
//   `<request origin>/media/<Id>?X-Expires=<epoch s, now + 12 h>&X-Signature=<hex>`, and
//   `GET /media/<Id>` (no API key) answers 302 to the original URL while the asset is Active,
//   404 otherwise. Items: Id, GroupId, Name ('' when not given), AssetType, Status, URL,
//   FailedReason (Failed only), ProjectName, CreateTime, UpdateTime. UpdateAsset changes Name;
//   DeleteAsset deletes. ListAssets: Filter.GroupIds, Filter.GroupType (of the asset's group),
//   Filter.Statuses, Filter.Name (case-insensitive substring); SortBy CreateTime | UpdateTime |
//   GroupId; order and paging as for groups.
//
// LIVENESS: CreateVisualValidateSession -> BytedToken (`YYYYMMDDhhmmss` + 8 upper-case
//   alphanumerics), H5Link `<request origin>/liveness/<token>`, CallbackURL echoed; the token
//   lives 120 s. `GET /liveness/<token>` (no API key) is a self-contained page with two POST
//   forms, "Pass the check" (`/liveness/<token>/pass`) and "Fail the check" (`.../fail`); each
//   records the outcome (the first one counts) and answers 303 to the CallbackURL with
//   `bytedToken=<token>` and `resultCode=10000` (passed) or `10001` (failed) added to its query.
//   An unknown token's pages -> 404, an expired one's -> 410, both short HTML.
//   GetVisualValidateResult, all with HTTP 200 but the quota: unknown token or another
//   customer's -> InvalidToken; a token of another project -> InvalidToken; older than 120 s
//   -> TokenExpired; not settled -> ValidatePending; failed -> InvalidToken; passed -> the
//   first call makes a LivenessFace group (Name `person-<last 8 of token>`, Description '', the
//   session's project; counts toward groupQuota -> 403 QuotaExceeded when full, and may be
//   retried after a delete) and every call within the 120 s returns `{ GroupId }` of it.
import { isAction, type Action } from '../spec/index.js';
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
