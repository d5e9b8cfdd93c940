// A reply's body as text, never more of it than `maxResponseBytes`: counted as it arrives, after
// any decompression, so neither a huge body, an endless stream nor a small gzip bomb can fill
// memory. Past the limit the body is cancelled, which ends the download.
import { PortraitResponseTooLargeError } from './errors.js';

/** The reply's body as text; a fetch without streamed bodies (some polyfills) has it read whole, once its declared length is checked. */
export async function readReplyText(response: Response, limit: number, action: string, signal?: AbortSignal): Promise<string> {
  const tooLarge = () => new PortraitResponseTooLargeError(`${action} reply is over maxResponseBytes (${limit} bytes); it was not read.`);
  const { body } = response;
  if (Number(response.headers.get('content-length')) > limit) {
    void body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!body) return response.bodyUsed ? '' : response.text();
  const reader = body.getReader();
  // A fetch that ignores its signal still stops here: the timeout or the caller's abort cancels the read.
  const stop = () => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener('abort', stop, { once: true });
  try {
    return await readAll(reader, limit, tooLarge, signal);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number, tooLarge: () => Error, signal: AbortSignal | undefined): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (signal?.aborted) throw signal.reason;
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * The reply with its body read within `limit` and put back, for replies openapi-fetch reads
 * itself (the error statuses). A redirect the browser keeps opaque has no body to read.
 */
export async function boundedReply(response: Response, limit: number, action: string, signal: AbortSignal): Promise<Response> {
  if (response.status < 200 || response.type === 'opaqueredirect') return response;
  const text = await readReplyText(response, limit, action, signal);
  // These statuses may not carry a body, not even an empty one.
  const body = [204, 205, 304].includes(response.status) ? null : text;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
