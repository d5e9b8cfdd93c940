// Random interleavings of two customers' Actions against a model of what each owns: neither ever
// reads, changes or deletes the other's resources, and each one's lists equal its own model.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { codePoint } from '../../src/contract/request-bodies.js';
import { createEmulator } from '../../src/emulator/index.js';
import { describeIssues, validateReply, type Action } from '../../src/protocol/index.js';
import { actionRequest } from '../support/calls.js';
import type { Envelope } from '../support/http.js';

const keys = ['demo-key', 'demo-key-2'] as const;
type Customer = 0 | 1;

interface Model {
  groups: Map<string, { owner: Customer; name: string }>;
  assets: Map<string, { owner: Customer; groupId: string; name: string }>;
}

type Operation =
  | { kind: 'createGroup'; by: Customer; name: string }
  | { kind: 'createAsset' | 'getGroup' | 'updateGroup' | 'deleteGroup'; by: Customer; pick: number; name: string }
  | { kind: 'getAsset' | 'updateAsset' | 'deleteAsset'; by: Customer; pick: number; name: string }
  | { kind: 'list'; by: Customer };

const customer = fc.constantFrom<Customer>(0, 1);
// Any code point, as fast-check's 'binary' unit draws them, without the table of 1.1 million it makes.
const name = fc.string({ unit: codePoint, minLength: 1, maxLength: 20 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('createGroup' as const), by: customer, name }),
  fc.record({ kind: fc.constantFrom('createAsset', 'getGroup', 'updateGroup', 'deleteGroup', 'getAsset', 'updateAsset', 'deleteAsset'), by: customer, pick: fc.nat(), name }),
  fc.record({ kind: fc.constant('list' as const), by: customer }),
);


it('keeps two customers apart under any interleaving of their Actions', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 40 }), async (operations) => {
      const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
      const model: Model = { groups: new Map(), assets: new Map() };
      const call = async (by: Customer, action: Action, body: object) => {
        const response = await emulator.handle(
          actionRequest('http://emulator.local', action, body, keys[by]),
        );
        const envelope = (await response.json()) as Envelope<{ Id?: string; Name?: string; Items?: { Id: string }[] }>;
        const check = validateReply(action, response.status, envelope);
        expect(check.valid ? '' : describeIssues(check.issues)).toBe('');
        return { code: envelope.ResponseMetadata.Error?.Code, result: envelope.Result };
      };
      /** Succeeds for the owner; the other customer is refused; a deleted id is NotFound. */
      const expectAccess = (code: string | undefined, by: Customer, owner: Customer | undefined) => {
        if (owner === undefined) expect(code).toBe('NotFound');
        else if (owner === by) expect(code).toBeUndefined();
        else expect(['Forbidden', 'NotFound']).toContain(code);
      };
      // Ids ever made, deleted ones included, so operations also aim at what is gone.
      const groupIds: string[] = [];
      const assetIds: string[] = [];

      for (const op of operations) {
        if (op.kind === 'createGroup') {
          const { result } = await call(op.by, 'CreateAssetGroup', { Name: op.name });
          model.groups.set(result?.Id ?? '', { owner: op.by, name: op.name });
          groupIds.push(result?.Id ?? '');
        } else if (op.kind === 'list') {
          const groups = await call(op.by, 'ListAssetGroups', { PageSize: 100 });
          const assets = await call(op.by, 'ListAssets', { PageSize: 100 });
          const own = <T extends { owner: Customer }>(map: Map<string, T>) => [...map].filter(([, v]) => v.owner === op.by).map(([id]) => id).sort();
          expect(groups.result?.Items?.map((item) => item.Id).sort()).toEqual(own(model.groups));
          expect(assets.result?.Items?.map((item) => item.Id).sort()).toEqual(own(model.assets));
        } else if (['createAsset', 'getGroup', 'updateGroup', 'deleteGroup'].includes(op.kind)) {
          if (groupIds.length === 0) continue;
          const id = groupIds[op.pick % groupIds.length] ?? '';
          const owner = model.groups.get(id)?.owner;
          if (op.kind === 'createAsset') {
            const { code, result } = await call(op.by, 'CreateAsset', { GroupId: id, URL: 'https://example.com/a.png', AssetType: 'Image', Name: op.name });
            expectAccess(code, op.by, owner);
            if (result?.Id) {
              model.assets.set(result.Id, { owner: op.by, groupId: id, name: op.name });
              assetIds.push(result.Id);
            }
          } else if (op.kind === 'getGroup') {
            const { code, result } = await call(op.by, 'GetAssetGroup', { Id: id });
            expectAccess(code, op.by, owner);
            if (!code) expect(result?.Name).toBe(model.groups.get(id)?.name);
          } else if (op.kind === 'updateGroup') {
            const { code } = await call(op.by, 'UpdateAssetGroup', { Id: id, Name: op.name });
            expectAccess(code, op.by, owner);
            const group = model.groups.get(id);
            if (!code && group) group.name = op.name;
          } else {
            const { code } = await call(op.by, 'DeleteAssetGroup', { Id: id });
            expectAccess(code, op.by, owner);
            if (!code) {
              model.groups.delete(id);
              for (const [assetId, asset] of model.assets) if (asset.groupId === id) model.assets.delete(assetId);
            }
          }
        } else {
          if (assetIds.length === 0) continue;
          const id = assetIds[op.pick % assetIds.length] ?? '';
          const owner = model.assets.get(id)?.owner;
          const action = op.kind === 'getAsset' ? 'GetAsset' : op.kind === 'updateAsset' ? 'UpdateAsset' : 'DeleteAsset';
          const { code, result } = await call(op.by, action, op.kind === 'updateAsset' ? { Id: id, Name: op.name } : { Id: id });
          expectAccess(code, op.by, owner);
          const asset = model.assets.get(id);
          if (!code && asset && op.kind === 'getAsset') expect(result?.Name).toBe(asset.name);
          if (!code && asset && op.kind === 'updateAsset') asset.name = op.name;
          if (!code && op.kind === 'deleteAsset') model.assets.delete(id);
        }
      }
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
  );
}, 120_000);
