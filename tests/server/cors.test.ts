// Browsers on other origins: the emulator and the mock answer CORS preflights and grant any origin
// by default, a list when told; the validating proxy, which carries real keys, grants none unless told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { corsOriginsFrom } from '../../src/server/cors.js';
import { apiVersion } from '../../src/protocol/index.js';

const app = 'https://app.example.com';
const path = `/portrait/?Action=ListAssets&Version=${apiVersion}`;
const preflight = (url: string, origin = app) =>
  fetch(`${url}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
const call = (url: string, origin = app) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { origin, authorization: 'Bearer demo-key', 'content-type': 'application/json' }, body: '{}' });

let emulator: RunningEmulator;
let restricted: RunningEmulator;
let mock: RunningMock;
let proxy: RunningMock;
let openProxy: RunningMock;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  restricted = await startEmulator({ port: 0, corsOrigins: [app] });
  mock = await startMock({ port: 0 });
  proxy = await startMock({ port: 0, upstream: emulator.url });
  openProxy = await startMock({ port: 0, upstream: emulator.url, corsOrigins: [app] });
}, 120_000);
afterAll(async () => {
  await Promise.all([emulator, restricted, mock, proxy, openProxy].map((server) => server?.close()));
});

describe.each([
  ['the emulator', () => emulator.url],
  ['the mock', () => mock.url],
])('%s, by default', (_, url) => {
  it('answers a preflight from any origin with 204 and what the API needs', async () => {
    const reply = await preflight(url());
    expect(reply.status).toBe(204);
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    expect(reply.headers.get('access-control-allow-methods')).toContain('POST');
    expect(reply.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Content-Type/);
  });

  it('grants the headers a preflight asks for, so per-call headers work from a browser', async () => {
    const reply = await fetch(`${url()}${path}`, {
      method: 'OPTIONS',
      headers: { origin: app, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-request-source' },
    });
    expect(reply.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-request-source');
  });

  it('grants the call itself, and exposes Retry-After', async () => {
    const reply = await call(url());
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    expect(reply.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });
});

describe('restricted or closed', () => {
  it('--cors-origin lists who may call: that origin is granted by name, another is not', async () => {
    expect((await preflight(restricted.url)).headers.get('access-control-allow-origin')).toBe(app);
    const other = await preflight(restricted.url, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await call(restricted.url, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the validating proxy grants no origin unless told, since it carries real keys', async () => {
    const closed = await preflight(proxy.url);
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    expect((await call(proxy.url)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(openProxy.url)).headers.get('access-control-allow-origin')).toBe(app);
  });

  it('reads --cors-origin as *, none, or origins', () => {
    expect(corsOriginsFrom('*')).toBe('*');
    expect(corsOriginsFrom('none')).toEqual([]);
    expect(corsOriginsFrom('https://a.example, http://localhost:3000')).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(() => corsOriginsFrom('https://a.example/path')).toThrow('CORS origins are written like');
  });
});
