// The checks have teeth: each deliberately broken variant of the emulator fails the contract run,
// and the report names the check that caught it.
import { describe, expect, it } from 'vitest';
import { runContract } from '../../src/contract/index.js';
import { requestSchema } from '../../src/contract/request-bodies.js';
import { createEmulator } from '../../src/emulator/index.js';
import { callClock } from '../support/call-clock.js';
import { answerInstead, editReplies, editRequests, envelope, errorEnvelope, swapKey, watched, type Fault } from './faults.js';
import { apiVersion, type Action } from '../../src/protocol/index.js';

// The emulators here keep no rate limits, so the run need not keep to them either.
const fast = { apiKey: 'demo-key', secondApiKey: 'demo-key-2', pollIntervalMs: 5, assetTimeoutMs: 5_000, rateLimits: false } as const;
const notJson = (text: string) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
};

const variants: { broken: string; fault: Fault; caughtBy: string; quota?: number; processingCalls?: number }[] = [
  {
    broken: 'a wrong field type (CreateTime a number)',
    fault: editReplies('GetAssetGroup', (body) => body.Result && (body.Result.CreateTime = 1_763_900_000)),
    caughtBy: 'groups.get',
  },
  {
    broken: 'a missing RequestId',
    fault: editReplies('UpdateAsset', (body) => Reflect.deleteProperty(body.ResponseMetadata, 'RequestId')),
    caughtBy: 'assets.update',
  },
  {
    broken: 'a cross-tenant leak (the second key sees the first customer)',
    fault: swapKey((key) => key === 'demo-key-2', 'demo-key'),
    caughtBy: 'tenancy.read',
  },
  {
    broken: 'the group quota not enforced',
    fault: (handle) => handle,
    quota: 10_000,
    caughtBy: 'groups.quota',
  },
  {
    broken: 'a Failed asset reported Active',
    fault: editReplies('GetAsset', (body) => body.Result?.Status === 'Failed' && (body.Result.Status = 'Active')),
    caughtBy: 'assets.failed',
  },
  {
    broken: 'Error and Result together',
    fault: editReplies('GetVisualValidateResult', (body) => body.ResponseMetadata.Error && (body.Result = { GroupId: 'group-1' })),
    caughtBy: 'liveness.session',
  },
  {
    broken: 'the wrong Action echoed',
    fault: editReplies('ListAssets', (body) => (body.ResponseMetadata.Action = 'ListAssetGroups')),
    caughtBy: 'validation.invalid-value',
  },
  {
    broken: 'a 500 on malformed JSON',
    fault: answerInstead('GetAsset', notJson, () =>
      Response.json({ ResponseMetadata: { RequestId: 'E'.repeat(32), Action: 'GetAsset', Version: apiVersion, Error: { Code: 'InternalError', Message: 'oops' } } }, { status: 500 }),
    ),
    caughtBy: 'gateway.malformed-json',
  },
  {
    broken: 'pagination off by one',
    fault: editRequests('ListAssetGroups', (body) => typeof body.PageNumber === 'number' && (body.PageNumber += 1)),
    caughtBy: 'groups.pagination',
  },
  {
    broken: 'a DeleteAsset that does not delete',
    fault: answerInstead('DeleteAsset', () => true, () => envelope('DeleteAsset', {})),
    caughtBy: 'assets.delete',
  },
  {
    broken: 'an unknown API key accepted',
    fault: swapKey((key) => key.startsWith('contract-unknown-key'), 'demo-key'),
    caughtBy: 'gateway.unknown-key',
  },
  {
    broken: 'a URL shown while still Processing',
    fault: editReplies('GetAsset', (body) => body.Result?.Status === 'Processing' && (body.Result.URL = 'https://cdn.example.com/early.png')),
    caughtBy: 'assets.create',
    // Still Processing when assets.create reads it.
    processingCalls: 3,
  },
];

describe('a broken emulator fails the contract', () => {
  it.each(variants)('$broken: caught by $caughtBy', async ({ fault, caughtBy, quota, processingCalls = 1 }) => {
    const clock = callClock(processingCalls);
    const emulator = createEmulator({
      ...clock.options,
      rateLimits: false,
      ...(quota === undefined
        ? {}
        : { tenants: [{ customerId: 'demo', apiKeys: ['demo-key'], groupQuota: quota }, { customerId: 'demo-2', apiKeys: ['demo-key-2'] }] }),
    });
    const broken = watched(fault((r) => emulator.handle(r)));
    const report = await runContract({ ...fast, baseUrl: 'http://emulator.local', fetch: clock.stepping(broken.handle) });
    expect(broken.thrown).toEqual([]);
    expect(report.passed).toBe(false);
    expect(report.results.filter((r) => r.status === 'failed').map((r) => r.name)).toContain(caughtBy);
  });
});

describe('a broken emulator fails the contract with --fuzz', () => {
  /** A body with a key its Action's request schema does not name: one of the broken bodies the fuzz checks send. */
  const unknownField = (action: Action) => (text: string) => {
    const known = Object.keys(requestSchema(action).properties ?? {});
    try {
      const body: unknown = JSON.parse(text);
      return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).some((key) => !known.includes(key));
    } catch {
      return false;
    }
  };
  const fuzzVariants: { broken: string; fault: Fault; caughtBy: string }[] = [
    {
      broken: 'GetAsset takes a body with an unknown field',
      fault: answerInstead('GetAsset', unknownField('GetAsset'), () => envelope('GetAsset', {})),
      caughtBy: 'fuzz.GetAsset',
    },
    {
      broken: 'ListAssets answers 500 to a valid body with a Filter',
      fault: answerInstead('ListAssets', (text) => text.includes('"Filter"'), () => errorEnvelope('ListAssets', 'InternalError', 500)),
      caughtBy: 'fuzz.ListAssets',
    },
    {
      broken: 'CreateAssetGroup refuses an unknown field but makes the group anyway',
      fault: (handle) => async (request) => {
        const text = new URL(request.url).searchParams.get('Action') === 'CreateAssetGroup' ? await request.clone().text() : '';
        if (!unknownField('CreateAssetGroup')(text)) return handle(request);
        const { Name = 'made-anyway' } = JSON.parse(text) as { Name?: string };
        await handle(new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify({ Name }) }));
        return errorEnvelope('CreateAssetGroup', 'InvalidParameter.Fuzz', 400);
      },
      caughtBy: 'fuzz.CreateAssetGroup',
    },
  ];

  it.each(fuzzVariants)('$broken: caught by $caughtBy', async ({ fault, caughtBy }) => {
    const emulator = createEmulator({ processingDelayMs: 20, rateLimits: false });
    const broken = watched(fault((r) => emulator.handle(r)));
    const report = await runContract({ ...fast, fuzz: 8, baseUrl: 'http://emulator.local', fetch: broken.handle });
    expect(broken.thrown).toEqual([]);
    expect(report.results.filter((r) => r.status === 'failed').map((r) => r.name)).toContain(caughtBy);
  });
});
