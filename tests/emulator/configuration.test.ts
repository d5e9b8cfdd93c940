// Tenants files and emulator options: wrong values fail at start with a message naming them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, demoTenants, loadTenants } from '../../src/emulator/index.js';
import { createHarness } from './harness.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'portrait-emulator-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function tenantsFile(content: string): Promise<string> {
  const path = join(directory, `tenants-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, content);
  return path;
}

describe('loadTenants', () => {
  it('reads a valid file, and its tenants work', async () => {
    const path = await tenantsFile(JSON.stringify([{ customerId: 'acme', apiKeys: ['acme-1', 'acme-2'], aigc: false, groupQuota: 3, assetQuota: 10 }]));
    const tenants = await loadTenants(path);
    expect(tenants).toEqual([{ customerId: 'acme', apiKeys: ['acme-1', 'acme-2'], aigc: false, groupQuota: 3, assetQuota: 10 }]);
    const h = createHarness({ tenants });
    expect((await h.fails('CreateAssetGroup', { Name: 'x' }, 'acme-2')).code).toBe('AIGCNotAvailable');
    expect((await h.call('ListAssetGroups', {}, { key: 'demo-key' })).status).toBe(401);
  });

  it.each([
    ['{', /not valid JSON/],
    ['{}', /tenants must be an array/],
    ['[]', /at least one customer/],
    ['[1]', /tenants\[0\] must be an object/],
    ['[{"apiKeys":["k"]}]', /tenants\[0\]\.customerId must be a non-empty string/],
    ['[{"customerId":"a","apiKeys":[]}]', /tenants\[0\]\.apiKeys must be a non-empty array/],
    ['[{"customerId":"a","apiKeys":["two words"]}]', /tenants\[0\]\.apiKeys\[0\] must be a non-empty string without white space/],
    ['[{"customerId":"a","apiKeys":["k"]},{"customerId":"a","apiKeys":["j"]}]', /tenants\[1\]\.customerId "a" is listed twice/],
    ['[{"customerId":"a","apiKeys":["k"]},{"customerId":"b","apiKeys":["k"]}]', /tenants\[1\]\.apiKeys\[0\] is already the key of another entry/],
    ['[{"customerId":"a","apiKeys":["k"],"aigc":"yes"}]', /tenants\[0\]\.aigc must be true or false/],
    ['[{"customerId":"a","apiKeys":["k"],"groupQuota":-1}]', /tenants\[0\]\.groupQuota must be a whole number/],
    ['[{"customerId":"a","apiKeys":["k"],"assetQuota":1.5}]', /tenants\[0\]\.assetQuota must be a whole number/],
    ['[{"customerId":"a","apiKeys":["k"],"apikeys":["j"]}]', /tenants\[0\] has an unknown field "apikeys"/],
  ])('refuses %s', async (content, message) => {
    const path = await tenantsFile(content);
    await expect(loadTenants(path)).rejects.toThrow(message);
    await expect(loadTenants(path)).rejects.toThrow(path);
  });

  it.each([
    ['a key listed twice', '[{"customerId":"a","apiKeys":["sk-secret-1"]},{"customerId":"b","apiKeys":["sk-secret-1"]}]', /is already the key/],
    ['malformed JSON around a key', '[{"customerId":"a","apiKeys":["sk-secret-1" "x"]}]', /is not valid JSON \(line 1, column \d+\)\.$/],
    ['a key where JSON should start', 'sk-secret-1', /is not valid JSON\.$/],
    ['a key on the line that breaks', '[\n {"customerId":"a",\n  "apiKeys":["sk-secret-1",]}]', /is not valid JSON\.$/],
  ])('never quotes a key in its errors: %s', async (_, content, message) => {
    const path = await tenantsFile(content);
    const error = await loadTenants(path).catch((caught: unknown) => caught);
    expect(String(error)).toMatch(message);
    expect(String(error)).not.toContain('sk-secret-1');
  });

  it('says which file it cannot read', async () => {
    await expect(loadTenants(join(directory, 'missing.json'))).rejects.toThrow(/Cannot read the tenants file .*missing\.json/);
  });
});

describe('createEmulator options', () => {
  it('defaults to the demo tenants', async () => {
    expect(demoTenants).toEqual([
      { customerId: 'demo', apiKeys: ['demo-key'] },
      { customerId: 'demo-2', apiKeys: ['demo-key-2'] },
    ]);
    const h = createHarness();
    expect((await h.call('ListAssetGroups', {}, { key: 'demo-key' })).status).toBe(200);
    expect((await h.call('ListAssetGroups', {}, { key: 'demo-key-2' })).status).toBe(200);
  });

  it('refuses wrong options with a message naming them', () => {
    expect(() => createEmulator({ processingDelayMs: -1 })).toThrow(/processingDelayMs/);
    expect(() => createEmulator({ processingDelayMs: Number.NaN })).toThrow(/processingDelayMs/);
    expect(() => createEmulator({ rateLimits: { GetAsset: 0 } })).toThrow(/rateLimits\.GetAsset/);
    expect(() => createEmulator({ rateLimits: { Launch: 1 } as never })).toThrow(/unknown Action "Launch"/);
    expect(() => createEmulator({ tenants: [{ customerId: '', apiKeys: ['k'] }] })).toThrow(/customerId/);
  });

  it('keeps separate emulators separate', async () => {
    const first = createHarness();
    const second = createHarness();
    await first.ok('CreateAssetGroup', { Name: 'only-in-first' });
    expect((await second.ok('ListAssetGroups', {})).TotalCount).toBe(0);
  });
});
