// Reads a Fetch request's body without ever holding more than the API's limit: a declared
// Content-Length over it is refused unread, and a stream is read only until it passes it.

export type BodyText = { outcome: 'read'; text: string } | { outcome: 'tooLarge' } | { outcome: 'unreadable' };

export async function readBodyText(request: Request, limit: number): Promise<BodyText> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return { outcome: 'tooLarge' };
  if (!request.body) return { outcome: 'read', text: '' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Stop reading: the rest of the body is never pulled in.
        void reader.cancel().catch(() => {});
        return { outcome: 'tooLarge' };
      }
      chunks.push(value);
    }
  } catch {
    // The sender's stream failed (a client that went away): nothing to answer but a refusal.
    return { outcome: 'unreadable' };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { outcome: 'read', text: new TextDecoder().decode(bytes) };
}
