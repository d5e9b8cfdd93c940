// Servers that hang, spoof or flood the run: none can hold it past its deadlines, fill its memory,
// act on the terminal through its report, break its JUnit file or bring a key into view.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { allChecks } from '../../src/contract/checks/index.js';
import { formatCheck, formatSummary, runContract, toJson, toJUnit, type ContractReport } from '../../src/contract/index.js';
import { createEmulator } from '../../src/emulator/index.js';
import { serveFetch } from '../support/http.js';
import { editReplies, envelope, errorEnvelope, fastContract, type Fault } from './faults.js';
import { apiVersion } from '../../src/protocol/index.js';

// Whole contract runs, some over sockets: on a busy machine far beyond vitest's 5 s.
vi.setConfig({ testTimeout: 60_000 });

// Garbage collection on demand: a deadline must hold while it runs.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const key = 'sk-hostile-0123456789abcdefghijklmnopqrstuv';

/** Everything the run writes for people and for CI. */
function outputs(report: ContractReport): string {
  return [...report.results.map(formatCheck), formatSummary(report), toJUnit(report), toJson(report)].join('\n');
}

/** A run against the emulator behind `fault`, in-process. */
function runBehind(fault: Fault, options: Partial<Parameters<typeof runContract>[0]> = {}) {
  const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false, tenants: [{ customerId: 'hostile', apiKeys: [key] }] });
  const handle = fault((request) => emulator.handle(request));
  return runContract({ ...fastContract, apiKey: key, secondApiKey: undefined, baseUrl: 'http://emulator.local', fetch: (request) => handle(request), ...options });
}

/** How many AIGC groups the demo customer holds. */
async function groupCount(emulator: ReturnType<typeof createEmulator>): Promise<number> {
  const body = JSON.stringify({ Filter: { GroupType: 'AIGC' } });
  const reply = await emulator.handle(
    new Request(`http://emulator.local/portrait/?Action=ListAssetGroups&Version=${apiVersion}`, { method: 'POST', headers: { Authorization: 'Bearer demo-key', 'Content-Type': 'application/json' }, body }),
  );
  return ((await reply.json()) as { Result: { TotalCount: number } }).Result.TotalCount;
}

describe('a server that stops answering', () => {
  it('fails the check under way at the call deadline, with garbage collection running, and the run goes on', async () => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    // Takes every request and answers none; the reachability call goes to the emulator.
    const server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Twice within each call's deadline: a deadline whose timer a collection drops never fires.
    // (More often costs seconds of CPU: a full collection of a worker's heap takes tens of ms.)
    const collecting = setInterval(gc, 50);
    try {
      let calls = 0;
      // The first two checks: the run going on is the second failing at its deadline too, and each
      // call waited out under collections costs a worker two of them.
      const report = await runContract({
        ...fastContract,
        baseUrl: url,
        timeoutMs: 100,
        skip: allChecks.slice(2).map((check) => check.name),
        fetch: (request, init) => (calls++ === 0 ? emulator.handle(request) : fetch(request, init)),
      });
      const ran = report.results.filter((result) => result.status !== 'skipped');
      expect(ran).toHaveLength(2);
      for (const result of ran) {
        expect(result.status).toBe('failed');
        expect(result.messages[0]).toMatch(/^the check could not finish: \w+: no reply within 100 ms$/);
        expect(result.reproductions[0]?.reply).toBe('no reply: no reply within 100 ms');
      }
      expect(report.passed).toBe(false);
    } finally {
      clearInterval(collecting);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('stops the whole run at maxTimeMs: the check under way fails, the rest are skipped, and the clean-up still runs', async () => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    // As a fetch does, a call its deadline aborts before it is sent never reaches the server.
    const slow = (request: Request, init: { signal: AbortSignal }) =>
      new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => resolve(emulator.handle(request)), 50);
        init.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal.reason);
        });
      });
    // Some hundreds of calls at 50 ms each: far past a second.
    const report = await runContract({ ...fastContract, baseUrl: 'http://emulator.local', fetch: slow, maxTimeMs: 1_000 });
    expect(report.passed).toBe(false);
    expect(report.stopped).toBe('the run is out of time (its max time is 1 s)');
    expect(report.results.some((result) => result.status === 'failed' && result.messages[0] === 'the check could not finish: the run is out of time (its max time is 1 s)')).toBe(true);
    expect(report.results.at(-1)).toMatchObject({ status: 'skipped', messages: ['the run is out of time (its max time is 1 s)'] });
    expect(formatSummary(report)).toMatch(/^Stopped early: the run is out of time \(its max time is 1 s\)/);
    expect(toJUnit(report)).toContain('<testcase classname="portrait-contract.run" name="max-time"');
    // The clean-up ran after the stop: nothing this run made is left.
    expect(report.leftBehind).toEqual([]);
    expect(await groupCount(emulator)).toBe(0);
  });

  it('deletes in its clean-up a group whose create got no reply, found by the run tag in its name', async () => {
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    let creates = 0;
    // The first group is made, and its reply never comes.
    const fetch = async (request: Request) => {
      const reply = await emulator.handle(request);
      const create = new URL(request.url).searchParams.get('Action') === 'CreateAssetGroup';
      return create && creates++ === 0 ? new Promise<Response>(() => {}) : reply;
    };
    const report = await runContract({ ...fastContract, baseUrl: 'http://emulator.local', fetch, timeoutMs: 200 });
    expect(report.results.find((result) => result.name === 'groups.create')?.messages[0]).toBe('the check could not finish: CreateAssetGroup: no reply within 200 ms');
    expect(report.leftBehind).toEqual([]);
    expect(await groupCount(emulator)).toBe(0);
  });

  it('lets no check run on beside the clean-up when an onProgress callback throws', async () => {
    // The asset never leaves Processing, so assets.until-active polls until its own timeout.
    const emulator = createEmulator({ processingDelayMs: 60_000, rateLimits: false });
    let calls = 0;
    const fetch = (request: Request) => {
      calls++;
      return emulator.handle(request);
    };
    const onProgress = (result: { name: string }) => {
      if (result.name === 'groups.get') throw new Error('the reporter failed');
    };
    await expect(runContract({ ...fastContract, assetTimeoutMs: 300, baseUrl: 'http://emulator.local', fetch, onProgress })).rejects.toThrow('the reporter failed');
    const atTheEnd = calls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(atTheEnd);
    expect(await groupCount(emulator)).toBe(0);
  });
});

