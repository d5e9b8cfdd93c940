// A server's log line for a request that failed holds the reason, and nothing else of it: no key,
// and none of the text a handler or an upstream's header brought that could act on a terminal or
// forge a line.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConnectionReset } from '../../src/server/connection-reset.js';
import { listen } from '../../src/server/listen.js';

describe('the log line of a request whose handler threw', () => {
  it('holds the reason made printable, cut short, with the key cut out', async () => {
    const key = 'sk-listen-secret-0123456789';
    const lines: string[] = [];
    const server = await listen(
      () => {
        throw new Error(`upstream header x-bad: \u001b]0;owned\u0007\r\u202e${key}\u0085${'y'.repeat(500)}`);
      },
      { port: 0, name: 'test server', label: () => 'GetAsset', log: (line) => lines.push(line) },
    );
    try {
      const reply = await fetch(`${server.url}/portrait/`, { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body: '{}' });
      expect(reply.status).toBe(500);
      await expect.poll(() => lines.length).toBe(1);
      const [line = ''] = lines;
      expect(line).toMatch(/^POST GetAsset 500 \d+ms Error: upstream header x-bad: \\u001b\]0;owned\\u0007 \\u202e\[redacted\]\\u0085y+…$/);
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    } finally {
      await server.close();
    }
  });
});

describe('a handler that ends without a reply', () => {
  it('resets the connection when it throws ConnectionReset: the client reads ECONNRESET, the log line says reset', async () => {
    const lines: string[] = [];
    const server = await listen(
      () => {
        throw new ConnectionReset('no reply for this one');
      },
      { port: 0, name: 'test server', label: () => 'GetAsset', log: (line) => lines.push(line) },
    );
    try {
      const failure = await fetch(`${server.url}/portrait/`, { method: 'POST', body: '{}' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TypeError);
      expect((failure as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
      await expect.poll(() => lines).toEqual([expect.stringMatching(/^POST GetAsset reset \d+ms$/)]);
    } finally {
      await server.close();
    }
  });

  it('sees its signal abort when the client gives up, and when the server closes under it', async () => {
    const signals: AbortSignal[] = [];
    const server = await listen(
      (request) => {
        if (request.signal) signals.push(request.signal);
        return new Promise<never>(() => {});
      },
      { port: 0, name: 'test server', label: () => 'GetAsset' },
    );
    const client = new AbortController();
    const givenUp = fetch(`${server.url}/portrait/`, { method: 'POST', body: '{}', signal: client.signal }).catch((error: unknown) => error);
    await expect.poll(() => signals.length).toBe(1);
    client.abort();
    await givenUp;
    await expect.poll(() => signals[0]?.aborted).toBe(true);

    const cutOff = fetch(`${server.url}/portrait/`, { method: 'POST', body: '{}' }).catch((error: unknown) => error);
    await expect.poll(() => signals.length).toBe(2);
    expect(signals[1]?.aborted).toBe(false);
    await server.close();
    await expect.poll(() => signals[1]?.aborted).toBe(true);
    expect(await cutOff).toBeInstanceOf(TypeError);
  });
});

describe('a connection kept alive', () => {
  it('is held past the idle time the Keep-Alive header gives, so a client whose timers run late never sends on a closing connection', async () => {
    const server = await listen(async () => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{}' }), { port: 0, name: 'test server', label: () => 'GetAsset', keepAliveSeconds: 1 });
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    try {
      let received = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      const request = `POST /portrait/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`;
      socket.write(request);
      await expect.poll(() => received).toMatch(/\r\n\r\n\{\}$/);
      const idleSeconds = Number(/^Keep-Alive: timeout=(\d+)\r$/im.exec(received)?.[1]);
      expect(idleSeconds).toBe(1);
      // Late by a second, as a client's idle timer on a loaded machine can be.
      await new Promise((resolve) => setTimeout(resolve, (idleSeconds + 1) * 1000));
      received = '';
      socket.write(request);
      const ended = await Promise.race([closed.then(() => 'closed'), expect.poll(() => received).toMatch(/\r\n\r\n\{\}$/).then(() => 'answered')]);
      expect(ended).toBe('answered');
      expect(received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    } finally {
      socket.destroy();
      await server.close();
    }
  });
});
