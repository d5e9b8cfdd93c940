// One Prism instance per running mock, called with a single operation per request.
import type { IPrismDiagnostic, IPrismInput } from '@stoplight/prism-core';
import type { IHttpConfig, IHttpOperationConfig, IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { HttpOperation } from './operations.js';
import type { PrismPackages } from './prism-packages.js';
import { callUpstream, type UpstreamLimits } from './upstream.js';
import { refusalOf } from './violations.js';

export type PrismMode = { proxy: false } | { proxy: true; upstream: URL; errors: boolean; limits: UpstreamLimits };

export type PrismAnswer =
  | { ok: true; response: IHttpResponse; input: IPrismDiagnostic[]; output: IPrismDiagnostic[] }
  | { ok: false; error: PrismError };

/** Prism's failures are ProblemJsonErrors; `additional.validation` lists request violations. */
export type PrismError = Error & { status?: number; additional?: { validation?: unknown } };

export type CallPrism = (
  input: IHttpRequest,
  operation: HttpOperation,
  mock?: Pick<IHttpOperationConfig, 'code' | 'exampleKey'>,
) => Promise<PrismAnswer>;

export function createPrism(mode: PrismMode, { core, http }: PrismPackages): CallPrism {
  // Prism logs request headers (the API key among them) at debug level: keep its pino silent.
  const logger = core.createLogger('portrait-mock', { level: 'silent' });
  const common = { validateRequest: true, validateResponse: true, checkSecurity: true, upstreamProxy: undefined };
  // In proxy mode Prism hands its request findings to the forwarder (`errors: true`), which
  // refuses to forward a request that breaks the document; `mode.errors` is about replies only.
  const config: IHttpConfig = mode.proxy
    ? { ...common, mock: { dynamic: false }, errors: true, isProxy: true, upstream: mode.upstream }
    : { ...common, mock: { dynamic: false }, errors: false, isProxy: false };
  const prism = http.createInstance(config, mode.proxy ? { logger, forward: boundedForward(mode.limits) } : { logger });

  return async (input, operation, mock = {}) => {
    // A fresh config each call: Prism's mocker writes the request's Accept into `config.mock`.
    const requestConfig: IHttpConfig = { ...config, mock: { ...config.mock, ...mock } };
    const result = await prism.request(input, [operation], requestConfig)();
    if (result._tag === 'Left') return { ok: false, error: result.left };
    const { output, validations } = result.right;
    return { ok: true, response: output, input: validations.input, output: validations.output };
  };
}

/** Prism's forwarder component, replaced by callUpstream: fp-ts's Either written out as plain objects. */
function boundedForward(limits: UpstreamLimits) {
  return ({ data, validations }: IPrismInput<IHttpRequest>, upstream: string) => () => async () => {
    if (validations.length > 0) return { _tag: 'Left' as const, left: refusalOf(validations) };
    try {
      return { _tag: 'Right' as const, right: await callUpstream(data, upstream, limits) };
    } catch (error) {
      return { _tag: 'Left' as const, left: error as Error };
    }
  };
}

// Kept out of the request Prism judges, and so out of what callUpstream forwards: they describe the
// client's connection to the proxy, not the call (callUpstream drops the few it must set itself).
const hopByHopHeaders = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect', 'proxy-authorization', 'proxy-connection', 'host']);

/** The request as Prism takes it, built the way prism-http-server builds it. */
export function prismInput(
  headers: Record<string, string>,
  url: URL,
  body: unknown,
  bodyLength: number,
  path: string,
  omit: readonly string[] = [],
): IHttpRequest {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!hopByHopHeaders.has(name) && !omit.includes(name)) flat[name] = value;
  }
  // The body was read whole, possibly chunked; Prism checks the media type only when a length is set.
  flat['content-length'] = String(bodyLength);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return { method: 'post', url: { path, query }, headers: flat, body };
}
