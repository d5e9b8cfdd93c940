// A reply's body as text, never more of it than `maxResponseBytes`: counted as it arrives, after
// any decompression, so neither a huge body, an endless stream nor a small gzip bomb can fill
// memory. Past the limit the body is cancelled, which ends the download.
import { PortraitResponseTooLargeError } from './errors.js';

export async function readReplyText(body: ReadableStream<Uint8Array> | null, declaredLength: string | null, limit: number, action: string): Promise<string> {
  const tooLarge = () => new PortraitResponseTooLargeError(`${action} reply is over maxResponseBytes (${limit} bytes); it was not read.`);
  if (!body) return '';
  if (Number(declaredLength) > limit) {
    void body.cancel().catch(() => {});
    throw tooLarge();
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
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
export async function boundedReply(response: Response, limit: number, action: string): Promise<Response> {
  if (response.status < 200) return response;
  const text = await readReplyText(response.body, response.headers.get('content-length'), limit, action);
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}
