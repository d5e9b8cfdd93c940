// A small local server that answers each request with the next scripted reply, and records what
// it received. For retry, timeout and error-mapping tests that need exact control of the wire.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiVersion } from '../../src/protocol/index.js';

export interface ReceivedRequest {
  method: string;
  url: string;
  action: string | null;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export type Reply =
  | { status?: number; headers?: Record<string, string>; body: unknown }
  | { raw: string | Uint8Array; status: number; contentType: string; headers?: Record<string, string> }
  | 'drop'
  | 'stall';

export type Script = (request: ReceivedRequest, index: number) => Reply;

export interface ScriptedServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const request: ReceivedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      action: new URL(req.url ?? '/', 'http://localhost').searchParams.get('Action'),
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    received.push(request);
    const reply = script(request, received.length - 1);
    if (reply === 'drop') return req.socket.destroy();
    if (reply === 'stall') return;
    if ('raw' in reply) {
      res.writeHead(reply.status, { 'content-type': reply.contentType, ...reply.headers }).end(reply.raw);
      return;
    }
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let requestCounter = 0;

/** A success envelope for `action` around `result`. */
export function success(action: string, result: unknown) {
  return { body: { ResponseMetadata: metadata(action), Result: result } };
}

/** An error envelope for `action`, sent with `status`. */
export function failure(action: string, code: string, status = 200, extra: { CodeN?: number; headers?: Record<string, string> } = {}) {
  const error = { Code: code, Message: `${code} happened`, ...(extra.CodeN === undefined ? {} : { CodeN: extra.CodeN }) };
  return { status, headers: extra.headers ?? {}, body: { ResponseMetadata: { ...metadata(action), Error: error } } };
}

function metadata(action: string) {
  requestCounter += 1;
  return { RequestId: `REQ${String(requestCounter).padStart(29, '0')}`, Action: action, Version: apiVersion, Service: 'ark', Region: 'cn-beijing' };
}