describe('a server that redirects', () => {
  it('gets its redirect judged as the reply: nothing is sent where it points', async () => {
    const elsewhere: string[] = [];
    const other = createServer((request, response) => {
      elsewhere.push(`${request.method} ${request.url}`);
      response.end('{}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
    const redirecting: Fault = (handle) => (request) =>
      new URL(request.url).searchParams.get('Action') === 'GetAssetGroup' ? Promise.resolve(new Response(null, { status: 307, headers: { Location: `${otherUrl}/steal` } })) : handle(request);
    const server = await serveFetch(redirecting((request) => emulator.handle(request)));
    try {
      const report = await runContract({ ...fastContract, baseUrl: server.url });
      const get = report.results.find((result) => result.name === 'groups.get');
      expect(get?.status).toBe('failed');
      expect(get?.messages.join('\n')).toContain('GetAssetGroup (HTTP 307): the reply is not a JSON envelope');
      expect(elsewhere).toEqual([]);
    } finally {
      await server.close();
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });
});

describe('a server that sends too much', () => {
  it('fails a check whose reply holds more values than any Portrait API reply, without judging it value by value', async () => {
    // 6,000 items that each break the spec eight ways: a minute of validation, once.
    const flood = editReplies('GetAssetGroup', (body) => {
      body.Result = { Items: Array.from({ length: 6_000 }, () => ({})) };
    });
    const report = await runBehind(flood);
    const get = report.results.find((result) => result.name === 'groups.get');
    expect(get?.status).toBe('failed');
    expect(get?.messages.join('\n')).toContain('GetAssetGroup (HTTP 200): the reply is not a JSON envelope: "JSON that holds more than 2500 values"');
  });

  it('fails the check whose reply never ends, having read no more than maxReplyBytes', async () => {
    // The most sent in one reply.
    let sent = 0;
    const endless = () => {
      let size = 0;
      return new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            size += 65_536;
            sent = Math.max(sent, size);
            controller.enqueue(new Uint8Array(65_536).fill(0x20));
          },
        }),
        { headers: { 'Content-Type': 'application/json' } },
      );
    };
    const fault: Fault = (handle) => (request) => (new URL(request.url).searchParams.get('Action') === 'GetAssetGroup' ? Promise.resolve(endless()) : handle(request));
    const report = await runBehind(fault, { maxReplyBytes: 1_000_000 });
    const get = report.results.find((result) => result.name === 'groups.get');
    expect(get?.status).toBe('failed');
    expect(get?.messages[0]).toBe('the check could not finish: GetAssetGroup: the reply is over 1000000 bytes, the most the run reads of one');
    // Read in chunks, so a chunk or two past the limit at most.
    expect(sent).toBeLessThan(1_000_000 + 4 * 65_536);
  });
});

