// The contract grades by where a fact comes from: a server that differs from the emulator only on
// what the document assumes passes, each difference named with what the document assumed and what
// the server did; --strict makes those differences failures. A server that breaks a fact of the
// reference or the upstream fails either way (fault-injection.test.ts has many).
import { describe, expect, it } from 'vitest';
import { runContract, toJUnit, formatSummary, type ContractReport } from '../../src/contract/index.js';
import { createEmulator } from '../../src/emulator/index.js';
import { actions, apiVersion, isAction, portraitDocument, protocol, schemaNamed, type FactName } from '../../src/protocol/index.js';
import { answerInstead, atTheEdge, combined, dropUnknownFields, editRequests, envelope, errorEnvelope, type Fault } from './faults.js';

const fast = { apiKey: 'demo-key', secondApiKey: 'demo-key-2', pollIntervalMs: 5, assetTimeoutMs: 5_000, rateLimits: false } as const;

const requestFields = (action: string) => (isAction(action) ? Object.keys(schemaNamed(portraitDocument, actions[action].request)?.properties ?? {}) : []);
const plainText = (status: number, text: string) => () => new Response(text, { status, headers: { 'Content-Type': 'text/plain' } });

/** Servers the emulator's behaviour with one assumed fact done otherwise, and the fact each contradicts. */
const differing: { server: string; fault: Fault; contradicts: FactName; in: string }[] = [
  { server: 'a gateway that ignores unknown fields', fault: dropUnknownFields(requestFields), contradicts: 'protocol.unknownFields', in: 'validation.unknown-field' },
  {
    server: "a gateway whose edge answers a GET with a plain-text 404",
    fault: atTheEdge((request) => request.method === 'GET', plainText(404, 'Not Found')),
    contradicts: 'errors.MethodNotAllowed',
    in: 'gateway.wrong-method',
  },
  {
    server: "a gateway whose edge answers a body over 1 MiB with a plain-text 413",
    fault: atTheEdge((_, text) => text.length > protocol.maxBodyBytes, plainText(413, 'Request Entity Too Large')),
    contradicts: 'errors.RequestEntityTooLarge',
    in: 'gateway.body-limit',
  },
  {
    server: 'a server that refuses a non-media URL at once',
    fault: answerInstead('CreateAsset', (text) => text.includes('.txt'), () => errorEnvelope('CreateAsset', 'InvalidParameter.URL', 400)),
    contradicts: 'behaviours.nonMediaUrl',
    in: 'assets.create',
  },
  {
    server: 'a gateway that answers a missing key with HTTP 403',
    fault: (handle) => async (request) => {
      const response = await handle(request);
      return request.headers.has('Authorization') ? response : new Response(response.body, { status: 403, headers: response.headers });
    },
    contradicts: 'errors.Unauthorized.status',
    in: 'gateway.missing-auth',
  },
  {
    server: 'a server that answers an error for a page past the last',
    fault: answerInstead('ListAssetGroups', (text) => /"PageNumber":3\b/.test(text), () => errorEnvelope('ListAssetGroups', 'InvalidParameter.PageNumber', 400)),
    contradicts: 'behaviours.pastTheLastPage',
    in: 'groups.pagination',
  },
  {
    server: "a gateway that requires Filter.GroupType on the Lists, as the upstream's pages do",
    // After its own checks (the key, the Version, the body's values), as a gateway refuses in order.
    fault: (handle) => async (request) => {
      const action = new URL(request.url).searchParams.get('Action');
      const body = (await request.clone().json().catch(() => ({}))) as { Filter?: { GroupType?: string } };
      const response = await handle(request);
      const listed = (action === 'ListAssets' || action === 'ListAssetGroups') && response.status === 200;
      return listed && !body.Filter?.GroupType ? errorEnvelope(action, 'MissingParameter.Filter.GroupType', 400) : response;
    },
    contradicts: 'behaviours.listDefaults',
    in: 'groups.list',
  },
];

function differencesOf(report: ContractReport) {
  return report.results.flatMap((result) => result.differences.map((difference) => ({ check: result.name, ...difference })));
}

const failures = (report: ContractReport) => report.results.filter((result) => result.status === 'failed').map((result) => `${result.name}: ${result.messages.join(' | ')}`);

