// A scripted stand-in for the real Portrait API: it records what it receives and answers what
// the test tells it to.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedReply {
  status: number;
  body: unknown;
}

export interface Upstream {
  url: string;
  received: Received[];
  /** The reply to every following request. */
  reply: ScriptedReply;
  close(): Promise<void>;
}

export async function startUpstream(): Promise<Upstream> {
  const upstream = { received: [] as Received[], reply: { status: 200, body: {} } as ScriptedReply };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      upstream.received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(upstream.reply.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(upstream.reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(upstream, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  });
}
