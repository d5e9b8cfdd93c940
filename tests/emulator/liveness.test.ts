// The liveness flow: session, H5 page, pass or fail, and the exchange of the token for a group.
import { describe, expect, it } from 'vitest';
import { createPortraitClient, parseLivenessCallback } from '../../src/client/index.js';
import { apiVersion, livenessResultCodes, validateSchema } from '../../src/protocol/index.js';
import { textRequest } from '../../src/server/exchange.js';
import { createHarness, origin, otherKey, type Harness } from './harness.js';

const callback = 'https://app.example.com/portrait/callback?state=abc';

async function session(h: Harness, key?: string, ProjectName?: string) {
  return h.ok('CreateVisualValidateSession', { CallbackURL: callback, ...(ProjectName ? { ProjectName } : {}) }, key);
}

/** A CreateVisualValidateSession request for the demo key, as the server kit hands it over (fast: no Fetch objects). */
function serverRequest(body: string) {
  const url = new URL(`${origin}/portrait/?Action=CreateVisualValidateSession&Version=${apiVersion}`);
  return textRequest('POST', url, { authorization: 'Bearer demo-key', 'content-type': 'application/json' }, body);
}

function settle(h: Harness, token: string, outcome: 'pass' | 'fail') {
  return h.send(new Request(`${origin}/liveness/${token}/${outcome}`, { method: 'POST', redirect: 'manual' }));
}

