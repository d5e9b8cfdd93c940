// A reply read whole, for tests that look at status, headers and body together.
import type { components } from '../../generated/schema.js';

type Schemas = components['schemas'];

/** Either envelope, loosely: what a test reads before it knows which one came; `R`, the fields of the Result it reads. */
export interface Envelope<R = Record<string, unknown>> {
  ResponseMetadata: Schemas['ResponseMetadata'] & { Error?: Schemas['Error'] };
  Result?: R;
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

/** A Fetch handler on a port of 127.0.0.1, for the commands that need a server to call. */
export async function serveFetch(handle: (request: Request) => Promise<Response>): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers(Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : [])));
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const response = await handle(new Request(`http://127.0.0.1${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(hasBody ? { body: Buffer.concat(chunks) } : {}) }));
    const replyHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (replyHeaders[name] = value));
    res.writeHead(response.status, replyHeaders).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
