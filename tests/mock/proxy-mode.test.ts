import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type MockOptions, type RunningMock } from '../../src/mock/index.js';
import { apiVersion, validateReply, validateSchema } from '../../src/protocol/index.js';
import { actionUrl, apiKey, envelope, firstRequestExample, post, responseExample, type Envelope } from './calls.js';
import { startScriptedServer, type Script, type ScriptedServer } from '../support/scripted-server.js';

let upstream: ScriptedServer;
/** What the upstream answers to every following request. */
let upstreamReply: { status: number; body: unknown; headers?: Record<string, string> } = { status: 200, body: {} };
let proxy: RunningMock;
let strictProxy: RunningMock;
let unreachableProxy: RunningMock;

beforeAll(async () => {
  upstream = await startScriptedServer(() => upstreamReply);
  proxy = await startMock({ port: 0, upstream: upstream.url });
  strictProxy = await startMock({ port: 0, upstream: upstream.url, errors: true });
  // A port that was free a moment ago: nothing answers there.
  const closed = await startScriptedServer(() => 'drop');
  await closed.close();
  unreachableProxy = await startMock({ port: 0, upstream: closed.url });
});
afterAll(async () => {
  await Promise.all([proxy.close(), strictProxy.close(), unreachableProxy.close()]);
  await upstream.close();
});
beforeEach(() => {
  upstream.received.length = 0;
});

const action = 'GetAsset';
const requestBody = () => JSON.stringify(firstRequestExample(action));
const validReply = () => responseExample(action, 200, 'active') as Envelope;
function brokenReply() {
  const body = validReply();
  (body.Result as Record<string, unknown>).Id = 12345;
  return body;
}