describe('CreateVisualValidateSession and the H5 page', () => {
  it('returns a token, an H5 link on this origin and the CallbackURL', async () => {
    const h = createHarness();
    const result = await session(h);
    expect(result.BytedToken).toMatch(/^20260318072044[0-9A-Z]{8}$/);
    expect(result.H5Link).toBe(`${origin}/liveness/${result.BytedToken}`);
    expect(result.CallbackURL).toBe(callback);
  });

  it('serves a self-contained phone page with a pass form and a fail form', async () => {
    const h = createHarness();
    const { H5Link, BytedToken } = await session(h);
    const page = await h.send(new Request(`${H5Link}?lng=en`));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en">');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<meta name="viewport"');
    expect(page.text).toMatch(new RegExp(`<form method="post" action="/liveness/${BytedToken}/pass"><button[^>]*>Pass the check</button>`));
    expect(page.text).toMatch(new RegExp(`<form method="post" action="/liveness/${BytedToken}/fail"><button[^>]*>Fail the check</button>`));
    // Nothing loads from elsewhere, and no other site may frame the page (a header: a meta tag cannot say it).
    expect(page.text).not.toMatch(/\b(src|href)=|url\(|@import/);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it.each([
    ['no lng: zh, the upstream default', '', 'zh', '通过检测'],
    ['lng=zh-Hant', '?lng=zh-Hant', 'zh-Hant', '通過檢測'],
    ['lng=en', '?lng=en', 'en', 'Pass the check'],
    ['an unknown lng: the default', '?lng=fr', 'zh', '通过检测'],
  ])('speaks the language lng names, as the upstream page does: %s', async (_, query, lang, pass) => {
    const h = createHarness();
    const { H5Link, BytedToken } = await session(h);
    const page = await h.send(new Request(`${H5Link}${query}`));
    expect(page.text).toContain(`<html lang="${lang}">`);
    expect(page.text).toMatch(new RegExp(`<form method="post" action="/liveness/${BytedToken}/pass"><button[^>]*>${pass}</button>`));
  });

  it('400 InvalidParameter.CallbackURL for a URL a browser cannot open, though `format: uri` lets it through', async () => {
    const h = createHarness();
    for (const CallbackURL of ['http://example.com:99999/cb', 'javascript:alert(1)', 'mailto:a@example.com', 'http://[::1/cb']) {
      const reply = await h.call('CreateVisualValidateSession', { CallbackURL });
      expect([reply.status, (reply.body as { ResponseMetadata: { Error?: { Code: string } } }).ResponseMetadata.Error?.Code], CallbackURL).toEqual([400, 'InvalidParameter.CallbackURL']);
    }
  });

  it('404 for an unknown token and 410 once expired, as short HTML', async () => {
    const h = createHarness();
    const unknown = await h.send(new Request(`${origin}/liveness/20260318072044NOSUCHTK`));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await settle(h, '20260318072044NOSUCHTK', 'pass')).status).toBe(404);

    const { H5Link, BytedToken } = await session(h);
    h.advance(120_001);
    expect((await h.send(new Request(H5Link))).status).toBe(410);
    expect((await settle(h, BytedToken, 'pass')).status).toBe(410);
  });

  it('says so in the language lng names, as the page does', async () => {
    const h = createHarness();
    const unknown = `${origin}/liveness/20260318072044NOSUCHTK`;
    expect((await h.send(new Request(unknown))).text).toMatch(/<html lang="zh">[\s\S]*<h1>链接无效<\/h1>/);
    expect((await h.send(new Request(`${unknown}?lng=en`))).text).toMatch(/<html lang="en">[\s\S]*<h1>Unknown link<\/h1>/);
    const { H5Link } = await session(h);
    h.advance(120_001);
    expect((await h.send(new Request(`${H5Link}?lng=zh-Hant`))).text).toMatch(/<html lang="zh-Hant">[\s\S]*<h1>連結已過期<\/h1>/);
  });
});

describe('GetVisualValidateResult', () => {
  it('ValidatePending before the check, 303 to the callback on pass, then one LivenessFace group', async () => {
    const h = createHarness();
    const { BytedToken } = await session(h);
    expect(await h.fails('GetVisualValidateResult', { BytedToken })).toMatchObject({ status: 200, code: 'ValidatePending' });

    const passed = await settle(h, BytedToken, 'pass');
    expect(passed.status).toBe(303);
    const location = new URL(passed.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('https://app.example.com/portrait/callback');
    expect(location.searchParams.get('state')).toBe('abc');
    // The upstream's whole callback query, each field a LivenessCallbackQuery allows.
    const query = Object.fromEntries([...location.searchParams].filter(([name]) => name !== 'state'));
    expect(query).toEqual({ bytedToken: BytedToken, resultCode: '10000', algorithmBaseRespCode: '0', reqMeasureInfoValue: '1', verify_type: 'real_time' });
    expect(validateSchema('LivenessCallbackQuery', query)).toEqual({ valid: true });
    expect(parseLivenessCallback(location.href)).toEqual({ ...query, passed: true });

    h.advance(30_000);
    const { GroupId } = await h.ok('GetVisualValidateResult', { BytedToken });
    expect(await h.ok('GetAssetGroup', { Id: GroupId })).toMatchObject({
      GroupType: 'LivenessFace',
      Name: `person-${BytedToken.slice(-8)}`,
      Title: `person-${BytedToken.slice(-8)}`,
      Description: '',
      ProjectName: 'default',
    });
    h.advance(60_000);
    expect((await h.ok('GetVisualValidateResult', { BytedToken })).GroupId).toBe(GroupId);
    expect((await h.ok('ListAssetGroups', { Filter: { GroupType: 'LivenessFace' } })).TotalCount).toBe(1);
  });

  it('TokenExpired after 120 s, even after a pass', async () => {
    const h = createHarness();
    const { BytedToken } = await session(h);
    await settle(h, BytedToken, 'pass');
    h.advance(120_000);
    expect(await h.ok('GetVisualValidateResult', { BytedToken })).toHaveProperty('GroupId');
    h.advance(1);
    expect(await h.fails('GetVisualValidateResult', { BytedToken })).toMatchObject({ status: 200, code: 'TokenExpired' });
  });

  it('forgets an expired session after a grace period as long again: TokenExpired until then, InvalidToken after', async () => {
    const h = createHarness();
    const { BytedToken } = await session(h);
    h.advance(240_000);
    await session(h);
    expect((await h.fails('GetVisualValidateResult', { BytedToken })).code).toBe('TokenExpired');
    h.advance(1);
    // Making a session sweeps the old ones; so does prune(), which startEmulator calls while idle.
    await session(h);
    expect((await h.fails('GetVisualValidateResult', { BytedToken })).code).toBe('InvalidToken');
    const idle = await session(h);
    h.advance(240_001);
    h.emulator.prune();
    expect((await h.fails('GetVisualValidateResult', { BytedToken: idle.BytedToken })).code).toBe('InvalidToken');
    expect((await h.send(new Request(idle.H5Link))).status).toBe(404);
  });

  it('forgets a session past its grace when asked for it, with no sweep in between', async () => {
    const h = createHarness();
    const { BytedToken, H5Link } = await session(h);
    h.advance(240_001);
    expect((await h.fails('GetVisualValidateResult', { BytedToken })).code).toBe('InvalidToken');
    expect((await h.send(new Request(H5Link))).status).toBe(404);
  });

  it('holds at most 10,000 open sessions per customer: then 429 RateLimitExceeded, until they are forgotten', async () => {
    const h = createHarness();
    const body = JSON.stringify({ CallbackURL: callback });
    for (let i = 0; i < 10_000; i++) await h.emulator.answer(serverRequest(body));
    const refused = await h.fails('CreateVisualValidateSession', { CallbackURL: callback });
    expect([refused.status, refused.code]).toEqual([429, 'RateLimitExceeded']);
    // As every 429 does: when to try again, the sessions' life and grace (120 + 120 s).
    expect((await h.call('CreateVisualValidateSession', { CallbackURL: callback })).headers.get('retry-after')).toBe('240');
    expect((await session(h, otherKey)).BytedToken).toBeDefined();
    h.advance(240_001);
    expect((await session(h)).BytedToken).toBeDefined();
  }, 120_000);

  it('InvalidToken for an unknown token, another customer’s, another project’s, and a failed check', async () => {
    const h = createHarness();
    expect(await h.fails('GetVisualValidateResult', { BytedToken: '__proto__' })).toMatchObject({ status: 200, code: 'InvalidToken' });

    const mine = await session(h);
    await settle(h, mine.BytedToken, 'pass');
    expect(await h.fails('GetVisualValidateResult', { BytedToken: mine.BytedToken }, otherKey)).toMatchObject({ status: 200, code: 'InvalidToken' });
    expect(await h.fails('GetVisualValidateResult', { BytedToken: mine.BytedToken, ProjectName: 'other' })).toMatchObject({ code: 'InvalidToken' });
    expect((await h.ok('ListAssetGroups', {}, otherKey)).TotalCount).toBe(0);

    const failing = await session(h);
    const failed = await settle(h, failing.BytedToken, 'fail');
    expect(failed.status).toBe(303);
    const failedQuery = Object.fromEntries(new URL(failed.headers.get('location') ?? '').searchParams);
    expect(failedQuery).toMatchObject({ bytedToken: failing.BytedToken, resultCode: livenessResultCodes.Failed, verify_type: 'real_time' });
    expect(validateSchema('LivenessCallbackQuery', failedQuery)).toEqual({ valid: true });
    expect(parseLivenessCallback(failed.headers.get('location') ?? '').passed).toBe(false);
    const verdict = await h.fails('GetVisualValidateResult', { BytedToken: failing.BytedToken });
    expect(verdict).toMatchObject({ status: 200, code: 'InvalidToken' });
    expect(verdict.message).toMatch(/did not pass/);
    // The first outcome counts.
    const again = await settle(h, failing.BytedToken, 'pass');
    expect(new URL(again.headers.get('location') ?? '').searchParams.get('resultCode')).toBe(livenessResultCodes.Failed);
  });

  it('403 QuotaExceeded when the groups are full, and the group once a slot is free', async () => {
    const h = createHarness({ tenants: [{ customerId: 'c', apiKeys: ['demo-key'], groupQuota: 1 }] });
    const { Id: blocker } = await h.ok('CreateAssetGroup', { Name: 'only-slot' });
    const { BytedToken } = await session(h);
    await settle(h, BytedToken, 'pass');
    expect(await h.fails('GetVisualValidateResult', { BytedToken })).toMatchObject({ status: 403, code: 'QuotaExceeded' });
    await h.ok('DeleteAssetGroup', { Id: blocker });
    const { GroupId } = await h.ok('GetVisualValidateResult', { BytedToken });
    expect((await h.ok('GetAssetGroup', { Id: GroupId })).GroupType).toBe('LivenessFace');
  });

  it('makes the group in the session’s project', async () => {
    const h = createHarness();
    const { BytedToken } = await session(h, undefined, 'studio');
    await settle(h, BytedToken, 'pass');
    const { GroupId } = await h.ok('GetVisualValidateResult', { BytedToken, ProjectName: 'studio' });
    expect((await h.ok('GetAssetGroup', { Id: GroupId, ProjectName: 'studio' })).ProjectName).toBe('studio');
  });

  it('works end to end with the typed client, using the handler as its fetch', async () => {
    const h = createHarness();
    const client = createPortraitClient({ apiKey: 'demo-key', baseUrl: origin, fetch: h.fetch, maxRetries: 0 });
    const started = await client.createVisualValidateSession({ CallbackURL: callback });
    await settle(h, started.BytedToken, 'pass');
    const { GroupId } = await client.getVisualValidateResult({ BytedToken: started.BytedToken });
    const { Id } = await client.createAsset({ GroupId, URL: 'https://e.com/me.png', AssetType: 'Image' });
    h.advance(3000);
    expect((await client.getAsset({ Id })).Status).toBe('Active');
  });
});
