// The emulator over a socket: node:http on 127.0.0.1 only, each request handed to the emulator
// as a plain request (exchange.ts), with one log line per request that names the Action, never a
// header or key.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator } from './emulator.js';
import { readBody } from '../node/read-body.js';
import type { PlainHandler, PlainRequest } from './exchange.js';
import type { EmulatorOptions } from './options.js';
import { routeLabel } from './routes.js';

export interface EmulatorServerOptions extends EmulatorOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number | undefined;
  /** One line per request, like `POST GetAsset 200 3ms`; silent when absent. */
  log?: ((line: string) => void) | undefined;
  /**
   * Answers each request in place of `emulator.handle`, so a caller can serve more pages on the
   * same origin (`npm start` adds the docs and the explorer) and hand the rest to the emulator.
   */
  handler?: ((emulator: Emulator) => PlainHandler) | undefined;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  const { port = 4010, log, handler, ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const answer = handler ? handler(emulator) : emulator.answer;
  // Known once listening: asking the socket for its address on every request costs a syscall.
  let url = '';
  const server = createServer((incoming, outgoing) => {
    void serve(answer, incoming, outgoing, url, log);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(answer: PlainHandler, incoming: IncomingMessage, outgoing: ServerResponse, listening: string, log: ((line: string) => void) | undefined) {
  // Without listeners, a client that resets mid-request would be an uncaught error.
  incoming.on('error', ignore);
  outgoing.on('error', ignore);
  const request = plainRequest(incoming, originOf(incoming, listening));
  if (log) logWhenDone(request, outgoing, log);
  try {
    const { status, headers, body } = await answer(request);
    if (outgoing.headersSent || outgoing.destroyed) return;
    outgoing.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) });
    outgoing.end(body);
  } catch {
    // The handler answers every request itself; what fails here is writing to a client that is gone.
    outgoing.destroy();
  }
}

function ignore(): void {}

/** One line when the reply is sent, or `aborted` when the client went first. */
function logWhenDone(request: PlainRequest, outgoing: ServerResponse, log: (line: string) => void): void {
  const started = performance.now();
  const label = routeLabel(request.method, request.url);
  let logged = false;
  const finish = (status: string) => {
    if (!logged) log(`${request.method} ${label} ${status} ${Math.round(performance.now() - started)}ms`);
    logged = true;
  };
  outgoing.once('finish', () => finish(String(outgoing.statusCode)));
  outgoing.once('close', () => finish('aborted'));
}

/** The request as the emulator reads it; the body is read only if the gateway gets that far. */
function plainRequest(incoming: IncomingMessage, origin: string): PlainRequest {
  // Only a path (and query) is taken from the request line, so an absolute or `//host` target
  // cannot change the origin that links in replies are built on.
  const target = incoming.url ?? '/';
  const url = new URL(target.startsWith('/') && !target.startsWith('//') ? `${origin}${target}` : `${origin}/`);
  return {
    method: incoming.method ?? 'GET',
    url,
    header: (name) => {
      const value = incoming.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    readBody: async (limit) => {
      try {
        const read = await readBody(incoming, limit);
        return read.tooLarge ? { outcome: 'tooLarge' } : { outcome: 'read', text: read.bytes.toString('utf8') };
      } catch {
        return { outcome: 'unreadable' };
      }
    },
  };
}

/**
 * The origin the client used, from its Host header when that is a plain host[:port] (so links
 * say `localhost:4010` to a client that called localhost), else the listening address.
 */
function originOf(incoming: IncomingMessage, listening: string): string {
  const host = incoming.headers.host;
  if (!host) return listening;
  let origin = originsByHost.get(host);
  if (origin === undefined) {
    const usable = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host) && URL.canParse(`http://${host}`);
    origin = usable ? `http://${host}` : '';
    // Clients send the same few Host values; a hostile stream of new ones only restarts the cache.
    if (originsByHost.size >= 1000) originsByHost.clear();
    originsByHost.set(host, origin);
  }
  return origin || listening;
}

const originsByHost = new Map<string, string>();
