// A stream of bytes read as text, never more of it than a limit: counted as the bytes arrive, so
// neither a huge body nor an endless stream can fill memory, and past the limit the stream is
// cancelled, which ends the download. The client reads replies with it, the servers requests.
// Web APIs alone, so browsers run it too.

/**
 * The text and its size in bytes, or undefined past `limit`. An abort of `signal` between chunks
 * throws its reason; `decoder` says whether a byte order mark is kept.
 */
export async function readAtMost(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limit: number,
  signal?: AbortSignal,
  decoder = new TextDecoder(),
): Promise<{ text: string; byteLength: number } | undefined> {
  let text = '';
  let byteLength = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (signal?.aborted) throw signal.reason;
    if (done) return { text: text + decoder.decode(), byteLength };
    byteLength += value.byteLength;
    if (byteLength > limit) {
      void reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
