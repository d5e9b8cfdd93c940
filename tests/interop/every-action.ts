// All 12 Actions in an order that makes each succeed against the emulator (the liveness check
// passed through its H5 page), through whatever a tool generated or routes: the tool's `call`
// sends one Action and gives back the reply's JSON envelope.
import { expect } from 'vitest';
import { validateReply, type Action, type RequestOf } from '../../src/protocol/index.js';
import type { Envelope } from '../support/http.js';

export type CallThrough = <A extends Action>(action: A, body: RequestOf<A>) => Promise<{ status: number; envelope: unknown }>;

/** Calls every Action through `call`; fails unless each answers 200 with its own valid success envelope. Returns the Actions called. */
export async function callEveryAction(call: CallThrough): Promise<Action[]> {
  const called: Action[] = [];
  const ok = async <A extends Action>(action: A, body: RequestOf<A>): Promise<Record<string, string>> => {
    const { status, envelope } = await call(action, body);
    expect(validateReply(action, status, envelope), `${action}: ${JSON.stringify(envelope)}`).toMatchObject({ valid: true });
    const { ResponseMetadata, Result } = envelope as Envelope;
    expect(ResponseMetadata.Error, action).toBeUndefined();
    expect(ResponseMetadata.Action).toBe(action);
    called.push(action);
    return (Result ?? {}) as Record<string, string>;
  };

  const group = await ok('CreateAssetGroup', { Name: 'interop' });
  await ok('GetAssetGroup', { Id: group.Id ?? '' });
  await ok('ListAssetGroups', {});
  await ok('UpdateAssetGroup', { Id: group.Id ?? '', Description: 'made by a generated client' });
  const asset = await ok('CreateAsset', { GroupId: group.Id ?? '', URL: 'https://example.com/portrait.png', AssetType: 'Image' });
  await ok('GetAsset', { Id: asset.Id ?? '' });
  await ok('ListAssets', {});
  await ok('UpdateAsset', { Id: asset.Id ?? '', Name: 'renamed' });
  await ok('DeleteAsset', { Id: asset.Id ?? '' });
  await ok('DeleteAssetGroup', { Id: group.Id ?? '' });
  const session = await ok('CreateVisualValidateSession', { CallbackURL: 'https://example.com/liveness-callback' });
  // The person passes the check on the H5 page.
  const passed = await fetch(`${session.H5Link}/pass`, { method: 'POST', redirect: 'manual' });
  expect(passed.status, 'the H5 page takes the pass').toBeLessThan(400);
  await ok('GetVisualValidateResult', { BytedToken: session.BytedToken ?? '' });
  return called;
}
