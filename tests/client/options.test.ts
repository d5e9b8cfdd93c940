// The client as openai-node and AWS SDK v3 users expect it (its documentation on hover is
// method-hover.test.ts's): per-call headers, a logger, a User-Agent, the key from PORTRAIT_API_KEY and the base URL from PORTRAIT_BASE_URL, the raw Response, `signal`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { createPortraitClient, PortraitAbortError, PortraitClientError, waitUntilAssetActive } from '../../src/client/index.js';
import { actions, servers } from '../../src/protocol/index.js';
import { failure, startScriptedServer, success, type ScriptedServer } from '../support/scripted-server.js';

const started: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});
async function scripted(...args: Parameters<typeof startScriptedServer>) {
  const server = await startScriptedServer(...args);
  started.push(server);
  return server;
}

describe('per call and per client', () => {
  it('sends per-call headers beside its own, and an identifying User-Agent in Node', async () => {
    const server = await scripted(() => success('GetAsset', { Id: 'a' }));
    const client = createPortraitClient({ apiKey: 'sk-key', baseUrl: server.url });
    await client.getAsset({ Id: 'a' }, { headers: { 'X-Trace': 'trace-1' } });
    const [received] = server.received;
    expect(received?.headers['x-trace']).toBe('trace-1');
    expect(received?.headers.authorization).toBe('Bearer sk-key');
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    expect(received?.headers['user-agent']).toBe(`portrait-api-toolkit/${version} node/${process.version}`);
  });

  it("lets a per-call header replace the client's, whatever the case of its name", async () => {
    const server = await scripted(() => success('GetAsset', { Id: 'a' }));
    const client = createPortraitClient({ apiKey: 'sk-key', baseUrl: server.url });
    await client.getAsset({ Id: 'a' }, { headers: { 'USER-AGENT': 'nightly-job/1', 'Content-type': 'application/json; charset=utf-8' } });
    const [received] = server.received;
    expect(received?.headers['user-agent']).toBe('nightly-job/1');
    expect(received?.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('logs each attempt and each retry to its logger, never the key', async () => {
    const server = await scripted((_, index) => (index === 0 ? failure('GetAsset', 'InternalError', 500) : success('GetAsset', { Id: 'a' })));
    const lines: string[] = [];
    const logger = { debug: (line: string) => lines.push(`debug ${line}`), warn: (line: string) => lines.push(`warn ${line}`) };
    const client = createPortraitClient({ apiKey: 'sk-logged-secret', baseUrl: server.url, minRetryDelayMs: 1, logger });
    await client.getAsset({ Id: 'a' });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^debug Portrait GetAsset attempt 1: PortraitError: GetAsset failed with InternalError \(HTTP 500\).* \(\d+ ms\)$/);
    expect(lines[1]).toMatch(/^warn Portrait GetAsset: retrying in \d+ ms after PortraitError/);
    expect(lines[2]).toMatch(/^debug Portrait GetAsset attempt 2: HTTP 200, RequestId REQ\d+ \(\d+ ms\)$/);
    expect(lines.join('\n')).not.toContain('sk-logged-secret');
  });

  it('gives the raw Response under $response, unenumerable like $metadata', async () => {
    const server = await scripted(() => ({ ...success('GetAsset', { Id: 'a' }), headers: { 'x-upstream': 'yes' } }));
    const asset = await createPortraitClient({ apiKey: 'k', baseUrl: server.url }).getAsset({ Id: 'a' });
    expect(asset.$response.status).toBe(200);
    expect(asset.$response.headers.get('x-upstream')).toBe('yes');
    expect(Object.keys(asset)).toEqual(['Id']);
  });
});

describe('the API key and the base URL from the environment, in Node', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('takes PORTRAIT_API_KEY when no apiKey is given', async () => {
    const server = await scripted(() => success('GetAsset', { Id: 'a' }));
    vi.stubEnv('PORTRAIT_API_KEY', 'sk-from-env');
    await createPortraitClient({ baseUrl: server.url }).getAsset({ Id: 'a' });
    expect(server.received[0]?.headers.authorization).toBe('Bearer sk-from-env');
  });

  it('says where a key can come from when there is none', () => {
    vi.stubEnv('PORTRAIT_API_KEY', undefined);
    expect(() => createPortraitClient()).toThrow(new PortraitClientError('createPortraitClient needs an apiKey: pass { apiKey }, or set PORTRAIT_API_KEY.'));
  });

  it('takes PORTRAIT_BASE_URL when no baseUrl is given, and a given baseUrl over it', async () => {
    const fromEnv = await scripted(() => success('GetAsset', { Id: 'a' }));
    const given = await scripted(() => success('GetAsset', { Id: 'a' }));
    vi.stubEnv('PORTRAIT_BASE_URL', `${fromEnv.url}/`);
    await createPortraitClient({ apiKey: 'k' }).getAsset({ Id: 'a' });
    await createPortraitClient({ apiKey: 'k', baseUrl: given.url }).getAsset({ Id: 'a' });
    expect([fromEnv.received.length, given.received.length]).toEqual([1, 1]);
  });

  it('goes to the production gateway when PORTRAIT_BASE_URL is unset or empty', async () => {
    const urls: string[] = [];
    const fetch = (request: Request) => {
      urls.push(request.url);
      return Promise.reject(new TypeError('not sent in this test'));
    };
    for (const value of [undefined, '']) {
      vi.stubEnv('PORTRAIT_BASE_URL', value);
      await expect(createPortraitClient({ apiKey: 'k', fetch, maxRetries: 0 }).getAsset({ Id: 'a' })).rejects.toThrow(PortraitClientError);
    }
    expect(urls).toEqual(Array(2).fill(`${servers[0].url}${actions.GetAsset.path}`));
  });

  it('refuses a base URL that is no http(s) URL, naming where it came from and never repeating it', () => {
    vi.stubEnv('PORTRAIT_BASE_URL', '127.0.0.1:4010');
    expect(() => createPortraitClient({ apiKey: 'k' })).toThrow(new PortraitClientError('PORTRAIT_BASE_URL must be an http(s) URL without credentials, query or fragment.'));
    const refused = ['ftp://example.com', 'sk-live-put-in-the-wrong-variable', '/relative/without/a/page', 'https://user:pw@example.com', 'https://example.com/v1?x=1', 'https://example.com/#top'];
    for (const baseUrl of refused) {
      expect(() => createPortraitClient({ apiKey: 'k', baseUrl }), baseUrl).toThrow(new PortraitClientError('baseUrl must be an http(s) URL without credentials, query or fragment.'));
    }
  });

  it('takes a base URL relative to the page, in a browser, as fetch resolves it there', () => {
    // In Node, where '/relative/without/a/page' was refused above, a page's location stands in.
    vi.stubGlobal('location', { href: 'https://app.example.com/tools/index.html' });
    try {
      for (const baseUrl of ['/api/', 'api', '']) expect(() => createPortraitClient({ apiKey: 'k', baseUrl }), baseUrl).not.toThrow();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('one name for aborting: signal', () => {
  it('stops a waiter through `signal`, as every call takes it', async () => {
    const server = await scripted(() => success('GetAsset', { Id: 'a', Status: 'Processing' }));
    const client = createPortraitClient({ apiKey: 'k', baseUrl: server.url });
    const controller = new AbortController();
    const waiting = waitUntilAssetActive({ client, signal: controller.signal, minDelay: 10, maxDelay: 10 }, { Id: 'a' });
    setTimeout(() => controller.abort(), 50);
    await expect(waiting).rejects.toThrow(PortraitAbortError);
  });
});
