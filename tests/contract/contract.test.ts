// The contract checks pass against the emulator, whichever way they reach it. The emulators here
// keep no rate limits (one test below keeps the document's), so the runs need not either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, runContract, toJUnit, type CheckResult, type ContractReport } from '../../src/contract/index.js';
import { createEmulator, startEmulator } from '../../src/emulator/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { actionNames, apiVersion } from '../../src/protocol/index.js';
import { groupsHeld } from '../support/calls.js';
import { fastContract } from './faults.js';

const processingDelayMs = 20;

function failures(report: ContractReport) {
  return report.results.filter((r) => r.status !== 'passed').map((r) => `${r.name} ${r.status}: ${[...r.messages, ...r.differences.map((d) => d.found)].join(' | ')}`);
}

describe('the contract checks against the emulator', () => {
  it('pass in-process, every check run, within the rate limits the document gives and the emulator keeps by default', async () => {
    const emulator = createEmulator({ processingDelayMs });
    const { rateLimits: _, ...paced } = fastContract;
    // groups.quota fills 50 groups and the clean-up deletes them at 5 a second: skipped here, and run in the other tests.
    const report = await runContract({ ...paced, skip: ['groups.quota'], baseUrl: 'http://emulator.local', fetch: (r) => emulator.handle(r) });
    expect(failures(report)).toEqual(['groups.quota skipped: skipped on request']);
    expect(report.results.length).toBeGreaterThanOrEqual(25);
  }, 120_000);

  it('pass in-process, every check run, calling every Action', async () => {
    const emulator = createEmulator({ processingDelayMs, rateLimits: false });
    const report = await runContract({ ...fastContract, baseUrl: 'http://emulator.local', fetch: (r) => emulator.handle(r) });
    expect(failures(report)).toEqual([]);
    const { actions, replies, unseen } = report.coverage;
    expect(actions).toEqual({ called: actionNames.length, documented: actionNames.length });
    expect(unseen).toHaveLength(replies.documented - replies.seen);
    expect(unseen).not.toContain('CreateAssetGroup HTTP 200 success');
    expect(unseen).toContain('CreateAssetGroup HTTP 403 AIGCNotAvailable');
  });

  it('pass with --fuzz: generated valid bodies taken, invalid ones refused, for every Action', async () => {
    const emulator = createEmulator({ processingDelayMs, rateLimits: false });
    const report = await runContract({ ...fastContract, fuzz: 8, baseUrl: 'http://emulator.local', fetch: (r) => emulator.handle(r) });
    expect(failures(report)).toEqual([]);
    expect(report.results.filter((r) => r.name.startsWith('fuzz.') && r.status === 'passed')).toHaveLength(actionNames.length);
  });

  it('poll the assets beside the checks after them: the asset turns Active only once the quota check has begun', async () => {
    // The emulator's time stands still until the quota check's first CreateAssetGroup: a run that
    // waited for assets.until-active before going on would never get there.
    let now = Date.parse('2026-12-07T00:00:00Z');
    const emulator = createEmulator({ processingDelayMs: 1_000, rateLimits: false, clock: () => now });
    const fetch = async (request: Request) => {
      if (new URL(request.url).searchParams.get('Action') === 'CreateAssetGroup' && (await request.clone().text()).includes('-quota-')) now += 1_000;
      return emulator.handle(request);
    };
    const report = await runContract({ ...fastContract, assetTimeoutMs: 30_000, baseUrl: 'http://emulator.local', fetch });
    expect(failures(report)).toEqual([]);
  }, 60_000);

  it("stop when the caller's signal aborts, as at the max time: the rest are skipped, and the clean-up deletes what the run made", async () => {
    const emulator = createEmulator({ processingDelayMs, rateLimits: false });
    const controller = new AbortController();
    let creates = 0;
    const fetch = (request: Request) => {
      if (new URL(request.url).searchParams.get('Action') === 'CreateAssetGroup') creates += 1;
      return emulator.handle(request);
    };
    // Stopped once groups.create has passed: the run holds groups on the server then.
    const onProgress = (result: CheckResult) => {
      if (result.name === 'groups.create') controller.abort(new Error('enough'));
    };
    const report = await runContract({ ...fastContract, baseUrl: 'http://emulator.local', fetch, onProgress, signal: controller.signal });
    expect(report).toMatchObject({ stopped: 'the run was stopped (enough)', stoppedBy: 'signal', passed: false, leftBehind: [] });
    expect(report.results.find((result) => result.name === 'groups.create')?.status).toBe('passed');
    expect(report.results.filter((result) => result.status === 'skipped').map((result) => result.messages)).toContainEqual(['the run was stopped (enough)']);
    expect(formatSummary(report)).toContain('Stopped early: the run was stopped (enough); the checks after that point did not run.');
    expect(toJUnit(report)).toContain('<testcase classname="portrait-contract.run" name="stopped" time="0.000">');
    expect(creates).toBeGreaterThan(0);
    expect(await groupsHeld((request) => emulator.handle(request))).toBe(0);
  });

  it("ask nothing of the target when the caller's signal aborted before the run, and keep the key out of the reason", async () => {
    let calls = 0;
    const fetch = () => {
      calls += 1;
      return Promise.reject(new Error('no call was expected'));
    };
    const signal = AbortSignal.abort(new Error(`cancelled by the job of ${fastContract.apiKey}`));
    const report = await runContract({ ...fastContract, baseUrl: 'http://emulator.local', fetch, signal });
    expect(calls).toBe(0);
    expect(report).toMatchObject({ stopped: 'the run was stopped (cancelled by the job of [redacted])', stoppedBy: 'signal', passed: false });
    expect(new Set(report.results.map((result) => result.status))).toEqual(new Set(['skipped']));
  });

  it('refuse a signal that is no AbortSignal', async () => {
    await expect(runContract({ ...fastContract, baseUrl: 'http://emulator.local', signal: {} as AbortSignal })).rejects.toThrow('runContract: signal must be an AbortSignal');
  });

  describe('over sockets', () => {
    let server: Awaited<ReturnType<typeof startEmulator>>;
    let proxy: RunningMock;
    beforeAll(async () => {
      server = await startEmulator({ port: 0, processingDelayMs, rateLimits: false });
      proxy = await startMock({ port: 0, upstream: server.url, errors: true });
      // Prism takes seconds to start, and far more on a busy machine.
    }, 60_000);
    afterAll(async () => {
      await proxy.close();
      await server.close();
    });

    it('pass over a socket', async () => {
      const report = await runContract({ ...fastContract, baseUrl: server.url });
      expect(failures(report)).toEqual([]);
    });

    it('pass through the Prism validating proxy, the second judge', async () => {
      const report = await runContract({ ...fastContract, baseUrl: proxy.url });
      expect(failures(report)).toEqual([]);
    }, 120_000);

    it('leave nothing behind', async () => {
      const list = await fetch(`${server.url}/portrait/?Action=ListAssetGroups&Version=${apiVersion}`, {
        method: 'POST',
        headers: { Authorization: 'Bearer demo-key', 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(((await list.json()) as { Result: { TotalCount: number } }).Result.TotalCount).toBe(0);
    });
  });
});
