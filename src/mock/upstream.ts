// Proxy mode's call to the upstream, in place of Prism's own forwarder, which follows redirects
// (sending the caller's key wherever they point), waits for ever, holds any reply whole however
// large or however deeply compressed, and re-mocks a 501 as if it were an answer. This one never
// follows a redirect, gives up after a time limit, and stops reading past a size limit counted
// after decompression. Each of those is an UpstreamError that the proxy turns into a 502 or 504.
import type { IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import { replyShapeIssue } from '../protocol/body-shape.js';
import { isRedirect } from '../protocol/redirects.js';
import { readStream } from '../server/read-body.js';

export interface UpstreamLimits {
  /** From sending the request to the reply's last byte. */
  timeoutMs: number;
  /** Of the reply body, decompressed. */
  maxReplyBytes: number;
}

// 10 MiB of reply, decompressed.
export const defaultUpstreamLimits: UpstreamLimits = { timeoutMs: 30_000, maxReplyBytes: 10 * 2 ** 20 };

export type UpstreamFailure = 'redirect' | 'timeout' | 'tooLarge' | 'misshapen' | 'unreachable';

export class UpstreamError extends Error {
  override name = 'UpstreamError';

  constructor(
    readonly failure: UpstreamFailure,
    message: string,
  ) {
    super(message);
  }
}

// Set by fetch for the upstream connection; the rest of the connection's headers never reach here (prismInput).
const notForwarded = new Set(['content-length', 'accept-encoding']);

/** Sends `input` to `upstream` (its path joined with the input's) and reads the reply within `limits`. */
export async function callUpstream(input: IHttpRequest, upstream: string, limits: UpstreamLimits): Promise<IHttpResponse> {
  const base = new URL(upstream);
  const url = new URL(`${base.pathname.replace(/\/$/, '')}${input.url.path}`, base);
  for (const [name, value] of Object.entries(input.url.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(input.headers ?? {})) if (!notForwarded.has(name.toLowerCase())) headers[name] = String(value);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const timedOut = () => new UpstreamError('timeout', `The upstream did not answer within ${limits.timeoutMs} ms.`);

  let response: Response;
  try {
    response = await fetch(url, {
      method: input.method.toUpperCase(),
      headers,
      body: input.body === undefined ? null : typeof input.body === 'string' ? input.body : JSON.stringify(input.body),
      redirect: 'manual',
      signal,
    });
  } catch {
    // The error's text names the upstream's address and the network's detail: neither is the caller's business.
    throw signal.aborted ? timedOut() : new UpstreamError('unreachable', 'The upstream could not be reached.');
  }
  if (isRedirect(response)) {
    void response.body?.cancel().catch(() => {});
    throw new UpstreamError('redirect', `The upstream answered HTTP ${response.status}, a redirect${redirectTarget(response, base)}; the proxy never follows one.`);
  }
  const read = await readStream(response.body, limits.maxReplyBytes);
  if (read.outcome === 'tooLarge') {
    throw new UpstreamError('tooLarge', `The upstream reply passed ${limits.maxReplyBytes} bytes (decompressed); the proxy stopped reading it.`);
  }
  if (read.outcome === 'unreadable') throw signal.aborted ? timedOut() : new UpstreamError('unreachable', 'The upstream reply could not be read.');
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  const json = /^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '');
  const body = json ? parseOrText(read.text) : read.text;
  // Validators and serializers recurse: a reply nested deeper than any the document describes stops here.
  if (replyShapeIssue(body)) throw new UpstreamError('misshapen', 'The upstream reply is nested too deeply or holds too many values to be a Portrait API reply.');
  return { statusCode: response.status, headers: responseHeaders, body };
}

/** ` to <origin>`, or where it points when that is the upstream itself; never the path, which can hold tokens. */
function redirectTarget(response: Response, base: URL): string {
  const location = response.headers.get('location');
  if (!location || !URL.canParse(location, base)) return '';
  const target = new URL(location, base);
  return ` to ${target.origin === base.origin ? 'the upstream itself' : target.origin}`;
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
