// How an asset's processing ends. The emulator downloads nothing: the file extension of the
// URL's path decides, which is enough to exercise both endings from a client. Status is worked
// out from the clock on every read, so no timer runs and a test clock can jump ahead.
import { fileExtensions, type components } from '../../protocol/index.js';

type AssetStatus = components['schemas']['AssetStatus'];
type AssetType = components['schemas']['AssetType'];

export type MediaVerdict = { Status: 'Active' } | { Status: 'Failed'; FailedReason: string };

export function judgeMedia(url: string, assetType: AssetType): MediaVerdict {
  const accepted: readonly string[] = fileExtensions[assetType];
  const extension = fileExtension(url);
  if (extension !== undefined && accepted.includes(extension)) return { Status: 'Active' };
  const found = extension === undefined ? 'no file extension' : `.${extension}`;
  return {
    Status: 'Failed',
    FailedReason: `${assetType} assets must be ${accepted.map((name) => `.${name}`).join(', ')} files; the URL has ${found}.`,
  };
}

/** The lower-cased extension of the last segment of the URL's path, if it has one. */
function fileExtension(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const lastSegment = new URL(url).pathname.split('/').pop() ?? '';
  const dot = lastSegment.lastIndexOf('.');
  return dot > 0 && dot < lastSegment.length - 1 ? lastSegment.slice(dot + 1).toLowerCase() : undefined;
}

export interface ProcessingState {
  Status: AssetStatus;
  FailedReason: string | undefined;
  /** The asset's UpdateTime: its last change, or the moment processing ended if that is later. */
  updatedAt: number;
}

/** What processing needs of a stored asset (state.ts's StoredAsset has these). */
export interface ProcessedAsset {
  createdAt: number;
  updatedAt: number;
  verdict: MediaVerdict;
}

export function processingStateAt(asset: ProcessedAsset, now: number, processingDelayMs: number): ProcessingState {
  const finishedAt = asset.createdAt + processingDelayMs;
  // One object shape for every state: lists build one per asset on every call.
  if (now < finishedAt) return { Status: 'Processing', FailedReason: undefined, updatedAt: asset.updatedAt };
  const { verdict } = asset;
  return {
    Status: verdict.Status,
    FailedReason: verdict.Status === 'Failed' ? verdict.FailedReason : undefined,
    updatedAt: asset.updatedAt > finishedAt ? asset.updatedAt : finishedAt,
  };
}
