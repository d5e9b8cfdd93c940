// startEmulator over a real socket: a flow through the typed client, the body limit on a
// streamed body, odd requests, and log lines that never carry a key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortraitClient } from '../../src/client/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { apiVersion, checkRequestLine, protocol, validateReply, validateSchema } from '../../src/protocol/index.js';
import { read, type Reply } from './harness.js';

const secret = 'sk-emulator-secret-DO-NOT-LOG';
const lines: string[] = [];
let running: RunningEmulator;

beforeAll(async () => {
  running = await startEmulator({
    port: 0,
    processingDelayMs: 0,
    rateLimits: false,
    tenants: [{ customerId: 'acme', apiKeys: [secret] }],
    log: (line) => lines.push(line),
  });
});
afterAll(async () => {
  await running.close();
});

/** Every API reply over the socket must be one the document allows, never a 500. */
function expectAllowed(method: string, url: string, reply: Reply) {
  expect(reply.status).not.toBe(500);
  const line = checkRequestLine(method, new URL(url));
  const check = 'error' in line ? validateSchema('ErrorResponse', reply.body) : validateReply(line.action, reply.status, reply.body);
  expect(check, reply.text).toEqual({ valid: true });
}

async function post(action: string, body: BodyInit, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<Reply> {
  const url = `${running.url}/portrait/?Action=${action}&Version=${apiVersion}`;
  const reply = await read(await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...headers }, body, ...init }));
  expectAllowed('POST', url, reply);
  return reply;
}

