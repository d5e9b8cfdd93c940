// Helpers the mock tests share: the document's examples and a POST that keeps the whole reply.
import { apiVersion } from '../../src/spec/index.js';
export { firstRequestExample, responseExample } from '../support/examples.js';

export const apiKey = 'test-key';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

export interface Envelope {
  ResponseMetadata: { RequestId: string; Action: string; Version: string; Error?: { Code: string; Message: string } };
  Result?: Record<string, unknown>;
}

export function actionUrl(base: string, action: string, version: string = apiVersion): string {
  return `${base}/portrait/?Action=${encodeURIComponent(action)}&Version=${encodeURIComponent(version)}`;
}

export async function post(url: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, ...headers },
    body,
  });
  return read(response);
}

export async function read(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export function envelope(reply: Reply): Envelope {
  return reply.body as Envelope;
}
