// MSW handlers that send every Portrait call to an emulator, for tests in Node (`setupServer`)
// and in browsers (`setupWorker`, Storybook). MSW matches a path and ignores the query, where the
// Action is, so one handler takes the endpoint whatever the Action and the emulator tells the
// Actions apart, as the gateway does.
import { http, type HttpHandler } from 'msw';
import { protocol, servers } from '../protocol/index.js';
import { withCors } from '../server/cors.js';
import { ConnectionReset } from '../server/connection-reset.js';
import { fromFetchRequest, toFetchResponse } from '../server/exchange.js';
import type { Emulator } from '../emulator/portable.js';
import { httpUrl } from '../protocol/http-url.js';

export interface PortraitHandlersOptions {
  /**
   * Where the code under test sends Portrait calls: the client's `baseUrl`, relative to the page
   * in a browser. Default: the client's default, the document's production gateway.
   */
  baseUrl?: string | undefined;
}

/**
 * Handlers for the Portrait endpoint under `baseUrl` (`<baseUrl>/portrait/`, any Action) and for
 * the links the emulator's replies hold on that origin (an Active asset's media link, the
 * liveness pages). Any other request is left to the handlers after these, or to the network.
 */
export function portraitHandlers(emulator: Pick<Emulator, 'answer' | 'ownsLink'>, options: PortraitHandlersOptions = {}): HttpHandler[] {
  const base = checkedBaseUrl(options.baseUrl ?? servers[0].url);
  const endpoint = `${base.pathname.replace(/\/+$/, '')}${protocol.endpoint}`;
  // A page on another origin than the API reads the reply's headers (Retry-After) only when allowed.
  const answer = withCors(emulator.answer, '*');

  /** The URL the emulator serves `request` at, or undefined for a request that is not the emulator's. */
  const emulatorUrl = (request: Request): URL | undefined => {
    const url = new URL(request.url);
    if (url.origin !== base.origin) return undefined;
    if (url.pathname === endpoint || url.pathname === endpoint.slice(0, -1)) return new URL(`${protocol.endpoint}${url.search}`, url.origin);
    return emulator.ownsLink(request.method, url) ? url : undefined;
  };

  return [
    http.all(
      ({ request }) => emulatorUrl(request) !== undefined,
      async ({ request }) => {
        try {
          return toFetchResponse(await answer({ ...fromFetchRequest(request), url: emulatorUrl(request) ?? new URL(request.url) }));
        } catch (error) {
          // A reset, or a call its client gave up on, ends as a network error: MSW would make a 500 of it.
          if (error instanceof ConnectionReset || request.signal.aborted) return Response.error();
          throw error;
        }
      },
    ),
  ];
}

/** `baseUrl` as a URL, relative to the page in a browser; only its origin and path count. */
function checkedBaseUrl(value: unknown): URL {
  const page = (globalThis as { location?: { href: string } }).location?.href;
  const url = typeof value === 'string' ? httpUrl(value, page) : undefined;
  if (!url) throw new TypeError('baseUrl must be an http(s) URL, as the client takes it.');
  return url;
}
