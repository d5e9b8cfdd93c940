import { afterEach, describe, expect, it } from 'vitest';
import {
  createPortraitClient,
  PortraitAbortError,
  PortraitAssetFailedError,
  PortraitError,
  PortraitWaiterTimeoutError,
  waitUntilAssetActive,
  waitUntilValidateResult,
} from '../../src/client/index.js';
import { failure, startScriptedServer, success, type Script, type ScriptedServer } from '../support/scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(script: Script) {
  server = await startScriptedServer(script);
  return createPortraitClient({ apiKey: 'test-key', baseUrl: server.url });
}

const asset = (Status: string, extra: object = {}) => ({
  Id: 'asset-1',
  GroupId: 'group-1',
  Name: 'front-face',
  AssetType: 'Image',
  Status,
  URL: Status === 'Active' ? 'https://cdn.example.com/a.png' : '',
  CreateTime: '2026-03-18T07:20:44Z',
  UpdateTime: '2026-03-18T07:20:44Z',
  ...extra,
});

/** Answers with `states` in turn, then keeps answering the last one. */
const assetStates = (...states: object[]): Script => (_, index) => success('GetAsset', states[Math.min(index, states.length - 1)]);

const fast = { minDelay: 0.001, maxDelay: 0.005 };

describe('waitUntilAssetActive', () => {
  it('polls through Processing and resolves with the Active asset', async () => {
    const client = await clientFor(assetStates(asset('Processing'), asset('Processing'), asset('Active')));
    const active = await waitUntilAssetActive({ client, ...fast }, { Id: 'asset-1' });
    expect(active).toMatchObject({ Id: 'asset-1', Status: 'Active', URL: 'https://cdn.example.com/a.png' });
    expect(active.$metadata.action).toBe('GetAsset');
    expect(server?.received).toHaveLength(3);
  });

  it('throws PortraitAssetFailedError with the FailedReason when the asset fails', async () => {
    const client = await clientFor(assetStates(asset('Processing'), asset('Failed', { FailedReason: 'Aspect ratio out of range.' })));
    const error = await waitUntilAssetActive({ client, ...fast }, { Id: 'asset-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortraitAssetFailedError);
    expect(error).toMatchObject({ assetId: 'asset-1', failedReason: 'Aspect ratio out of range.' });
    expect(server?.received).toHaveLength(2);
  });

  it('gives up at maxWaitTime with PortraitWaiterTimeoutError', async () => {
    const client = await clientFor(assetStates(asset('Processing')));
    await expect(waitUntilAssetActive({ client, ...fast, maxWaitTime: 0.05 }, { Id: 'asset-1' })).rejects.toBeInstanceOf(
      PortraitWaiterTimeoutError,
    );
    // However many polls fit in 50 ms on this machine: the deadline can cut the first one short.
    expect(server?.received.length).toBeGreaterThanOrEqual(1);
  });

  it('stops when abortSignal aborts', async () => {
    const client = await clientFor(assetStates(asset('Processing')));
    const controller = new AbortController();
    const waiting = waitUntilAssetActive({ client, minDelay: 10, abortSignal: controller.signal }, { Id: 'asset-1' });
    // Aborted during the pause after the first poll: once the server has seen it, not after a fixed time.
    await expect.poll(() => server?.received.length).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(PortraitAbortError);
    expect(server?.received).toHaveLength(1);
  });

  it('passes on errors other than the asset failing', async () => {
    const client = await clientFor(() => failure('GetAsset', 'NotFound', 404));
    await expect(waitUntilAssetActive({ client, ...fast }, { Id: 'asset-1' })).rejects.toMatchObject({ code: 'NotFound' });
  });
});

describe('waitUntilValidateResult', () => {
  it('polls through ValidatePending and resolves with the GroupId', async () => {
    const client = await clientFor((_, index) =>
      index < 2 ? failure('GetVisualValidateResult', 'ValidatePending') : success('GetVisualValidateResult', { GroupId: 'group-9' }),
    );
    const result = await waitUntilValidateResult({ client, ...fast }, { BytedToken: 'token' });
    expect(result.GroupId).toBe('group-9');
    expect(server?.received).toHaveLength(3);
  });

  it.each(['TokenExpired', 'InvalidToken'])('stops at %s', async (code) => {
    const client = await clientFor((_, index) =>
      index < 1 ? failure('GetVisualValidateResult', 'ValidatePending') : failure('GetVisualValidateResult', code),
    );
    const error = await waitUntilValidateResult({ client, ...fast }, { BytedToken: 'token' }).catch((e: unknown) => e);
    expect(PortraitError.is(error)).toBe(true);
    expect(error).toMatchObject({ code });
    expect(server?.received).toHaveLength(2);
  });

  it('gives up at maxWaitTime while still pending', async () => {
    const client = await clientFor(() => failure('GetVisualValidateResult', 'ValidatePending'));
    await expect(waitUntilValidateResult({ client, ...fast, maxWaitTime: 0.05 }, { BytedToken: 't' })).rejects.toBeInstanceOf(
      PortraitWaiterTimeoutError,
    );
  });
});
