// The mock's HTTP server, on the server kit shared with the emulator (src/server): 127.0.0.1
// only, one log line per request without any header in it, and no request that can crash it.
import { echoedAction } from '../protocol/index.js';
import { withCors, type CorsOrigins } from '../server/cors.js';
import type { Handler } from '../server/exchange.js';
import { listen, type Listening } from '../server/listen.js';
import { createFront } from './front.js';
import { loadActionOperations } from './operations.js';
import { createPrism, type PrismMode } from './prism.js';
import { loadPrismPackages } from './prism-packages.js';
import { defaultUpstreamLimits, type UpstreamLimits } from './upstream.js';
import { httpUrl } from '../protocol/http-url.js';

export interface MockOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number | undefined;
  /** Base URL of a real Portrait API: the mock then forwards and checks instead of answering. */
  upstream?: string | undefined;
  /** Proxy mode: a response that breaks the document becomes a 502 instead of a warning header. */
  errors?: boolean | undefined;
  /** Proxy mode: how long the upstream may take to answer, in ms; 30 s by default, then a 504. */
  upstreamTimeoutMs?: number | undefined;
  /** Proxy mode: the largest upstream reply body, decompressed; 10 MB by default, then a 502. */
  maxUpstreamReplyBytes?: number | undefined;
  /** One line per request; silent when absent. */
  log?: ((line: string) => void) | undefined;
  /** The address to listen on; 127.0.0.1 by default. */
  host?: string | undefined;
  /**
   * Origins whose pages may call it from a browser: `*`, a list, or `[]` for none. By default any
   * origin in mock mode, and none in proxy mode, which carries real keys.
   */
  corsOrigins?: CorsOrigins | undefined;
}

export type RunningMock = Listening;

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const mode: PrismMode = options.upstream
    ? { proxy: true, upstream: upstreamUrl(options.upstream), errors: options.errors ?? false, limits: upstreamLimits(options) }
    : { proxy: false };
  // The port first, Prism after: a port in use is told at once, not after Prism's seconds of
  // loading. A request that comes in between waits for it.
  let ready: (front: Handler) => void = () => {};
  const front = new Promise<Handler>((resolve) => (ready = resolve));
  const listening = await listen(withCors((request) => front.then((answer) => answer(request)), options.corsOrigins ?? (mode.proxy ? [] : '*')), {
    port: options.port ?? 4010,
    host: options.host,
    log: options.log,
    label: (request) => echoedAction(request.url) || '-',
    name: 'mock',
  });
  try {
    const prism = await loadPrismPackages();
    ready(createFront(await loadActionOperations(prism), createPrism(mode, prism), mode));
  } catch (error) {
    await listening.close();
    throw error;
  }
  return listening;
}

function upstreamLimits(options: MockOptions): UpstreamLimits {
  const limit = (name: string, value: number | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    // Timers take at most 2^31 - 1 ms; past it Node fires at once.
    if (!Number.isInteger(value) || value < 1 || value > 2 ** 31 - 1) throw new RangeError(`${name} must be a whole number from 1 to ${2 ** 31 - 1}, not ${value}`);
    return value;
  };
  return {
    timeoutMs: limit('upstreamTimeoutMs', options.upstreamTimeoutMs, defaultUpstreamLimits.timeoutMs),
    maxReplyBytes: limit('maxUpstreamReplyBytes', options.maxUpstreamReplyBytes, defaultUpstreamLimits.maxReplyBytes),
  };
}

function upstreamUrl(text: string): URL {
  const url = httpUrl(text);
  if (!url) {
    throw new Error(`The upstream must be an http(s) URL such as https://api.alltoken.ai/v1, not ${JSON.stringify(text)}`);
  }
  return url;
}
