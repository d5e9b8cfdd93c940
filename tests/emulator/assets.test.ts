// Assets: creation, processing on the clock, media links, updates, deletion, quota and listing.
import { describe, expect, it } from 'vitest';
import { fileExtensions } from '../../src/protocol/index.js';
import { createHarness, origin, type Harness } from './harness.js';

async function withGroup(options: Parameters<typeof createHarness>[0] = {}) {
  const h = createHarness(options);
  const { Id: groupId } = await h.ok('CreateAssetGroup', { Name: 'presenter' });
  return { h, groupId };
}

async function media(h: Harness, url: string) {
  return h.send(new Request(url, { redirect: 'manual' }));
}

describe('processing', () => {
  it('is Processing with URL "" at first, then Active with a signed link after the delay', async () => {
    const { h, groupId } = await withGroup();
    const { Id } = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://cdn.example.com/Face.PNG?v=2', AssetType: 'Image', Name: 'front' });
    expect(Id).toMatch(/^asset-20260318072044-[a-z0-9]{5}$/);

    const processing = await h.ok('GetAsset', { Id });
    expect(processing).toEqual({
      Id,
      GroupId: groupId,
      Name: 'front',
      AssetType: 'Image',
      Status: 'Processing',
      URL: '',
      Moderation: { Strategy: 'Default' },
      ProjectName: 'default',
      CreateTime: '2026-03-18T07:20:44Z',
      UpdateTime: '2026-03-18T07:20:44Z',
    });
    // No signed link yet, and a link without a signature opens nothing.
    expect((await media(h, `${origin}/media/${Id}`)).status).toBe(403);

    h.advance(2999);
    expect((await h.ok('GetAsset', { Id })).Status).toBe('Processing');
    h.advance(1);
    const active = await h.ok('GetAsset', { Id });
    expect(active.Status).toBe('Active');
    expect(active.FailedReason).toBeUndefined();
    expect(active.UpdateTime).toBe('2026-03-18T07:20:47Z');
    const link = new URL(active.URL);
    expect(link.origin).toBe(origin);
    expect(link.pathname).toBe(`/media/${Id}`);
    expect(Number(link.searchParams.get('X-Expires'))).toBe(Math.floor(h.now() / 1000) + 12 * 3600);
    expect(link.searchParams.get('X-Signature')).toMatch(/^[0-9a-f]+$/);

    const redirect = await media(h, active.URL);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('https://cdn.example.com/Face.PNG?v=2');
  });

  it('keeps UpdateTime at the moment processing ended, however much later it is read', async () => {
    const { h, groupId } = await withGroup({ processingDelayMs: 10_000 });
    const { Id } = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://example.com/a.mp4', AssetType: 'Video' });
    h.advance(60_000);
    const asset = await h.ok('GetAsset', { Id });
    expect([asset.Status, asset.UpdateTime]).toEqual(['Active', '2026-03-18T07:20:54Z']);
  });

  it('ends Failed with a FailedReason naming the accepted extensions when the extension does not fit', async () => {
    const { h, groupId } = await withGroup();
    const wrongType = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://example.com/voice.mp3', AssetType: 'Video' });
    const noExtension = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://example.com/download', AssetType: 'Audio' });
    h.advance(3000);
    const failed = await h.ok('GetAsset', { Id: wrongType.Id });
    expect([failed.Status, failed.URL]).toEqual(['Failed', '']);
    expect(failed.FailedReason).toContain('.mp4');
    expect(failed.FailedReason).toContain('.mov');
    const unnamed = await h.ok('GetAsset', { Id: noExtension.Id });
    expect(unnamed.Status).toBe('Failed');
    expect(unnamed.FailedReason).toMatch(/\.wav.*\.mp3/);
    expect((await media(h, `${origin}/media/${wrongType.Id}`)).status).toBe(403);
  });

  it("accepts every extension the document lists for its type, in any case, and fails another type's", async () => {
    const { h, groupId } = await withGroup({ tenants: [{ customerId: 'c', apiKeys: ['demo-key'], assetQuota: 100 }] });
    const kinds = Object.keys(fileExtensions) as (keyof typeof fileExtensions)[];
    const cases = kinds.flatMap((AssetType) => fileExtensions[AssetType].flatMap((ext) => [[AssetType, ext], [AssetType, ext.toUpperCase()]] as const));
    const ids = [];
    for (const [AssetType, ext] of cases) ids.push((await h.ok('CreateAsset', { GroupId: groupId, URL: `https://e.com/f.${ext}`, AssetType })).Id);
    const mismatched = (await h.ok('CreateAsset', { GroupId: groupId, URL: `https://e.com/f.${fileExtensions.Video[0]}`, AssetType: 'Image' })).Id;
    h.advance(3000);
    for (const Id of ids) expect((await h.ok('GetAsset', { Id })).Status).toBe('Active');
    expect((await h.ok('GetAsset', { Id: mismatched })).Status).toBe('Failed');
  });

  it('403 for a media link that is unsigned, forged, moved to another asset or expired; 404 once the asset is gone', async () => {
    const { h, groupId } = await withGroup();
    const first = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://cdn.example.com/a.png', AssetType: 'Image' });
    const second = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://cdn.example.com/b.png', AssetType: 'Image' });
    h.advance(3000);
    const link = new URL((await h.ok('GetAsset', { Id: first.Id })).URL);
    expect((await media(h, link.href)).status).toBe(302);

    const altered = (change: (url: URL) => void) => {
      const copy = new URL(link);
      change(copy);
      return copy.href;
    };
    expect((await media(h, `${origin}/media/asset-20260318072044-zzzzz`)).status).toBe(403);
    expect((await media(h, altered((url) => url.searchParams.set('X-Signature', '0'.repeat(64))))).status).toBe(403);
    expect((await media(h, altered((url) => url.searchParams.set('X-Expires', String(Number(url.searchParams.get('X-Expires')) + 1))))).status).toBe(403);
    expect((await media(h, altered((url) => (url.pathname = `/media/${second.Id}`)))).status).toBe(403);
    expect((await media(h, altered((url) => url.searchParams.delete('X-Expires')))).status).toBe(403);

    h.advance(12 * 3600 * 1000);
    expect((await media(h, link.href)).status).toBe(302);
    h.advance(1000);
    expect((await media(h, link.href)).status).toBe(403);

    const fresh = new URL((await h.ok('GetAsset', { Id: first.Id })).URL);
    await h.ok('DeleteAsset', { Id: first.Id });
    expect((await media(h, fresh.href)).status).toBe(404);
  });

  it('signs each link of a list for its own asset', async () => {
    const { h, groupId } = await withGroup();
    const sourceById = new Map<string, string>();
    for (const URL of ['https://cdn.example.com/1.png', 'https://cdn.example.com/2.png', 'https://cdn.example.com/3.png']) {
      sourceById.set((await h.ok('CreateAsset', { GroupId: groupId, URL, AssetType: 'Image' })).Id, URL);
    }
    h.advance(3000);
    const { Items } = await h.ok('ListAssets', {});
    const redirects = await Promise.all(Items.map(async (item) => [item.Id, (await media(h, item.URL)).headers.get('location')] as const));
    expect(new Map(redirects)).toEqual(sourceById);
  });
});

