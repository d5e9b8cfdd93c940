// Cross-origin calls from browsers: a page on another origin (the explorer on another port, a
// team's web app) may call the server when its origin is allowed. A preflight (OPTIONS with
// Access-Control-Request-Method) is answered here, before the gateway, which knows only POST.
import type { Handler, Reply } from './exchange.js';

/** `*` (any origin), a list of origins such as `https://app.example.com`, or `[]` for none. */
export type CorsOrigins = '*' | readonly string[];

/** What a browser may read of a reply: the headers a client uses. */
const exposeHeaders = 'Retry-After, sl-violations';

/**
 * The request headers a preflight may grant: those it asks for (a client's own per-call headers
 * included), when they are header names, and never more than 20.
 */
function allowedHeaders(requested: string | undefined): string {
  const names = (requested ?? '').split(',').map((name) => name.trim()).filter((name) => /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/.test(name));
  return ['Authorization', 'Content-Type', 'Prefer', ...names.slice(0, 20)].join(', ');
}

export function withCors(handler: Handler, origins: CorsOrigins): Handler {
  const allowed = (origin: string) => origins === '*' || origins.includes(origin);
  return async (request) => {
    const origin = request.header('origin');
    if (origin === undefined) return handler(request);
    const grant: Record<string, string> = allowed(origin) ? { 'Access-Control-Allow-Origin': origins === '*' ? '*' : origin, Vary: 'Origin' } : { Vary: 'Origin' };
    if (request.method === 'OPTIONS' && request.header('access-control-request-method') !== undefined) {
      const preflight: Reply = { status: 204, headers: grant, body: '' };
      if (allowed(origin)) {
        Object.assign(preflight.headers, {
          'Access-Control-Allow-Methods': 'POST, GET',
          'Access-Control-Allow-Headers': allowedHeaders(request.header('access-control-request-headers')),
          'Access-Control-Max-Age': '600',
        });
      }
      return preflight;
    }
    const reply = await handler(request);
    return allowed(origin) ? { ...reply, headers: { ...reply.headers, ...grant, 'Access-Control-Expose-Headers': exposeHeaders } } : reply;
  };
}

/** `--cors-origin` as users write it: `*`, `none`, or origins separated by commas. */
export function corsOriginsFrom(text: string): CorsOrigins {
  const value = text.trim();
  if (value === '*') return '*';
  if (value === 'none' || value === '') return [];
  const origins = value.split(',').map((origin) => origin.trim());
  for (const origin of origins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) throw new TypeError(`CORS origins are written like https://app.example.com (scheme, host, port), not ${JSON.stringify(origin)}`);
  }
  return origins;
}
