// The mock's HTTP server: listens on loopback only, never crashes on a request, and logs one
// line per request without any header in it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFront, type Front } from './front.js';
import { loadActionOperations } from './operations.js';
import { createPrism, type PrismMode } from './prism.js';
import { loadPrismPackages } from './prism-packages.js';
import { envelopeAnswer, send } from './reply.js';
import { ClientAbortedError } from '../node/read-body.js';

export interface MockOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number | undefined;
  /** Base URL of a real Portrait API: the mock then forwards and checks instead of answering. */
  upstream?: string | undefined;
  /** Proxy mode: a response that breaks the document becomes a 502 instead of a warning header. */
  errors?: boolean | undefined;
  /** One line per request; silent when absent. */
  log?: ((line: string) => void) | undefined;
}

export interface RunningMock {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const log = options.log ?? (() => {});
  const mode: PrismMode = options.upstream
    ? { proxy: true, upstream: upstreamUrl(options.upstream), errors: options.errors ?? false }
    : { proxy: false };
  const prism = await loadPrismPackages();
  const front = createFront(await loadActionOperations(prism), createPrism(mode, prism), mode);

  const server = createServer((request, response) => {
    void handle(front, request, response, log);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(front: Front, request: IncomingMessage, response: ServerResponse, log: (line: string) => void) {
  const started = performance.now();
  let action = '-';
  // Without a listener, a client that resets mid-request would surface as an uncaught error.
  request.on('error', () => {});
  response.on('error', () => {});
  let logged = false;
  let failure = '';
  const logOnce = (status: string) => {
    if (logged) return;
    logged = true;
    log(`${request.method ?? '-'} ${action} ${status} ${Math.round(performance.now() - started)}ms${failure}`);
  };
  response.once('finish', () => logOnce(String(response.statusCode)));
  response.once('close', () => logOnce('aborted'));
  try {
    const answer = await front(request, (called) => {
      action = called;
    });
    send(response, answer);
  } catch (error) {
    if (error instanceof ClientAbortedError) {
      response.destroy();
      return;
    }
    failure = ` ${describeFailure(error, request.headers.authorization)}`;
    // A failure halfway through copying an answer's headers must not leak them into this one.
    if (!response.headersSent) for (const name of response.getHeaderNames()) response.removeHeader(name);
    send(response, envelopeAnswer(action === '-' ? '' : action, 500, {
      Code: 'InternalError',
      Message: 'The mock failed unexpectedly while handling this request.',
    }));
  }
}

function upstreamUrl(text: string): URL {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`The upstream must be an http(s) URL such as https://api.alltoken.ai/v1, not ${JSON.stringify(text)}`);
  }
  return url;
}

/** Why a request failed, for the log line; the API key is cut out should anything quote it. */
function describeFailure(error: unknown, authorization: string | undefined): string {
  let text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const key = authorization?.replace(/^\S+\s+/, '').trim();
  if (authorization) text = text.replaceAll(authorization, '[redacted]');
  if (key) text = text.replaceAll(key, '[redacted]');
  return text.replaceAll(/\s+/g, ' ').slice(0, 200);
}
