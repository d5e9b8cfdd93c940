// Helpers the mock tests share: the document's examples and a POST that keeps the whole reply.
export { actionUrl } from '../support/calls.js';
export { firstRequestExample, responseExample } from '../support/examples.js';
import { read, type Envelope, type Reply } from '../support/http.js';
export { read, type Envelope, type Reply };

export const apiKey = 'test-key';

export async function post(url: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, ...headers },
    body,
  });
  return read(response);
}

export function envelope(reply: Reply): Envelope {
  return reply.body as Envelope;
}
