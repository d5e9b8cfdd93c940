// The emulator over a socket, on the server kit shared with the mock (src/server): 127.0.0.1
// only, one log line per request that names the Action, never a header or key.
import { listen, type Listening } from '../server/listen.js';
import { withCors, type CorsOrigins } from '../server/cors.js';
import type { Handler } from '../server/exchange.js';
import { createEmulator, type Emulator } from './emulator.js';
import { routeLabel } from './http/routes.js';
import type { EmulatorOptions } from './options.js';
import { httpUrl } from '../protocol/http-url.js';

export interface EmulatorServerOptions extends EmulatorOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number | undefined;
  /** One line per request, like `POST GetAsset 200 3ms`; silent when absent. */
  log?: ((line: string) => void) | undefined;
  /**
   * Where clients reach the emulator, such as `https://emulator.example.com`, when that is not the
   * listening address: H5 links and media links are built on it. Default: the listening address.
   */
  publicUrl?: string | undefined;
  /** The address to listen on; 127.0.0.1 by default. */
  host?: string | undefined;
  /** Origins whose pages may call it from a browser: `*` (the default), a list, or `[]` for none. */
  corsOrigins?: CorsOrigins | undefined;
  /**
   * Answers each request in place of `emulator.answer`, so a caller can serve more pages on the
   * same origin (`npm start` adds the docs, try-it and the explorer) and hand the rest to the emulator.
   */
  handler?: ((emulator: Emulator) => Handler) | undefined;
}

export interface RunningEmulator extends Listening {
  emulator: Emulator;
}

const pruneEveryMs = 10_000;

export async function startEmulator(options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  const { port = 4010, host, log, handler, publicUrl, corsOrigins = '*', ...emulatorOptions } = options;
  const publicOrigin = publicUrl === undefined ? undefined : publicUrlOrigin(publicUrl);
  const emulator = createEmulator(emulatorOptions);
  const listening = await listen(withCors(handler ? handler(emulator) : emulator.answer, corsOrigins), {
    port,
    host,
    log,
    publicOrigin,
    label: (request) => routeLabel(request.method, request.url),
    name: 'emulator',
  });
  const pruning = setInterval(emulator.prune, pruneEveryMs).unref();
  return {
    ...listening,
    emulator,
    close: () => {
      clearInterval(pruning);
      return listening.close();
    },
  };
}

/** The origin of `publicUrl`, which must be an http(s) URL with nothing after the host but `/`. */
export function publicUrlOrigin(publicUrl: string): string {
  const url = httpUrl(publicUrl);
  if (!url || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new TypeError(`publicUrl must be an http or https origin such as https://emulator.example.com, not ${JSON.stringify(publicUrl)}`);
  }
  return url.origin;
}
