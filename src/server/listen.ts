// A Handler on a socket: node:http on 127.0.0.1 only, each request handed over as a
// ServerRequest, one log line per request that never holds a header or key, and no request that
// can crash the process: a handler that throws answers 500 in the API's envelope.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { echoedAction } from '../protocol/index.js';
import { excerpt } from '../protocol/printable.js';
import { ConnectionReset } from './connection-reset.js';
import { unexpectedFailureReply } from './envelopes.js';
import type { Handler, Reply, ServerRequest } from './exchange.js';
import { readIncomingBody } from './read-incoming-body.js';

export interface ListenOptions {
  /** 0 picks a free port. */
  port: number;
  /** The address to listen on; 127.0.0.1 by default, so nothing outside this machine can call. */
  host?: string | undefined;
  /** One line per request, like `POST GetAsset 200 3ms`; silent when absent. */
  log?: ((line: string) => void) | undefined;
  /** What a log line calls a request; built from the request line only, so no id or key leaks. */
  label: (request: ServerRequest) => string;
  /** The server's name in the message of a 500 it answers for a handler that threw. */
  name: string;
  /**
   * The origin requests are said to arrive at, and so the one links in replies are built on:
   * where clients reach the server when that is not the listening address (a proxy in front).
   * Never taken from a request: a Host header is the client's to choose.
   */
  publicOrigin?: string | undefined;
  /** How long a client may leave a connection idle and still send on it, as the Keep-Alive header says; 5 by default, as node:http's. */
  keepAliveSeconds?: number | undefined;
}

/**
 * How many times the idle time the Keep-Alive header gives the server holds a connection open.
 * Clients close an idle connection near that time by their own timers (Node's fetch a second or
 * two before it), and on a loaded machine those run late: a server that closed on time raced a
 * request sent on the closing connection, which the client read as "other side closed".
 */
const keepAliveHeld = 6;

/** The port is taken by another process. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';

  constructor(port: number, host: string) {
    super(`Port ${port} on ${host} is already in use; choose another with --port (or PORT), or 0 for any free port.`);
  }
}

export interface Listening {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

export async function listen(handler: Handler, options: ListenOptions): Promise<Listening> {
  // Known once listening: asking the socket for its address on every request costs a syscall.
  let origin = '';
  const keepAliveSeconds = options.keepAliveSeconds ?? 5;
  const keepAlive = `timeout=${keepAliveSeconds}`;
  const server = createServer((incoming, outgoing) => {
    void serve(handler, incoming, outgoing, origin, keepAlive, options);
  });
  server.keepAliveTimeout = keepAliveSeconds * keepAliveHeld * 1000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      // The one failure a user fixes by choosing: say which port, and how to choose another.
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port, host) : error);
    });
    server.listen(options.port, host, () => resolve());
  });
  // Listening now: a later error of the server itself (not of one connection) must not end the process.
  server.removeAllListeners('error');
  server.on('error', ignore);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;
  origin = options.publicOrigin ?? url;
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(handler: Handler, incoming: IncomingMessage, outgoing: ServerResponse, origin: string, keepAlive: string, options: ListenOptions) {
  // Without listeners, a client that resets mid-request would be an uncaught error.
  incoming.on('error', ignore);
  outgoing.on('error', ignore);
  const request = serverRequest(incoming, outgoing, origin);
  const failure = { reason: '' };
  const logDone = options.log ? logWhenDone(request, outgoing, options, failure) : undefined;
  const internalError = (error: unknown) => {
    failure.reason = ` ${describeFailure(error, request.header('authorization'))}`;
    return unexpectedFailureReply(echoedAction(request.url), options.name);
  };
  let reply: Reply;
  try {
    reply = await handler(request);
  } catch (error) {
    if (error instanceof ConnectionReset) {
      logDone?.('reset');
      // An RST, not a FIN: the client reads ECONNRESET, as from a gateway that dropped it.
      incoming.socket.resetAndDestroy();
      return;
    }
    reply = internalError(error);
  }
  // A header copied from elsewhere (an upstream's) that node:http refuses gets the 500 instead.
  const refused = write(outgoing, reply, keepAlive);
  if (refused) write(outgoing, internalError(refused.error), keepAlive);
}

/** Sends `reply` unless the client is gone; what node:http refused to send, if anything. */
function write(outgoing: ServerResponse, reply: Reply, keepAlive: string): { error: unknown } | undefined {
  if (outgoing.headersSent || outgoing.destroyed) return undefined;
  try {
    // Replies hold no hop-by-hop header of their own (the mock drops an upstream's).
    outgoing.writeHead(reply.status, { ...reply.headers, 'Keep-Alive': keepAlive, 'Content-Length': Buffer.byteLength(reply.body) });
  } catch (error) {
    return { error };
  }
  outgoing.end(reply.body);
  return undefined;
}

function ignore(): void {}

/** One line when the reply is sent, or `aborted` when the client went first; what it returns logs another ending. */
function logWhenDone(request: ServerRequest, outgoing: ServerResponse, options: ListenOptions, failure: { reason: string }): (ending: string) => void {
  const started = performance.now();
  const label = options.label(request);
  let logged = false;
  const finish = (status: string) => {
    if (!logged) options.log?.(`${request.method} ${label} ${status} ${Math.round(performance.now() - started)}ms${failure.reason}`);
    logged = true;
  };
  outgoing.once('finish', () => finish(String(outgoing.statusCode)));
  outgoing.once('close', () => finish('aborted'));
  return finish;
}

/** The request as a handler reads it; the body is read, and the signal made, only if the handler asks for it. */
function serverRequest(incoming: IncomingMessage, outgoing: ServerResponse, origin: string): ServerRequest {
  // Only a path (and query) is taken from the request line, so an absolute or `//host` target
  // cannot change the origin that links in replies are built on.
  const target = incoming.url ?? '/';
  const url = new URL(target.startsWith('/') && !target.startsWith('//') ? `${origin}${target}` : `${origin}/`);
  let signal: AbortSignal | undefined;
  return {
    method: incoming.method ?? 'GET',
    url,
    header: (name) => joined(incoming.headers[name]),
    headers: () => {
      const all: Record<string, string> = {};
      for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) all[name] = joined(value) ?? '';
      return all;
    },
    readBody: (limit) => readIncomingBody(incoming, limit),
    get signal() {
      return (signal ??= closedSignal(outgoing));
    },
  };
}

/**
 * Aborts when the connection closes before the reply is sent: the client gave up, or the server
 * is closing. Made when a handler first asks for it: most never wait on it.
 */
function closedSignal(outgoing: ServerResponse): AbortSignal {
  const controller = new AbortController();
  if (outgoing.destroyed) controller.abort();
  else outgoing.once('close', () => outgoing.writableFinished || controller.abort());
  return controller.signal;
}

function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Why a request failed, for the log line: the API key cut out should anything quote it, then cut short and printable. */
function describeFailure(error: unknown, authorization: string | undefined): string {
  let text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const key = authorization?.replace(/^\S+\s+/, '').trim();
  if (authorization) text = text.replaceAll(authorization, '[redacted]');
  if (key) text = text.replaceAll(key, '[redacted]');
  return excerpt(text.replaceAll(/\s+/g, ' '), 200);
}
