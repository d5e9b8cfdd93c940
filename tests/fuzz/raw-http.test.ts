// Raw HTTP at the emulator's socket: truncated and slow bodies, odd content types, repeated
// query parameters, very long URLs and random bytes. The server answers each with something
// other than a 5xx (or closes the connection), and keeps serving.
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { apiVersion } from '../../src/protocol/index.js';

let server: RunningEmulator;
let port: number;
beforeAll(async () => {
  server = await startEmulator({ port: 0, rateLimits: false });
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

/** Writes `chunks` to a fresh connection (pausing `pauseMs` between them) and reads until close. */
function exchange(chunks: (string | Buffer)[], pauseMs = 0): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const done = () => resolve(Buffer.concat(received).toString('latin1'));
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('data', (data) => received.push(data));
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
      socket.end();
    });
  });
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
const head = (path: string, headers: string[], bodyLength: number) =>
  [`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Authorization: Bearer demo-key', 'Connection: close', `Content-Length: ${bodyLength}`, ...headers, '', ''].join('\r\n');
const getAsset = `/portrait/?Action=GetAsset&Version=${apiVersion}`;

async function stillServing() {
  const response = await fetch(`${server.url}${getAsset}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer demo-key', 'Content-Type': 'application/json' },
    body: '{"Id":"asset-1"}',
  });
  expect(response.status).toBe(404);
}

it.each([
  ['a truncated body', [head(getAsset, ['Content-Type: application/json'], 100), '{"Id":"asse'], 0],
  ['a slow body, a byte at a time', [head(getAsset, ['Content-Type: application/json'], 16), ...'{"Id":"asset-1"}'.split('')], 20],
  ['a text/plain body', [head(getAsset, ['Content-Type: text/plain'], 16), '{"Id":"asset-1"}'], 0],
  ['a multipart body', [head(getAsset, ['Content-Type: multipart/form-data; boundary=x'], 20), '--x\r\n\r\nhello\r\n--x--'], 0],
  ['repeated Action and Version', [head(`/portrait/?Action=GetAsset&Action=DeleteAsset&Version=${apiVersion}&Version=1`, [], 16), '{"Id":"asset-1"}'], 0],
  ['a 100 kB URL', [head(`${getAsset}&pad=${'x'.repeat(100_000)}`, [], 2), '{}'], 0],
  ['a broken chunked body', [`POST /portrait/?Action=GetAsset&Version=${apiVersion} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`], 0],
  ['a garbage request line', ['GARBAGE /\u0000 HTTP/9.9\r\n\r\n'], 0],
  ['headers that never end', ['POST / HTTP/1.1\r\nHost: x\r\nX-Long: ' + 'y'.repeat(20_000)], 0],
] as const)('%s gets no 5xx and the server keeps serving', async (_, chunks, pauseMs) => {
  const response = await exchange([...chunks], pauseMs);
  const status = statusOf(response);
  if (status !== 0) expect(status).toBeLessThan(500);
  await stillServing();
});

it('a slow client is answered correctly', async () => {
  const response = await exchange([head(getAsset, ['Content-Type: application/json'], 16), ...'{"Id":"asset-1"}'.split('')], 10);
  expect(statusOf(response)).toBe(404);
  expect(response).toContain('"Code":"NotFound"');
});

it('random bytes never get a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 300 }).map((s) => `POST ${getAsset} HTTP/1.1\r\nHost: x\r\n${s}`)), async (bytes) => {
      const status = statusOf(await exchange([Buffer.from(bytes)]));
      if (status !== 0) expect(status).toBeLessThan(500);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
  );
  await stillServing();
}, 60_000);
