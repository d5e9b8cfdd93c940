// Groups: creation, the item's fields, quota, updates, deletion and listing.
import { describe, expect, it } from 'vitest';
import { createHarness, otherKey, startTime } from './harness.js';

describe('CreateAssetGroup and GetAssetGroup', () => {
  it('creates an AIGC group with the documented item', async () => {
    const h = createHarness();
    const { Id } = await h.ok('CreateAssetGroup', { Name: 'avatar-001', Title: 'Ignored title', Description: 'Virtual presenter' });
    expect(Id).toMatch(/^group-20260318072044-[a-z0-9]{5}$/);
    expect(await h.ok('GetAssetGroup', { Id })).toEqual({
      Id,
      Name: 'avatar-001',
      Title: 'avatar-001',
      Description: 'Virtual presenter',
      GroupType: 'AIGC',
      ProjectName: 'default',
      CreateTime: '2026-03-18T07:20:44Z',
      UpdateTime: '2026-03-18T07:20:44Z',
    });
  });

  it("gives Description '' when none is given, and unique ids under a frozen clock", async () => {
    const h = createHarness();
    const ids = new Set<string>();
    for (let index = 0; index < 20; index += 1) ids.add((await h.ok('CreateAssetGroup', { Name: `g${index}` })).Id);
    expect(ids.size).toBe(20);
    const [first] = ids;
    expect((await h.ok('GetAssetGroup', { Id: first ?? '' })).Description).toBe('');
  });

  it('404 NotFound for an unknown id', async () => {
    const h = createHarness();
    expect(await h.fails('GetAssetGroup', { Id: 'group-20260318072044-zzzzz' })).toMatchObject({ status: 404, code: 'NotFound' });
  });

  it('403 AIGCNotAvailable for a tenant without AIGC, creating nothing', async () => {
    const h = createHarness({ tenants: [{ customerId: 'real-only', apiKeys: ['k'], aigc: false }] });
    expect(await h.fails('CreateAssetGroup', { Name: 'x' }, 'k')).toMatchObject({ status: 403, code: 'AIGCNotAvailable' });
    expect((await h.ok('ListAssetGroups', {}, 'k')).TotalCount).toBe(0);
  });
});

describe('the group quota', () => {
  it('403 QuotaExceeded, with no CodeN, at 50 groups, across projects, freed at once by a delete', async () => {
    const h = createHarness();
    const ids: string[] = [];
    for (let index = 0; index < 50; index += 1) {
      ids.push((await h.ok('CreateAssetGroup', { Name: `g${index}`, ProjectName: index % 2 ? 'default' : 'other' })).Id);
    }
    const full = await h.fails('CreateAssetGroup', { Name: 'one-too-many' });
    expect(full).toEqual({ status: 403, code: 'QuotaExceeded', message: expect.any(String) });
    // Another customer has its own quota.
    await h.ok('CreateAssetGroup', { Name: 'theirs' }, otherKey);

    await h.ok('DeleteAssetGroup', { Id: ids[1] ?? '' });
    await h.ok('CreateAssetGroup', { Name: 'fits-again' });
    expect((await h.fails('CreateAssetGroup', { Name: 'full-again' })).code).toBe('QuotaExceeded');
  });

  it('follows a tenant groupQuota', async () => {
    const h = createHarness({ tenants: [{ customerId: 'small', apiKeys: ['k'], groupQuota: 1 }] });
    await h.ok('CreateAssetGroup', { Name: 'a' }, 'k');
    expect((await h.fails('CreateAssetGroup', { Name: 'b' }, 'k')).code).toBe('QuotaExceeded');
  });
});

describe('UpdateAssetGroup', () => {
  it('changes only Name and/or Description, and UpdateTime', async () => {
    const h = createHarness();
    const { Id } = await h.ok('CreateAssetGroup', { Name: 'before', Description: 'kept' });
    h.advance(5000);
    expect(await h.ok('UpdateAssetGroup', { Id, Name: 'after' })).toEqual({ Id });
    const renamed = await h.ok('GetAssetGroup', { Id });
    expect(renamed).toMatchObject({ Name: 'after', Title: 'after', Description: 'kept', GroupType: 'AIGC' });
    expect(renamed.CreateTime).toBe('2026-03-18T07:20:44Z');
    expect(renamed.UpdateTime).toBe('2026-03-18T07:20:49Z');

    await h.ok('UpdateAssetGroup', { Id, Description: '' });
    expect(await h.ok('GetAssetGroup', { Id })).toMatchObject({ Name: 'after', Description: '' });

    // Nothing to change: nothing changes, UpdateTime included.
    const before = await h.ok('GetAssetGroup', { Id });
    h.advance(5000);
    expect(await h.ok('UpdateAssetGroup', { Id })).toEqual({ Id });
    expect(await h.ok('GetAssetGroup', { Id })).toEqual(before);
  });

  it('refuses fields other than Name and Description, changing nothing', async () => {
    const h = createHarness();
    const { Id } = await h.ok('CreateAssetGroup', { Name: 'same' });
    expect((await h.fails('UpdateAssetGroup', { Id, Name: 'changed', Title: 'x' } as never)).code).toBe('InvalidParameter.Title');
    expect((await h.ok('GetAssetGroup', { Id })).Name).toBe('same');
  });

  it('404 NotFound for an unknown group', async () => {
    const h = createHarness();
    expect(await h.fails('UpdateAssetGroup', { Id: 'group-x', Name: 'y' })).toMatchObject({ status: 404, code: 'NotFound' });
  });
});

