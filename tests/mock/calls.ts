// Helpers the mock tests share: the document's examples and a POST that keeps the whole reply.
import { actions, apiVersion, portraitDocument, type Action } from '../../src/spec/index.js';

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

function operation(action: Action) {
  const found = portraitDocument.paths[actions[action].path]?.post;
  if (!found) throw new Error(`${action} is not in the document`);
  return found;
}

export function firstRequestExample(action: Action): unknown {
  const [first] = Object.values(operation(action).requestBody.content['application/json']?.examples ?? {});
  if (!first) throw new Error(`${action} has no request example`);
  return first.value;
}

/** The document's example named `name` among `action`'s own (not shared) responses with `status`. */
export function responseExample(action: Action, status: number, name: string): Envelope {
  const response = operation(action).responses[String(status)];
  const example = response && !('$ref' in response) ? response.content?.['application/json']?.examples?.[name] : undefined;
  if (!example) throw new Error(`${action} has no ${status} example ${name}`);
  return structuredClone(example.value) as Envelope;
}
