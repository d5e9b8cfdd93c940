// `--explore` tells whose fault an error is: a model (the toolkit's own emulator) that breaks is the
// toolkit's error, reported as such and not shrunk; a target that gives no reply, even to the polls
// of a settle, parted from the model.
import { describe, expect, it, vi } from 'vitest';
import { allChecks } from '../../src/contract/checks/index.js';
import { runContract } from '../../src/contract/index.js';
import * as model from '../../src/contract/explore/model.js';
import { createEmulator } from '../../src/emulator/index.js';
import { fastContract } from './faults.js';

const tenants = [
  { customerId: 'one', apiKeys: [fastContract.apiKey] },
  { customerId: 'two', apiKeys: [fastContract.secondApiKey] },
];

async function explore(fetch: (request: Request) => Promise<Response>, seed: number) {
  const report = await runContract({ ...fastContract, baseUrl: 'http://emulator.local', fetch, explore: 50, seed, skip: allChecks.map((check) => check.name) });
  const result = report.results.find((one) => one.name === 'explore');
  if (!result) throw new Error('no explore result');
  return result;
}

describe('--explore: whose fault', () => {
  it("reports a model that breaks the document as the toolkit's error, not the target's, and does not shrink it", async () => {
    // The model's CreateAssetGroup answers a Result the document does not allow.
    const ask = model.askModel;
    vi.spyOn(model, 'askModel').mockImplementation(async (...args) => {
      const reply = await ask(...args);
      if (args[1] === 'CreateAssetGroup' && reply.envelope.Result !== undefined) (reply.envelope as { Result: unknown }).Result = 'not a result';
      return reply;
    });
    try {
      const emulator = createEmulator({ tenants, processingDelayMs: 20, rateLimits: false });
      const result = await explore((request) => emulator.handle(request), 1);
      expect(result.status).toBe('failed');
      expect(result.messages.join('\n')).toMatch(/a fault of the toolkit, not of the target/);
      expect(result.messages.join('\n')).not.toMatch(/the target parted from the model/);
      expect(result.exploration).toBeUndefined();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it.each([1, 2, 3])('reports a target that gives GetAsset no reply, settles included, as parting from the model (seed %i)', async (seed) => {
    const emulator = createEmulator({ tenants, processingDelayMs: 20, rateLimits: false });
    const fetch = (request: Request) => (new URL(request.url).searchParams.get('Action') === 'GetAsset' ? Promise.reject(new TypeError('connection reset')) : emulator.handle(request));
    const result = await explore(fetch, seed);
    expect(result.status).toBe('failed');
    expect(result.messages[0]).toMatch(/^the target parted from the model at the last of \d+ steps: GetAsset got no reply/);
  });
});
