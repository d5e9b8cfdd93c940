// The client's public surface.
export { createPortraitClient, type PortraitClient, type PortraitClientOptions, type PortraitLogger } from './client.js';
export type { CallOptions, ResultMetadata, WithMetadata } from './call-types.js';
export type { PortraitCall, PortraitCallResult, RequestOf, ResultOf } from '../protocol/action-types.js';
export type { FetchFunction } from './transport.js';
export {
  PortraitAbortError,
  PortraitAssetFailedError,
  PortraitClientError,
  PortraitConnectionError,
  PortraitError,
  PortraitRequestTooLargeError,
  PortraitResponseTooLargeError,
  PortraitTimeoutError,
  PortraitWaiterTimeoutError,
  type PortraitErrorCode,
} from './errors.js';
export { assetUri, livenessPassedCode, parseLivenessCallback, type LivenessCallback } from './liveness.js';
export { paginateListAssetGroups, paginateListAssets, type Paginator, type PaginatorConfig } from './paginators.js';
export { waitUntilAssetActive, waitUntilValidateResult, type WaiterConfig } from './waiters.js';
export type { Action, components, paths } from '../protocol/generated.js';
