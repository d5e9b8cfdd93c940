// The emulator over a socket: node:http on 127.0.0.1 only, adapting each request to the Fetch
// handler, with one log line per request that names the Action, never a header or key.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator } from './emulator.js';
import { checkRequestLine } from '../spec/index.js';
import { refusalReply } from './envelopes.js';
import { toFetchRequest, writeFetchResponse, type BridgedRequest } from './node-fetch-bridge.js';
import type { EmulatorOptions } from './options.js';
import { routeLabel } from './routes.js';

export interface EmulatorServerOptions extends EmulatorOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** One line per request, like `POST GetAsset 200 3ms`; silent when absent. */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  const { port = 4010, log = () => {}, ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const server = createServer((incoming, outgoing) => {
    void serve(emulator, incoming, outgoing, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, log);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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

async function serve(emulator: Emulator, incoming: IncomingMessage, outgoing: ServerResponse, listening: string, log: (line: string) => void) {
  const started = performance.now();
  const method = incoming.method ?? '-';
  // Without listeners, a client that resets mid-request would be an uncaught error.
  incoming.on('error', () => {});
  outgoing.on('error', () => {});
  const origin = originOf(incoming, listening);
  let bridged: BridgedRequest | undefined;
  try {
    bridged = toFetchRequest(incoming, origin);
  } catch {
    // Fetch refuses a few methods Node parses (TRACE, TRACK): the gateway refuses them too.
    bridged = undefined;
  }
  const url = bridged ? new URL(bridged.request.url) : new URL(origin);
  const label = routeLabel(method, url);
  let logged = false;
  const finish = (status: string) => {
    if (!logged) log(`${method} ${label} ${status} ${Math.round(performance.now() - started)}ms`);
    logged = true;
    bridged?.release();
  };
  outgoing.once('finish', () => finish(String(outgoing.statusCode)));
  outgoing.once('close', () => finish('aborted'));
  try {
    const response = bridged ? await emulator.handle(bridged.request) : unsupportedMethod(method, url);
    await writeFetchResponse(response, outgoing);
  } catch {
    // The handler answers every request itself; what fails here is writing to a client that is gone.
    outgoing.destroy();
  }
}

function unsupportedMethod(method: string, url: URL): Response {
  const line = checkRequestLine(method, url);
  return 'error' in line
    ? refusalReply(line)
    : refusalReply({ action: line.action, status: 405, error: { Code: 'MethodNotAllowed', Message: `The method ${method} is not supported.` } });
}

/**
 * The origin the client used, from its Host header when that is a plain host[:port] (so links
 * say `localhost:4010` to a client that called localhost), else the listening address.
 */
function originOf(incoming: IncomingMessage, listening: string): string {
  const host = incoming.headers.host;
  if (host && /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host) && URL.canParse(`http://${host}`)) {
    return `http://${host}`;
  }
  return listening;
}