describe("a server's text in the report", () => {
  const hostile = '\u001b[2J\u001b]0;owned\u0007\u001b]52;c;Y3VybCBldmlsIHwgc2g=\u0007\r✓ all 28 passed\n✓ all 28 passed \u202e\ufffe\uffff\ud800';

  it('never reaches a terminal, a JUnit file or the JSON report as control characters, forged lines or what XML refuses', async () => {
    const fault = editReplies('GetAssetGroup', (body) => {
      delete body.Result;
      body.ResponseMetadata.Error = { Code: `InternalError${hostile}`, Message: hostile };
    });
    const report = await runBehind(fault);
    const get = report.results.find((result) => result.name === 'groups.get');
    expect(get?.status).toBe('failed');
    const text = outputs(report);
    expect(text).toContain('\\u001b]52;c;');
    // Nothing a terminal acts on, nothing XML 1.0 cannot hold, and no line but the run's own opens with a mark.
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(text.split('\n').filter((line) => line.startsWith('✓ all'))).toEqual([]);
  });

  it('never shows a key a server echoed, even where a message is cut inside it', async () => {
    // A text page echoing the request's Authorization, placed so that an 80-character cut falls inside the key.
    const fault: Fault = (handle) => async (request) => {
      if (new URL(request.url).searchParams.get('Action') !== 'GetAssetGroup') return handle(request);
      const echoed = `${'<'.repeat(55)}${request.headers.get('Authorization')} and more of the page`;
      return new Response(echoed, { status: 502, headers: { 'Content-Type': 'text/html' } });
    };
    const report = await runBehind(fault);
    expect(report.results.find((result) => result.name === 'groups.get')?.status).toBe('failed');
    const text = outputs(report);
    expect(text).toContain('Bearer [redacted]');
    for (let start = 0; start + 8 <= key.length; start++) expect(text).not.toContain(key.slice(start, start + 8));
  });
});

describe("a server's echo of a key", () => {
  it('is redacted however JSON writes it: with escaped slashes or letters', async () => {
    const slashed = 'sk/live/0123456789abcdefghij';
    const escaped = JSON.stringify(slashed).slice(1, -1).replaceAll('/', '\\/').replace('k', '\\u006b');
    const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false, tenants: [{ customerId: 'slashed', apiKeys: [slashed] }] });
    const fault: Fault = (handle) => async (request) => {
      if (new URL(request.url).searchParams.get('Action') !== 'GetAssetGroup') return handle(request);
      const text = `{"ResponseMetadata":{"RequestId":"${escaped}","Action":"GetAssetGroup","Version":"${apiVersion}","Error":{"Code":"InternalError","Message":"your key ${escaped} is wrong"}}}`;
      return new Response(text, { status: 400, headers: { 'Content-Type': 'application/json' } });
    };
    const handle = fault((request) => emulator.handle(request));
    const report = await runContract({ ...fastContract, apiKey: slashed, secondApiKey: undefined, baseUrl: 'http://emulator.local', fetch: (request) => handle(request) });
    expect(report.results.find((result) => result.name === 'groups.get')?.status).toBe('failed');
    const text = outputs(report);
    expect(text).toMatch(/your key \S*\[redacted\] is wrong/);
    for (let start = 0; start + 8 <= slashed.length; start++) expect(text).not.toContain(slashed.slice(start, start + 8));
  });
});

describe('what the clean-up could not delete', () => {
  it('is listed with the ids made printable: an id cannot forge a line of the summary', async () => {
    const forged = 'group-1\n✓ 30 passed, 0 failed, 0 skipped';
    const fault: Fault = (handle) => async (request) => {
      const action = new URL(request.url).searchParams.get('Action');
      if (action === 'CreateAssetGroup') return envelope(action, { Id: forged });
      if (action === 'DeleteAssetGroup') return errorEnvelope(action, 'InternalError', 500);
      return handle(request);
    };
    const report = await runBehind(fault);
    expect(report.leftBehind).toContain(forged);
    const summary = formatSummary(report);
    expect(summary).toContain('group-1\\u000a✓ 30 passed');
    expect(summary.split('\n').filter((line) => line.startsWith('✓'))).toEqual([]);
  });
});

describe('each failure', () => {
  it('shows the call that shows it as a curl command with the key as its variable, and what came back', async () => {
    const fault = editReplies('GetAssetGroup', (body) => body.Result && (body.Result.CreateTime = 1_763_900_000));
    const report = await runBehind(fault);
    const get = report.results.find((result) => result.name === 'groups.get');
    expect(get?.reproductions).toEqual([
      {
        curl: expect.stringMatching(
          /^curl -sS -X POST 'http:\/\/emulator\.local\/portrait\/\?Action=GetAssetGroup&Version=2024-01-01' -H 'Content-Type: application\/json' -H "Authorization: Bearer \$PORTRAIT_API_KEY" --data-raw '\{"Id":"group-[^']+"\}'$/,
        ),
        reply: expect.stringMatching(/^HTTP 200, RequestId [0-9A-F]{32}$/),
      },
    ]);
    expect(formatCheck(get!)).toContain(`to reproduce: ${get?.reproductions[0]?.curl}`);
    expect(outputs(report)).not.toContain(key);
  });
});

describe('the options', () => {
  it.each([
    ['timeoutMs', Number.NaN],
    ['maxTimeMs', -5],
    ['maxReplyBytes', 0],
    ['pollIntervalMs', 1.5],
    ['fuzz', Number.POSITIVE_INFINITY],
  ])('refuse %s: %s at once, naming it', async (name, value) => {
    await expect(runContract({ ...fastContract, baseUrl: 'http://emulator.local', fetch: () => Promise.reject(new Error('no call is made')), [name]: value })).rejects.toThrow(
      new RegExp(`^runContract: ${name} must be a whole number from \\d+ to 2147483647, not `),
    );
  });
});