describe('CreateAsset refusals', () => {
  it('404 NotFound for an unknown group, creating nothing', async () => {
    const { h } = await withGroup();
    expect(await h.fails('CreateAsset', { GroupId: 'group-20260318072044-zzzzz', URL: 'https://e.com/a.png', AssetType: 'Image' })).toMatchObject({
      status: 404,
      code: 'NotFound',
    });
    expect((await h.ok('ListAssets', {})).TotalCount).toBe(0);
  });

  it('403 QuotaExceeded at the asset quota, freed by DeleteAsset', async () => {
    const { h, groupId } = await withGroup({ tenants: [{ customerId: 'c', apiKeys: ['demo-key'], assetQuota: 3 }] });
    const ids = [];
    for (let index = 0; index < 3; index += 1) ids.push((await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://e.com/a.png', AssetType: 'Image' })).Id);
    // No CodeN: no source gives QuotaExceeded one (100013 is Volcengine's AccessDenied).
    expect(await h.fails('CreateAsset', { GroupId: groupId, URL: 'https://e.com/a.png', AssetType: 'Image' })).toEqual({
      status: 403,
      code: 'QuotaExceeded',
      message: expect.any(String),
    });
    await h.ok('DeleteAsset', { Id: ids[0] ?? '' });
    await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://e.com/a.png', AssetType: 'Image' });
  });
});

describe('UpdateAsset and DeleteAsset', () => {
  it('renames and moves UpdateTime; nothing else changes', async () => {
    const { h, groupId } = await withGroup();
    const { Id } = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://e.com/a.png', AssetType: 'Image', Name: 'old' });
    h.advance(10_000);
    expect(await h.ok('UpdateAsset', { Id, Name: 'new' })).toEqual({ Id });
    const asset = await h.ok('GetAsset', { Id });
    expect(asset).toMatchObject({ Name: 'new', AssetType: 'Image', GroupId: groupId, Status: 'Active', UpdateTime: '2026-03-18T07:20:54Z' });
    // Only Id is required, as upstream: without a Name the asset stays as it was.
    h.advance(10_000);
    expect(await h.ok('UpdateAsset', { Id })).toEqual({ Id });
    expect(await h.ok('GetAsset', { Id })).toEqual({ ...asset, URL: expect.stringContaining(`/media/${Id}?`) });
    expect((await h.fails('UpdateAsset', { Name: 'x' } as never)).code).toBe('MissingParameter.Id');
  });

  it('carries the Moderation CreateAsset was given, Default when none', async () => {
    const { h, groupId } = await withGroup();
    const skipped = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://e.com/a.png', AssetType: 'Image', Moderation: { Strategy: 'Skip' } });
    const plain = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://e.com/b.png', AssetType: 'Image' });
    expect((await h.ok('GetAsset', skipped)).Moderation).toEqual({ Strategy: 'Skip' });
    expect((await h.ok('GetAsset', plain)).Moderation).toEqual({ Strategy: 'Default' });
    const listed = await h.ok('ListAssets', {});
    expect(Object.fromEntries(listed.Items.map((item) => [item.Id, item.Moderation]))).toEqual({ [skipped.Id]: { Strategy: 'Skip' }, [plain.Id]: { Strategy: 'Default' } });
    expect((await h.fails('CreateAsset', { GroupId: groupId, URL: 'https://e.com/c.png', AssetType: 'Image', Moderation: { Strategy: 'Off' } } as never)).code).toBe('InvalidParameter.Moderation.Strategy');
  });

  it('deletes, then answers NotFound, and the media link stops working', async () => {
    const { h, groupId } = await withGroup({ processingDelayMs: 0 });
    const { Id } = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://e.com/a.png', AssetType: 'Image' });
    const { URL: link } = await h.ok('GetAsset', { Id });
    expect((await media(h, link)).status).toBe(302);
    expect(await h.ok('DeleteAsset', { Id })).toEqual({});
    expect((await h.fails('GetAsset', { Id })).code).toBe('NotFound');
    expect((await h.fails('DeleteAsset', { Id })).status).toBe(404);
    expect((await media(h, link)).status).toBe(404);
  });

  it('DeleteAssetGroup deletes the assets of the group and frees their quota', async () => {
    const { h, groupId } = await withGroup({ tenants: [{ customerId: 'c', apiKeys: ['demo-key'], assetQuota: 2 }] });
    const { Id: keptGroup } = await h.ok('CreateAssetGroup', { Name: 'kept' });
    const doomed = await h.ok('CreateAsset', { GroupId: groupId, URL: 'https://e.com/a.png', AssetType: 'Image' });
    const kept = await h.ok('CreateAsset', { GroupId: keptGroup, URL: 'https://e.com/b.png', AssetType: 'Image' });
    await h.ok('DeleteAssetGroup', { Id: groupId });
    expect((await h.fails('GetAsset', { Id: doomed.Id })).code).toBe('NotFound');
    expect((await h.ok('ListAssets', {})).Items.map((item) => item.Id)).toEqual([kept.Id]);
    await h.ok('CreateAsset', { GroupId: keptGroup, URL: 'https://e.com/c.png', AssetType: 'Image' });
  });
});

describe('ListAssets', () => {
  /** Two groups (one AIGC, one LivenessFace), assets one second apart, some Active, one Failed, one Processing. */
  async function library() {
    const h = createHarness({ processingDelayMs: 10_000 });
    const { Id: aigc } = await h.ok('CreateAssetGroup', { Name: 'aigc' });
    const session = await h.ok('CreateVisualValidateSession', { CallbackURL: 'https://app.example.com/cb' });
    await h.send(new Request(`${origin}/liveness/${session.BytedToken}/pass`, { method: 'POST' }));
    const { GroupId: person } = await h.ok('GetVisualValidateResult', { BytedToken: session.BytedToken });
    const create = async (GroupId: string, Name: string, URL: string) => {
      const { Id } = await h.ok('CreateAsset', { GroupId, Name, URL, AssetType: 'Image' });
      h.advance(1000);
      return Id;
    };
    const front = await create(aigc, 'Front-Face', 'https://e.com/front.png');
    const side = await create(person, 'side-face', 'https://e.com/side.jpg');
    const broken = await create(aigc, 'broken', 'https://e.com/broken.txt');
    h.advance(10_000);
    const fresh = await create(person, 'fresh-FACE', 'https://e.com/fresh.png');
    return { h, aigc, person, ids: { front, side, broken, fresh } };
  }

  it('lists newest first by default, each item as GetAsset shows it', async () => {
    const { h, ids } = await library();
    const page = await h.ok('ListAssets', {});
    expect(page.Items.map((item) => item.Id)).toEqual([ids.fresh, ids.broken, ids.side, ids.front]);
    expect([page.TotalCount, page.PageNumber, page.PageSize]).toEqual([4, 1, 10]);
    expect(page.Items.map((item) => item.Status)).toEqual(['Processing', 'Failed', 'Active', 'Active']);
    expect(page.Items[1]?.FailedReason).toBeDefined();
  });

  it('filters by Statuses, GroupIds, GroupType and Name', async () => {
    const { h, aigc, person, ids } = await library();
    const listIds = async (Filter: NonNullable<Parameters<typeof h.ok<'ListAssets'>>[1]['Filter']>) =>
      (await h.ok('ListAssets', { Filter, SortOrder: 'Asc' })).Items.map((item) => item.Id);
    expect(await listIds({ Statuses: ['Active'] })).toEqual([ids.front, ids.side]);
    expect(await listIds({ Statuses: ['Failed', 'Processing'] })).toEqual([ids.broken, ids.fresh]);
    expect(await listIds({ GroupIds: [person] })).toEqual([ids.side, ids.fresh]);
    expect(await listIds({ GroupType: 'AIGC' })).toEqual([ids.front, ids.broken]);
    expect(await listIds({ GroupType: 'LivenessFace', Statuses: ['Active'] })).toEqual([ids.side]);
    expect(await listIds({ Name: 'face' })).toEqual([ids.front, ids.side, ids.fresh]);
    expect(await listIds({ Name: 'FACE', GroupIds: [aigc] })).toEqual([ids.front]);
  });

  it('sorts by UpdateTime (processing end counts) and by GroupId', async () => {
    const { h, aigc, person, ids } = await library();
    await h.ok('UpdateAsset', { Id: ids.front, Name: 'renamed-last' });
    const byUpdate = await h.ok('ListAssets', { SortBy: 'UpdateTime' });
    expect(byUpdate.Items[0]?.Id).toBe(ids.front);
    const byGroup = await h.ok('ListAssets', { SortBy: 'GroupId', SortOrder: 'Asc' });
    const groupOrder = [aigc, person].sort();
    expect(byGroup.Items.map((item) => item.GroupId)).toEqual([groupOrder[0], groupOrder[0], groupOrder[1], groupOrder[1]]);
    // Equal keys fall back to Id ascending.
    const firstTwo = byGroup.Items.slice(0, 2).map((item) => item.Id);
    expect(firstTwo).toEqual([...firstTwo].sort());
  });

  it('pages with TotalCount of all matches', async () => {
    const { h } = await library();
    const pages = [
      await h.ok('ListAssets', { PageSize: 3, PageNumber: 1 }),
      await h.ok('ListAssets', { PageSize: 3, PageNumber: 2 }),
      await h.ok('ListAssets', { PageSize: 3, PageNumber: 3 }),
    ];
    expect(pages.map((page) => [page.Items.length, page.TotalCount, page.PageNumber, page.PageSize])).toEqual([
      [3, 4, 1, 3],
      [1, 4, 2, 3],
      [0, 4, 3, 3],
    ]);
  });
});
