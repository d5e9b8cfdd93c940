// What one call of the client takes and gives beside the document's shapes: its options, and the
// metadata that comes with its result. The generated method declarations
// (generated/client-methods.ts) name these, so they live apart from the client that implements them.
import type { Action } from '../protocol/generated.js';

/** What the client knows about the call that produced a result. */
export interface ResultMetadata {
  requestId: string;
  action: Action;
  httpStatus: number;
  /** 1 plus the number of retries. */
  attempts: number;
  totalRetryDelayMs: number;
}

/**
 * A result with its call's metadata under `$metadata` and the HTTP response under `$response`
 * (its status and headers; the client has read its body). Neither is enumerable: JSON and
 * spreads skip them.
 */
export type WithMetadata<T> = T & { readonly $metadata: ResultMetadata; readonly $response: Response };

/** Options for one call; each overrides the client's. */
export interface CallOptions {
  /** Aborts the call, a pause between retries included, with PortraitAbortError. */
  signal?: AbortSignal | undefined;
  /** Per attempt. */
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  /** Retry a Create* Action after an ambiguous failure (a timeout, a dropped connection, a 500). */
  retryCreates?: boolean | undefined;
  /** Sent with this call's request, beside the client's. */
  headers?: Record<string, string> | undefined;
}
