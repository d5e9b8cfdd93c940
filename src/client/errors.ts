// The errors the client throws. None of them holds a request, a response or a header: an API key
// can only reach them through text the server sent back, and the client redacts that first.
import type { ErrorCode } from '../protocol/gateway-rules.js';

/** A documented base code, or any other code a server may send. */
export type PortraitErrorCode = ErrorCode | (string & {});

/** The base of every error this client throws. */
export class PortraitClientError extends Error {
  override name = 'PortraitClientError';
}

export interface PortraitErrorDetails {
  code: string;
  message: string;
  codeN?: number | undefined;
  requestId?: string | undefined;
  action: string;
  status: number;
}

/**
 * The server answered with an error: `ResponseMetadata.Error` was present (whatever the HTTP
 * status, 200 included), or the reply was not a Portrait API envelope at all (`InvalidResponse`).
 */
export class PortraitError extends PortraitClientError {
  override name = 'PortraitError';
  // Fields set in the constructor are `declare`d: no field definitions in the shipped JavaScript,
  // which keeps the client within its size budget.
  /** The full code, such as `InvalidParameter.PageSize`. */
  declare readonly code: string;
  /** The part of `code` before any dot, such as `InvalidParameter`: branch on this. */
  declare readonly baseCode: PortraitErrorCode;
  declare readonly codeN: number | undefined;
  declare readonly requestId: string | undefined;
  declare readonly action: string;
  /** The HTTP status; upstream errors may come with 200. */
  declare readonly status: number;

  constructor(details: PortraitErrorDetails) {
    super(`${details.action} failed with ${details.code} (HTTP ${details.status}): ${details.message}`);
    this.code = details.code;
    this.baseCode = details.code.split('.')[0] ?? details.code;
    this.codeN = details.codeN;
    this.requestId = details.requestId;
    this.action = details.action;
    this.status = details.status;
  }

  /** True for a PortraitError, and, when `code` is given, one whose base code is `code` (`InvalidResponse`: the reply was no envelope). */
  static is(error: unknown, code?: ErrorCode | 'InvalidResponse'): error is PortraitError {
    return error instanceof PortraitError && (code === undefined || error.baseCode === code);
  }
}

/** The request never produced a reply: the connection failed or dropped. */
export class PortraitConnectionError extends PortraitClientError {
  override name = 'PortraitConnectionError';
  /** True when the request may have reached the server before the failure. */
  declare readonly mayHaveBeenSent: boolean;

  constructor(message: string, options: { cause: unknown; mayHaveBeenSent: boolean }) {
    super(message, { cause: options.cause });
    this.mayHaveBeenSent = options.mayHaveBeenSent;
  }
}

/** An attempt took longer than `timeoutMs`. */
export class PortraitTimeoutError extends PortraitClientError {
  override name = 'PortraitTimeoutError';
}

/** The caller's `signal` aborted the call. */
export class PortraitAbortError extends PortraitClientError {
  override name = 'PortraitAbortError';
}

/** The PortraitAbortError for `action`, with the signal's reason as its cause. */
export function abortedCall(action: string, reason: unknown): PortraitAbortError {
  return new PortraitAbortError(`${action} was aborted.`, { cause: reason });
}

/** The body is over the API's limit (`protocol.maxBodyBytes`); it was not sent. */
export class PortraitRequestTooLargeError extends PortraitClientError {
  override name = 'PortraitRequestTooLargeError';
}

/** The reply was over `maxResponseBytes` (after decompression); the client stopped reading it. */
export class PortraitResponseTooLargeError extends PortraitClientError {
  override name = 'PortraitResponseTooLargeError';
}

/** A waiter reached `maxWaitTime` before the resource reached the state it waits for. */
export class PortraitWaiterTimeoutError extends PortraitClientError {
  override name = 'PortraitWaiterTimeoutError';
}

/** `waitUntilAssetActive` saw the asset end `Failed`. */
export class PortraitAssetFailedError extends PortraitClientError {
  override name = 'PortraitAssetFailedError';
  declare readonly assetId: string;
  declare readonly failedReason: string | undefined;

  constructor(assetId: string, failedReason: string | undefined) {
    super(`Asset ${assetId} failed: ${failedReason ?? 'no reason given'}`);
    this.assetId = assetId;
    this.failedReason = failedReason;
  }
}
