// Tenancy and projects: another customer's resources are Forbidden and never change; another
// project's are NotFound; lists show only the caller's own, in the request's project.
import { describe, expect, it } from 'vitest';
import { createHarness, otherKey } from './harness.js';

async function twoCustomers() {
  const h = createHarness({ processingDelayMs: 0 });
  const { Id: groupId } = await h.ok('CreateAssetGroup', { Name: 'mine', Description: 'private' });
  const { Id: assetId } = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://e.com/me.png', AssetType: 'Image', Name: 'me' });
  const before = { group: await h.ok('GetAssetGroup', { Id: groupId }), asset: await h.ok('GetAsset', { Id: assetId }) };
  return { h, groupId, assetId, before };
}

describe("another customer's resources", () => {
  it('Get, Update and Delete answer 403 Forbidden without content, and change nothing', async () => {
    const { h, groupId, assetId, before } = await twoCustomers();
    const refusals = [
      await h.fails('GetAssetGroup', { Id: groupId }, otherKey),
      await h.fails('UpdateAssetGroup', { Id: groupId, Name: 'stolen' }, otherKey),
      await h.fails('DeleteAssetGroup', { Id: groupId }, otherKey),
      await h.fails('GetAsset', { Id: assetId }, otherKey),
      await h.fails('UpdateAsset', { Id: assetId, Name: 'stolen' }, otherKey),
      await h.fails('DeleteAsset', { Id: assetId }, otherKey),
      await h.fails('CreateAsset', { GroupId: groupId, URL: 'https://e.com/x.png', AssetType: 'Image' }, otherKey),
    ];
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ status: 403, code: 'Forbidden' });
      expect(refusal.message).not.toContain('mine');
    }
    // Even naming another project, tenancy answers first.
    expect((await h.fails('GetAssetGroup', { Id: groupId, ProjectName: 'elsewhere' }, otherKey)).code).toBe('Forbidden');

    expect(await h.ok('GetAssetGroup', { Id: groupId })).toEqual(before.group);
    const asset = await h.ok('GetAsset', { Id: assetId });
    expect({ ...asset, URL: '' }).toEqual({ ...before.asset, URL: '' });
    expect((await h.ok('ListAssets', { Filter: { GroupIds: [groupId] } })).TotalCount).toBe(1);
  });

  it('lists show only the caller’s own, even when asked for the other’s ids', async () => {
    const { h, groupId, assetId } = await twoCustomers();
    const { Id: theirGroup } = await h.ok('CreateAssetGroup', { Name: 'mine too' }, otherKey);
    const theirGroups = await h.ok('ListAssetGroups', { Filter: { GroupIds: [groupId, theirGroup] } }, otherKey);
    expect(theirGroups.Items.map((item) => item.Id)).toEqual([theirGroup]);
    expect((await h.ok('ListAssetGroups', { Filter: { Name: 'mine' } }, otherKey)).TotalCount).toBe(1);
    const theirAssets = await h.ok('ListAssets', { Filter: { GroupIds: [groupId] } }, otherKey);
    expect([theirAssets.TotalCount, theirAssets.Items]).toEqual([0, []]);
    expect((await h.ok('ListAssets', {})).Items.map((item) => item.Id)).toEqual([assetId]);
    expect((await h.ok('ListAssetGroups', {})).Items.map((item) => item.Id)).toEqual([groupId]);
  });

  it('several keys of one customer share its resources', async () => {
    const h = createHarness({ tenants: [{ customerId: 'acme', apiKeys: ['key-a', 'key-b'] }] });
    const { Id } = await h.ok('CreateAssetGroup', { Name: 'shared' }, 'key-a');
    expect((await h.ok('GetAssetGroup', { Id }, 'key-b')).Name).toBe('shared');
  });
});

describe('ProjectName', () => {
  it('is stored on every resource, "default" when omitted', async () => {
    const h = createHarness();
    const { Id: groupId } = await h.ok('CreateAssetGroup', { Name: 'm', ProjectName: 'marketing' });
    const { Id: assetId } = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://e.com/a.png', AssetType: 'Image', ProjectName: 'marketing' });
    expect((await h.ok('GetAssetGroup', { Id: groupId, ProjectName: 'marketing' })).ProjectName).toBe('marketing');
    expect((await h.ok('GetAsset', { Id: assetId, ProjectName: 'marketing' })).ProjectName).toBe('marketing');
    const { Id: plain } = await h.ok('CreateAssetGroup', { Name: 'd' });
    expect((await h.ok('GetAssetGroup', { Id: plain })).ProjectName).toBe('default');
  });

  it('another project than the resource’s answers 404 NotFound for Get, Update, Delete and CreateAsset', async () => {
    const h = createHarness();
    const { Id: groupId } = await h.ok('CreateAssetGroup', { Name: 'm', ProjectName: 'marketing' });
    const { Id: assetId } = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://e.com/a.png', AssetType: 'Image', ProjectName: 'marketing' });
    const refusals = [
      await h.fails('GetAssetGroup', { Id: groupId }),
      await h.fails('UpdateAssetGroup', { Id: groupId, Name: 'x', ProjectName: 'sales' }),
      await h.fails('DeleteAssetGroup', { Id: groupId }),
      await h.fails('GetAsset', { Id: assetId }),
      await h.fails('UpdateAsset', { Id: assetId, Name: 'x' }),
      await h.fails('DeleteAsset', { Id: assetId, ProjectName: 'default' }),
      await h.fails('CreateAsset', { GroupId: groupId, URL: 'https://e.com/b.png', AssetType: 'Image' }),
    ];
    for (const refusal of refusals) expect(refusal).toMatchObject({ status: 404, code: 'NotFound' });
    expect((await h.ok('GetAssetGroup', { Id: groupId, ProjectName: 'marketing' })).Name).toBe('m');
    expect((await h.ok('ListAssets', { ProjectName: 'marketing' })).TotalCount).toBe(1);
  });

  it('lists show only the request’s project', async () => {
    const h = createHarness();
    await h.ok('CreateAssetGroup', { Name: 'in-default' });
    await h.ok('CreateAssetGroup', { Name: 'in-marketing', ProjectName: 'marketing' });
    expect((await h.ok('ListAssetGroups', {})).Items.map((item) => item.Name)).toEqual(['in-default']);
    expect((await h.ok('ListAssetGroups', { ProjectName: 'marketing' })).Items.map((item) => item.Name)).toEqual(['in-marketing']);
    expect((await h.ok('ListAssetGroups', { ProjectName: 'nothing-here' })).TotalCount).toBe(0);
  });
});
