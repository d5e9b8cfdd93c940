// Reads a request body, from a Fetch Request or any web stream, without ever holding more than
// a limit in memory: a declared Content-Length over it is refused unread, and a stream is read
// only until it passes it. Node's own requests: read-incoming-body.ts.
import { readAtMost } from '../protocol/bounded-read.js';

export type BodyRead = { outcome: 'read'; text: string; byteLength: number } | { outcome: 'tooLarge' } | { outcome: 'unreadable' };

export function declaredTooLarge(contentLength: string | null | undefined, limit: number): boolean {
  const declared = Number(contentLength ?? Number.NaN);
  return Number.isFinite(declared) && declared > limit;
}

export async function readFetchBody(request: Request, limit: number): Promise<BodyRead> {
  if (declaredTooLarge(request.headers.get('content-length'), limit)) return { outcome: 'tooLarge' };
  return readStream(request.body, limit);
}

/** A web stream (a Fetch body) as text, read no further than `limit` bytes; past it the stream is cancelled. */
export async function readStream(body: ReadableStream<Uint8Array> | null, limit: number): Promise<BodyRead> {
  if (!body) return { outcome: 'read', text: '', byteLength: 0 };
  try {
    // A byte order mark is kept: the body is judged as it was sent.
    const read = await readAtMost(body.getReader(), limit, undefined, new TextDecoder('utf-8', { ignoreBOM: true }));
    return read ? { outcome: 'read', ...read } : { outcome: 'tooLarge' };
  } catch {
    // The sender's stream failed (a client that went away, an upstream that stalled): nothing to read.
    return { outcome: 'unreadable' };
  }
}
