// Helpers around the H5 liveness flow and the asset URIs video generation takes.
import { livenessResultCodes, patterns, type components } from '../protocol/generated.js';
import { PortraitClientError } from './errors.js';

/** The `resultCode` the liveness page sends on success; any other value is an error code. */
export const livenessPassedCode = livenessResultCodes.Passed;

type LivenessCallbackQuery = components['schemas']['LivenessCallbackQuery'];

/** The callback's query as the upstream sends it, `resultCode` possibly absent, and whether the check passed. */
export type LivenessCallback = Omit<LivenessCallbackQuery, 'resultCode' | 'reqMeasureInfoValue'> & {
  resultCode: string | undefined;
  /** `1` when the check is billed, `0` when not; as it came. */
  reqMeasureInfoValue?: string | undefined;
  /** True when `resultCode` is `livenessPassedCode`. */
  passed: boolean;
};

/** The fields the callback may carry besides the token and the result code. */
const detailFields = ['algorithmBaseRespCode', 'reqMeasureInfoValue', 'verify_type'] as const satisfies readonly (keyof LivenessCallbackQuery)[];

/**
 * Reads the callback's query (`bytedToken`, `resultCode`, `algorithmBaseRespCode`,
 * `reqMeasureInfoValue`, `verify_type`) from the URL the liveness page redirected to, given whole
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
  const parsed: LivenessCallback = { bytedToken, resultCode, passed: resultCode === livenessPassedCode };
  for (const field of detailFields) {
    const value = query.get(field);
    if (value !== null) Object.assign(parsed, { [field]: value });
  }
  return parsed;
}

/** `asset://<id>`, the form video generation takes, after checking that `id` is an asset id. */
export function assetUri(id: string): `asset://${string}` {
  if (!patterns.AssetId.test(id)) {
    throw new PortraitClientError(`${JSON.stringify(id)} is not an asset id (asset-...); group ids cannot be used as assets.`);
  }
  return `asset://${id}`;
}