describe('DeleteAssetGroup', () => {
  it('deletes, then answers NotFound', async () => {
    const h = createHarness();
    const { Id } = await h.ok('CreateAssetGroup', { Name: 'gone' });
    expect(await h.ok('DeleteAssetGroup', { Id })).toEqual({});
    expect((await h.fails('GetAssetGroup', { Id })).status).toBe(404);
    expect((await h.fails('DeleteAssetGroup', { Id })).code).toBe('NotFound');
  });
});

describe('ListAssetGroups', () => {
  /** Five groups one second apart: alpha-0 .. alpha-2, beta-3, beta-4; beta-3 updated last. */
  async function fiveGroups() {
    const h = createHarness();
    const ids: string[] = [];
    for (const name of ['alpha-0', 'Alpha-1', 'ALPHA-2', 'beta-3', 'beta-4']) {
      ids.push((await h.ok('CreateAssetGroup', { Name: name })).Id);
      h.advance(1000);
    }
    await h.ok('UpdateAssetGroup', { Id: ids[3] ?? '', Description: 'touched' });
    return { h, ids };
  }

  it('lists newest first by default, with the default page', async () => {
    const { h, ids } = await fiveGroups();
    const page = await h.ok('ListAssetGroups', {});
    expect(page.Items.map((item) => item.Id)).toEqual([...ids].reverse());
    expect([page.TotalCount, page.PageNumber, page.PageSize]).toEqual([5, 1, 10]);
  });

  it('sorts by UpdateTime and CreateTime in either order', async () => {
    const { h, ids } = await fiveGroups();
    const byUpdate = await h.ok('ListAssetGroups', { SortBy: 'UpdateTime' });
    expect(byUpdate.Items[0]?.Id).toBe(ids[3]);
    const oldest = await h.ok('ListAssetGroups', { SortBy: 'CreateTime', SortOrder: 'Asc' });
    expect(oldest.Items.map((item) => item.Id)).toEqual(ids);
  });

  it('breaks ties of equal times by Id ascending, in both orders', async () => {
    const h = createHarness();
    for (let index = 0; index < 6; index += 1) await h.ok('CreateAssetGroup', { Name: `same-second-${index}` });
    const sorted = (await h.ok('ListAssetGroups', {})).Items.map((item) => item.Id);
    expect(sorted).toEqual([...sorted].sort());
    const ascending = (await h.ok('ListAssetGroups', { SortOrder: 'Asc' })).Items.map((item) => item.Id);
    expect(ascending).toEqual(sorted);
  });

  it('filters by Name (case-insensitive substring), GroupIds and GroupType', async () => {
    const { h, ids } = await fiveGroups();
    const alpha = await h.ok('ListAssetGroups', { Filter: { Name: 'alpha' } });
    expect(alpha.Items.map((item) => item.Name).sort()).toEqual(['ALPHA-2', 'Alpha-1', 'alpha-0']);
    expect(alpha.TotalCount).toBe(3);
    const chosen = await h.ok('ListAssetGroups', { Filter: { GroupIds: [ids[0] ?? '', ids[4] ?? '', 'group-unknown'] } });
    expect(chosen.Items.map((item) => item.Id).sort()).toEqual([ids[0], ids[4]].sort());
    const both = await h.ok('ListAssetGroups', { Filter: { GroupIds: [ids[0] ?? '', ids[4] ?? ''], Name: 'BETA' } });
    expect(both.Items.map((item) => item.Id)).toEqual([ids[4]]);
    expect((await h.ok('ListAssetGroups', { Filter: { GroupType: 'AIGC' } })).TotalCount).toBe(5);
    expect((await h.ok('ListAssetGroups', { Filter: { GroupType: 'LivenessFace' } })).TotalCount).toBe(0);
  });

  it('pages: every item once, a short last page, an empty page past the end, TotalCount throughout', async () => {
    const { h, ids } = await fiveGroups();
    const pages = [];
    for (let pageNumber = 1; pageNumber <= 3; pageNumber += 1) {
      pages.push(await h.ok('ListAssetGroups', { PageNumber: pageNumber, PageSize: 2, SortOrder: 'Asc' }));
    }
    expect(pages.map((page) => page.Items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((page) => page.Items.map((item) => item.Id))).toEqual(ids);
    expect(pages.map((page) => [page.TotalCount, page.PageNumber, page.PageSize])).toEqual([
      [5, 1, 2],
      [5, 2, 2],
      [5, 3, 2],
    ]);
    const past = await h.ok('ListAssetGroups', { PageNumber: 9, PageSize: 2 });
    expect([past.Items.length, past.TotalCount, past.PageNumber]).toEqual([0, 5, 9]);
  });

  it('reports times to the second', async () => {
    const h = createHarness();
    h.advance(999);
    await h.ok('CreateAssetGroup', { Name: 'x' });
    const [item] = (await h.ok('ListAssetGroups', {})).Items;
    expect(item?.CreateTime).toBe(new Date(startTime).toISOString().replace('.000Z', 'Z'));
  });
});