describe('a server that differs from the emulator only where the document assumes', () => {
  it.each(differing)('$server: passes, the difference named in $in', async ({ fault, contradicts, in: check }) => {
    const emulator = createEmulator({ processingDelayMs: 20, rateLimits: false });
    const report = await runContract({ ...fast, baseUrl: 'http://emulator.local', fetch: fault((r) => emulator.handle(r)) });
    expect(failures(report)).toEqual([]);
    expect(report.passed).toBe(true);
    const named = differencesOf(report).filter((difference) => difference.fact === contradicts);
    expect(named.map((difference) => difference.check)).toContain(check);
    // What the document assumed, and what the server did.
    expect(named[0]?.assumed.length).toBeGreaterThan(20);
    expect(named[0]?.found).toMatch(/\S/);
    expect(report.results.find((result) => result.name === check)?.status).toBe('differs');
  });

  // All but the Lists that need Filter.GroupType: that one stops the list checks before they reach
  // the other differences (a page past the last), and is judged alone above.
  const together = differing.filter(({ contradicts }) => contradicts !== 'behaviours.listDefaults');
  const all = combined(...together.map(({ fault }) => fault));

  it('all at once: passes, with every difference named, counted in the summary and kept out of the JUnit failures', async () => {
    const emulator = createEmulator({ processingDelayMs: 20, rateLimits: false });
    const report = await runContract({ ...fast, baseUrl: 'http://emulator.local', fetch: all((r) => emulator.handle(r)) });
    expect(failures(report)).toEqual([]);
    const facts = new Set(differencesOf(report).map((difference) => difference.fact));
    for (const { contradicts } of together) expect(facts, contradicts).toContain(contradicts);
    const differ = report.results.filter((result) => result.status === 'differs').length;
    expect(formatSummary(report)).toContain(`0 failed, 0 skipped, ${differ} differ from assumptions`);
    const junit = toJUnit(report);
    expect(junit).toContain('failures="0"');
    expect(junit).not.toContain('<failure');
    expect(junit).toContain('<system-out>differs from an assumption (protocol.unknownFields)');
  });

  it('all at once, strict: every difference is a failure', async () => {
    const emulator = createEmulator({ processingDelayMs: 20, rateLimits: false });
    const report = await runContract({ ...fast, strict: true, baseUrl: 'http://emulator.local', fetch: all((r) => emulator.handle(r)) });
    expect(report.passed).toBe(false);
    const failed = report.results.filter((result) => result.status === 'failed').map((result) => result.name);
    for (const { in: check } of together) expect(failed).toContain(check);
    expect(report.results.some((result) => result.status === 'differs')).toBe(false);
    expect(toJUnit(report)).toContain('<failure message="differs from an assumption');
  });
});

describe('a server that breaks a fact of the reference or the upstream fails, whatever else it does', () => {
  const needsGroupType = differing.find(({ contradicts }) => contradicts === 'behaviours.listDefaults')?.fault ?? ((handle: Parameters<Fault>[0]) => handle);

  it('the group quota not enforced, behind Lists that need Filter.GroupType: the assumption does not hide the broken quota', async () => {
    const emulator = createEmulator({ processingDelayMs: 20, rateLimits: false, tenants: [{ customerId: 'demo', apiKeys: ['demo-key'], groupQuota: 10_000 }, { customerId: 'demo-2', apiKeys: ['demo-key-2'] }] });
    const report = await runContract({ ...fast, baseUrl: 'http://emulator.local', fetch: needsGroupType((r) => emulator.handle(r)) });
    expect(report.passed).toBe(false);
    expect(report.results.find((result) => result.name === 'groups.quota')?.status).toBe('failed');
    expect(differencesOf(report).map((difference) => difference.fact)).toContain('behaviours.listDefaults');
  });

  it('an undocumented status on every success: its bodies are judged all the same', async () => {
    const emulator = createEmulator({ processingDelayMs: 20, rateLimits: false });
    const fault: Fault = (handle) => async (request) => {
      const response = await handle(request);
      if (response.status !== 200 || new URL(request.url).searchParams.get('Action') !== 'GetAssetGroup') return response;
      const body = (await response.json()) as { Result?: Record<string, unknown> };
      // A field no check reads: only the reply's schema can catch it.
      if (body.Result) body.Result.CreateTime = 1_763_900_000;
      return Response.json(body, { status: 201 });
    };
    const report = await runContract({ ...fast, baseUrl: 'http://emulator.local', fetch: fault((r) => emulator.handle(r)) });
    expect(report.results.find((result) => result.name === 'groups.get')?.status).toBe('failed');
  });

  it.each([
    ['a GET answered as a call', atTheEdge((request) => request.method === 'GET', () => envelope('ListAssets', { Items: [], TotalCount: 0, PageNumber: 1, PageSize: 10 })), 'gateway.wrong-method'],
    // Parsed and sent on without its white space: the emulator sees a small body.
    ['a body over the limit taken', editRequests('ListAssetGroups', () => undefined), 'gateway.body-limit'],
    ['a non-media URL made Active', (handle: Parameters<Fault>[0]) => async (request: Request) => {
      const response = await handle(request);
      if (new URL(request.url).searchParams.get('Action') !== 'GetAsset') return response;
      const body = (await response.json()) as { Result?: { Status?: string; URL?: string } };
      if (body.Result?.Status === 'Failed') Object.assign(body.Result, { Status: 'Active', URL: 'https://cdn.example.com/not-an-image.txt' });
      return Response.json(body, { status: response.status });
    }, 'assets.failed'],
    ['an unknown field refused with a 500', answerInstead('ListAssetGroups', (text) => text.includes('Colour'), () => errorEnvelope('ListAssetGroups', 'InternalError', 500)), 'validation.unknown-field'],
  ] as const)('%s: fails', async (_, fault, check) => {
    const emulator = createEmulator({ processingDelayMs: 20, rateLimits: false });
    const report = await runContract({ ...fast, baseUrl: 'http://emulator.local', fetch: (fault as Fault)((r) => emulator.handle(r)) });
    expect(report.passed).toBe(false);
    expect(report.results.find((result) => result.name === check)?.status).toBe('failed');
  });
});
