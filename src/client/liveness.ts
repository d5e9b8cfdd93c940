// Helpers around the H5 liveness flow and the asset URIs video generation takes.
import { namedEnums, patterns } from '../protocol/generated.js';
import { PortraitClientError } from './errors.js';

/** The `resultCode` the liveness page sends on success. */
export const livenessPassedCode = namedEnums.LivenessResultCode.Passed;

export interface LivenessCallback {
  bytedToken: string;
  resultCode: string | undefined;
  /** True when `resultCode` is `livenessPassedCode`. */
  passed: boolean;
}

/**
 * Reads `bytedToken` and `resultCode` from the URL the liveness page redirected to, given whole
 * (`https://you.example/cb?bytedToken=...`), as its query string, or as URLSearchParams.
 */
export function parseLivenessCallback(callback: string | URL | URLSearchParams): LivenessCallback {
  const query =
    callback instanceof URLSearchParams
      ? callback
      : callback instanceof URL
        ? callback.searchParams
        : /^[a-z][a-z0-9+.-]*:/i.test(callback)
          ? new URL(callback).searchParams
          : new URLSearchParams(callback.slice(callback.indexOf('?') + 1));
  const bytedToken = query.get('bytedToken');
  if (!bytedToken) throw new PortraitClientError('The liveness callback has no bytedToken.');
  const resultCode = query.get('resultCode') ?? undefined;
  return { bytedToken, resultCode, passed: resultCode === livenessPassedCode };
}

/** `asset://<id>`, the form video generation takes, after checking that `id` is an asset id. */
export function assetUri(id: string): `asset://${string}` {
  if (!patterns.AssetId.test(id)) {
    throw new PortraitClientError(`${JSON.stringify(id)} is not an asset id (asset-...); group ids cannot be used as assets.`);
  }
  return `asset://${id}`;
}
