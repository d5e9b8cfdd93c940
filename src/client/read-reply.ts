// A reply's body as text, never more of it than `maxResponseBytes`: counted as it arrives, after
// any decompression, so neither a huge body, an endless stream nor a small gzip bomb can fill
// memory. Past the limit the body is cancelled, which ends the download.
import { readAtMost } from '../protocol/bounded-read.js';
import { PortraitResponseTooLargeError } from './errors.js';

/** How the caller stops a read: it is handed the read's `cancel` and calls it on its deadline or abort. */
export type OnStop = (cancel: (reason: unknown) => void) => void;

/**
 * The reply's body as text; a fetch without streamed bodies (some polyfills) has it read whole,
 * once its declared length is checked. A read stopped through `onStop` throws the reason given,
 * even from a fetch that ignores its signal. (A hook, not an AbortSignal: a listener and the
 * signal it needs cost the client about 3 µs a call in-process, a tenth of its overhead.)
 */
export async function readReplyText(response: Response, limit: number, action: string, onStop?: OnStop): Promise<string> {
  const tooLarge = () => new PortraitResponseTooLargeError(`${action} reply is over maxResponseBytes (${limit} bytes); it was not read.`);
  const { body } = response;
  if (Number(response.headers.get('content-length')) > limit) {
    void body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!body) return response.bodyUsed ? '' : response.text();
  const reader = body.getReader();
  let stopped: { reason: unknown } | undefined;
  onStop?.((reason) => {
    stopped = { reason };
    void reader.cancel(reason).catch(() => {});
  });
  const read = await readAtMost(reader, limit);
  if (stopped) throw stopped.reason;
  if (!read) throw tooLarge();
  return read.text;
}
