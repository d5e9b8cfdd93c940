// A reply's body as text, never more of it than `maxResponseBytes`: counted as it arrives, after
// any decompression, so neither a huge body, an endless stream nor a small gzip bomb can fill
// memory. Past the limit the body is cancelled, which ends the download.
import { readAtMost } from '../protocol/bounded-read.js';
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
    const read = await readAtMost(reader, limit, signal);
    if (!read) throw tooLarge();
    return read.text;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
