// A server's log line for a request that failed holds the reason, and nothing else of it: no key,
// and none of the text a handler or an upstream's header brought that could act on a terminal or
// forge a line.
import { describe, expect, it } from 'vitest';
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