describe('startEmulator', () => {
  it('listens on 127.0.0.1 and serves a whole flow to the typed client', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = createPortraitClient({ apiKey: secret, baseUrl: running.url, maxRetries: 0 });
    const group = await client.createAssetGroup({ Name: 'over-the-wire' });
    const { Id } = await client.createAsset({ GroupId: group.Id, URL: 'https://cdn.example.com/face.png', AssetType: 'Image' });
    const asset = await client.getAsset({ Id });
    expect(asset.Status).toBe('Active');
    expect(asset.URL.startsWith(`${running.url}/media/${Id}?`)).toBe(true);
    const media = await fetch(asset.URL, { redirect: 'manual' });
    expect([media.status, media.headers.get('location')]).toEqual([302, 'https://cdn.example.com/face.png']);
    expect((await client.listAssetGroups({})).TotalCount).toBe(1);

    const session = await client.createVisualValidateSession({ CallbackURL: 'https://app.example.com/cb' });
    expect(session.H5Link.startsWith(`${running.url}/liveness/`)).toBe(true);
    const page = await fetch(`${session.H5Link}?lng=en`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Pass the check');
    const passed = await fetch(`${session.H5Link}/pass`, { method: 'POST', redirect: 'manual' });
    expect(passed.status).toBe(303);
    expect((await client.getVisualValidateResult({ BytedToken: session.BytedToken })).GroupId).toMatch(/^group-/);
  });

  it('413 for a streamed body of 1 MiB and one byte, and keeps serving', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > protocol.maxBodyBytes) return controller.close();
        const next = sent + chunk.length > protocol.maxBodyBytes ? chunk.subarray(0, protocol.maxBodyBytes + 1 - sent) : chunk;
        sent += next.length;
        controller.enqueue(next);
      },
    });
    const reply = await post('ListAssets', body, { 'content-type': 'application/json' }, { duplex: 'half' } as RequestInit);
    expect(reply.status).toBe(413);
    expect((await post('ListAssets', '{}')).status).toBe(200);
  });

  it('413 for a declared length over 1 MiB', async () => {
    const reply = await post('ListAssets', new Uint8Array(protocol.maxBodyBytes + 1).fill(0x20));
    expect(reply.status).toBe(413);
  });

  it('reads away a refused body before the 413, so that a client still writing it gets the reply, not a reset', async () => {
    const { connect } = await import('node:net');
    const size = protocol.maxBodyBytes + 64 * 1024;
    const socket = connect(Number(new URL(running.url).port), '127.0.0.1');
    let received = '';
    let closedAfter = -1;
    let written = 0;
    socket.setEncoding('utf8').on('data', (text: string) => (received += text));
    socket.on('close', () => (closedAfter = written));
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST /portrait/?Action=ListAssets&Version=${apiVersion} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${secret}\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`);
    // The body follows slowly, as a busy client's would; `written` counts what was handed to the socket.
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    while (written < size && closedAfter < 0) {
      written += chunk.length;
      await new Promise((resolve) => socket.write(chunk, resolve));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await expect.poll(() => received).toMatch(/^HTTP\/1\.1 413 [\s\S]*"RequestEntityTooLarge"/);
    // The connection stayed open until the whole body was sent.
    expect(closedAfter === -1 || closedAfter >= size).toBe(true);
    socket.destroy();
  });

  it('answers the API envelope to other methods and paths, TRACE included', async () => {
    for (const [method, path, status] of [
      ['GET', '/', 404],
      ['PUT', `/portrait/?Action=ListAssets&Version=${apiVersion}`, 405],
      ['DELETE', '/media/x', 404],
    ] as const) {
      const url = `${running.url}${path}`;
      const reply = await read(await fetch(url, { method }));
      expect(reply.status).toBe(status);
      expectAllowed(method, url, reply);
    }
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const trace = request(`${running.url}/portrait/`, { method: 'TRACE' }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      trace.on('error', reject);
      trace.end();
    });
    expect(status).toBe(405);
  });

  it('survives a client that goes away mid-body', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new TextEncoder().encode('{"Filter": '));
        setTimeout(() => controller.abort(), 50);
      },
    });
    const url = `${running.url}/portrait/?Action=ListAssets&Version=${apiVersion}`;
    const aborted = fetch(url, { method: 'POST', headers: { authorization: `Bearer ${secret}` }, body, duplex: 'half', signal: controller.signal } as RequestInit);
    await expect(aborted).rejects.toThrow();
    await expect.poll(() => lines.some((line) => /^POST ListAssets (aborted|400) \d+ms$/.test(line))).toBe(true);
    expect((await post('ListAssets', '{}')).status).toBe(200);
  });

  it('logs one line per request, like "POST GetAsset 200 3ms", and never the key', async () => {
    await post('GetAsset', JSON.stringify({ Id: `asset-${secret}` }));
    await post('GetAsset', '{}', { authorization: `Bearer ${secret}-wrong` });
    await expect.poll(() => lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line).toMatch(/^[A-Z]+ ([A-Za-z]+|-) (\d{3}|aborted) \d+ms$/);
      expect(line).not.toContain(secret);
    }
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^POST CreateAssetGroup 200 \d+ms$/),
        expect.stringMatching(/^POST GetAsset 404 \d+ms$/),
        expect.stringMatching(/^POST GetAsset 401 \d+ms$/),
        expect.stringMatching(/^POST ListAssets 413 \d+ms$/),
        expect.stringMatching(/^GET media 302 \d+ms$/),
        expect.stringMatching(/^GET liveness 200 \d+ms$/),
        expect.stringMatching(/^POST liveness 303 \d+ms$/),
        expect.stringMatching(/^GET - 404 \d+ms$/),
      ]),
    );
  });
});

describe('the links in replies', () => {
  /** CreateVisualValidateSession over a raw socket, with any Host header. */
  async function h5Link(url: string, host: string): Promise<string> {
    const { request } = await import('node:http');
    const body = JSON.stringify({ CallbackURL: 'https://app.example.com/cb' });
    return new Promise((resolve, reject) => {
      const sent = request(
        `${url}/portrait/?Action=CreateVisualValidateSession&Version=${apiVersion}`,
        { method: 'POST', headers: { host, authorization: `Bearer ${secret}`, 'content-type': 'application/json' } },
        (response) => {
          let text = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve((JSON.parse(text) as { Result: { H5Link: string } }).Result.H5Link));
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
  }

  it('are built on the listening address, whatever Host the request names', async () => {
    for (const host of ['evil.example:1234', 'localhost:1', '127.0.0.1:9']) {
      expect(await h5Link(running.url, host), host).toMatch(new RegExp(`^${running.url}/liveness/`));
    }
  });

  it('are built on publicUrl when one is given, and a publicUrl that is not an origin is refused', async () => {
    const behindProxy = await startEmulator({ port: 0, tenants: [{ customerId: 'acme', apiKeys: [secret] }], publicUrl: 'https://emulator.example.com/' });
    try {
      expect(await h5Link(behindProxy.url, 'evil.example')).toMatch(/^https:\/\/emulator\.example\.com\/liveness\//);
    } finally {
      await behindProxy.close();
    }
    for (const publicUrl of ['emulator.example.com', 'ftp://e.example', 'https://e.example/base', 'https://e.example/?q=1', 'https://user:pw@e.example']) {
      await expect(startEmulator({ port: 0, publicUrl }), publicUrl).rejects.toThrow('publicUrl must be an http or https origin');
    }
  });
});
