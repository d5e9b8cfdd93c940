// A reply read whole, for tests that look at status, headers and body together.
import type { components } from '../../generated/schema.js';

type Schemas = components['schemas'];

/** Either envelope, loosely: what a test reads before it knows which one came. */
export interface Envelope {
  ResponseMetadata: Schemas['ResponseMetadata'] & { Error?: Schemas['Error'] };
  Result?: Record<string, unknown>;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body; undefined when it is not JSON (a page, a redirect). */
  body: unknown;
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