describe('the validating proxy', () => {
  it('passes a spec-valid upstream reply through unchanged, with no violations', async () => {
    const body = validReply();
    upstreamReply = { status: 200, body };
    const reply = await post(actionUrl(proxy.url, action), requestBody());
    expect(reply.status).toBe(200);
    expect(reply.headers.get('sl-violations')).toBeNull();
    expect(reply.body).toEqual(body);
    expect(validateReply(action, 200, reply.body)).toEqual({ valid: true });
  });

  it('forwards the Action query, the Authorization header and the body', async () => {
    upstreamReply = { status: 200, body: validReply() };
    await post(actionUrl(proxy.url, action), requestBody());
    expect(upstream.received).toHaveLength(1);
    const [received] = upstream.received;
    const url = new URL(received?.url ?? '', 'http://upstream');
    expect(received?.method).toBe('POST');
    expect(url.pathname).toBe('/portrait/');
    expect(url.searchParams.get('Action')).toBe(action);
    expect(url.searchParams.get('Version')).toBe(apiVersion);
    expect(received?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(received?.body).toEqual(firstRequestExample(action));
  });

  it('passes an upstream error envelope through with its status', async () => {
    const body = responseExample('CreateAsset', 403, 'quotaExceeded');
    upstreamReply = { status: 403, body };
    const reply = await post(actionUrl(proxy.url, 'CreateAsset'), JSON.stringify(firstRequestExample('CreateAsset')));
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual(body);
    expect(reply.headers.get('sl-violations')).toBeNull();
  });

  it('reports a spec-breaking reply in sl-violations and still passes it through', async () => {
    upstreamReply = { status: 200, body: brokenReply() };
    const reply = await post(actionUrl(proxy.url, action), requestBody());
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(brokenReply());
    const violations = JSON.parse(reply.headers.get('sl-violations') ?? '[]') as { location: string[]; severity: string }[];
    expect(violations.some((violation) => violation.location[0] === 'response' && violation.severity === 'Error')).toBe(true);
  });

  it('refuses an invalid request with 400, as the README says, and never forwards it', async () => {
    upstreamReply = { status: 200, body: validReply() };
    const reply = await post(actionUrl(proxy.url, action), '{}');
    expect(upstream.received).toHaveLength(0);
    expect(reply.status).toBe(400);
    expect(envelope(reply).ResponseMetadata.Error?.Code).toBe('MissingParameter.Id');
    const violations = JSON.parse(reply.headers.get('sl-violations') ?? '[]') as { location: string[] }[];
    expect(violations.some((violation) => violation.location[0] === 'request')).toBe(true);
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const reply = await post(actionUrl(unreachableProxy.url, action), requestBody());
    expect(reply.status).toBe(502);
    expect(validateSchema('ErrorResponse', reply.body)).toEqual({ valid: true });
    expect(envelope(reply).ResponseMetadata.Error?.Code).toBe('InternalError');
  });
});

describe('the validating proxy with errors on', () => {
  it('passes a spec-valid reply through', async () => {
    upstreamReply = { status: 200, body: validReply() };
    const reply = await post(actionUrl(strictProxy.url, action), requestBody());
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(validReply());
  });

  it('turns a spec-breaking reply into a 502 InternalError', async () => {
    upstreamReply = { status: 200, body: brokenReply() };
    const reply = await post(actionUrl(strictProxy.url, action), requestBody());
    expect(reply.status).toBe(502);
    expect(validateSchema('ErrorResponse', reply.body)).toEqual({ valid: true });
    expect(envelope(reply).ResponseMetadata.Error?.Code).toBe('InternalError');
    expect(envelope(reply).ResponseMetadata.Error?.Message).toMatch(/upstream response broke the spec/);
    expect(envelope(reply).ResponseMetadata.Action).toBe(action);
    expect(reply.headers.get('sl-violations')).not.toBeNull();
  });

  it('refuses an invalid request with the gateway code, without forwarding it', async () => {
    const reply = await post(actionUrl(strictProxy.url, action), '{}');
    expect(reply.status).toBe(400);
    expect(envelope(reply).ResponseMetadata.Error?.Code).toBe('MissingParameter.Id');
    expect(validateReply(action, 400, reply.body)).toEqual({ valid: true });
    expect(upstream.received).toHaveLength(0);
  });

  it('still answers the front checks itself', async () => {
    const reply = await post(actionUrl(strictProxy.url, 'LaunchRocket'), requestBody());
    expect(reply.status).toBe(404);
    expect(upstream.received).toHaveLength(0);
  });
});

describe('the validating proxy against a hostile or broken upstream', () => {
  const errorOf = (reply: { body: unknown }) => {
    expect(validateSchema('ErrorResponse', reply.body)).toEqual({ valid: true });
    return envelope(reply as never).ResponseMetadata.Error;
  };

  it.each([307, 302, 301, 308])('never follows a %i redirect to another origin, and says so in a 502', async (status) => {
    const elsewhere = await startScriptedServer(() => ({ body: validReply() }));
    try {
      upstreamReply = { status, body: {}, headers: { location: `${elsewhere.url}/steal?token=secret` } };
      const reply = await post(actionUrl(proxy.url, action), requestBody());
      expect(reply.status).toBe(502);
      const error = errorOf(reply);
      expect(error?.Message).toContain(`HTTP ${status}, a redirect to ${elsewhere.url}`);
      expect(error?.Message).not.toContain('secret');
      expect(elsewhere.received).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it.each([304, 300])('refuses a %i, which is no redirect (none of 301, 302, 303, 307, 308), as the reply it is, not as a redirect', async (status) => {
    upstreamReply = { status, body: {}, headers: { location: 'http://127.0.0.1:9/elsewhere' } };
    const reply = await post(actionUrl(proxy.url, action), requestBody());
    expect(reply.status).toBe(502);
    expect(errorOf(reply)?.Message).not.toContain('a redirect');
  });

  /** One GetAsset through a proxy of its own, to an upstream that answers with `script`; both stop after. */
  async function throughProxy(script: Script, options: Omit<MockOptions, 'port' | 'upstream'> = {}) {
    const upstreamOfItsOwn = await startScriptedServer(script);
    const proxied = await startMock({ ...options, port: 0, upstream: upstreamOfItsOwn.url });
    try {
      return await post(actionUrl(proxied.url, action), requestBody());
    } finally {
      await proxied.close();
      await upstreamOfItsOwn.close();
    }
  }

  it('answers 504 when the upstream does not answer in time', async () => {
    const reply = await throughProxy(() => 'stall', { upstreamTimeoutMs: 200 });
    expect(reply.status).toBe(504);
    expect(errorOf(reply)?.Message).toBe('The upstream did not answer within 200 ms.');
  });

  it('makes up no answer for a 501, or any status the document does not list: 502', async () => {
    for (const status of [501, 418, 204]) {
      upstreamReply = { status, body: { whatever: true } };
      const reply = await post(actionUrl(proxy.url, action), requestBody());
      expect(reply.status, String(status)).toBe(502);
      expect(errorOf(reply)?.Message).toBe(`The upstream answered HTTP ${status}, which the document does not list for ${action}.`);
    }
  });

  it('stops reading a reply past its cap, counted after decompression: 502 for a large body or a gzip bomb', async () => {
    const large = await throughProxy(() => ({ body: { ...validReply(), padding: 'x'.repeat(100 * 1024) } }), { maxUpstreamReplyBytes: 64 * 1024 });
    expect(large.status).toBe(502);
    expect(errorOf(large)?.Message).toBe(`The upstream reply passed ${64 * 1024} bytes (decompressed); the proxy stopped reading it.`);
    // 30 MB of JSON whitespace is 30 KB gzipped; the default cap is 10 MB.
    const bomb = gzipSync(Buffer.alloc(30 * 1024 * 1024, ' '));
    const reply = await throughProxy(() => ({ raw: bomb, status: 200, contentType: 'application/json', headers: { 'content-encoding': 'gzip' } }));
    expect(reply.status).toBe(502);
    expect(errorOf(reply)?.Message).toBe(`The upstream reply passed ${10 * 1024 * 1024} bytes (decompressed); the proxy stopped reading it.`);
  });

  it('answers 502, not 500, to a reply nested too deeply or too large in values to be the API\'s', async () => {
    // 6,000 empty items: more than twice the largest reply the document describes, and seconds of validation.
    for (const raw of ['['.repeat(200_000) + ']'.repeat(200_000), `{"Items":[${'0,'.repeat(100_000)}0]}`, `{"Items":[${'{},'.repeat(5_999)}{}]}`]) {
      const reply = await throughProxy(() => ({ raw, status: 200, contentType: 'application/json' }));
      expect(reply.status).toBe(502);
      expect(errorOf(reply)?.Message).toContain('nested too deeply or holds too many values');
    }
  });

  it('refuses limits it cannot keep', async () => {
    await expect(startMock({ port: 0, upstream: upstream.url, upstreamTimeoutMs: Infinity })).rejects.toThrow(RangeError);
    await expect(startMock({ port: 0, upstream: upstream.url, maxUpstreamReplyBytes: 0 })).rejects.toThrow('maxUpstreamReplyBytes must be a whole number');
  });
});
