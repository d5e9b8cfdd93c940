// Input meant to break things: prototype keys, deep nesting, huge and odd strings. Every reply
// still goes through the harness, which fails on a 500 or on anything the document does not allow.
import { describe, expect, it } from 'vitest';
import { actionNames, apiVersion, protocol } from '../../src/protocol/index.js';
import { firstRequestExample } from '../support/examples.js';
import { createHarness, errorCode, origin } from './harness.js';

describe('prototype keys', () => {
  it('refuses {"__proto__": ...} and {"constructor": ...} as unknown fields on every Action', async () => {
    const h = createHarness();
    for (const action of actionNames) {
      // The Action's own example plus the hostile key, so that key is the only thing wrong.
      const example = JSON.stringify(firstRequestExample(action)).slice(1);
      const proto = await h.call(action, `{"__proto__":{"x":1}${example === '}' ? '' : ','}${example}`);
      expect([proto.status, errorCode(proto)]).toEqual([400, 'InvalidParameter.__proto__']);
      const ctor = await h.call(action, `{"constructor":{"prototype":{"x":1}}${example === '}' ? '' : ','}${example}`);
      expect([ctor.status, errorCode(ctor)]).toEqual([400, 'InvalidParameter.constructor']);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('treats prototype-like ids, tokens, project names and filters as plain strings', async () => {
    const h = createHarness();
    for (const Id of ['group-__proto__', 'group-constructor', 'group-toString', 'group-hasOwnProperty']) {
      expect((await h.fails('GetAssetGroup', { Id })).code).toBe('NotFound');
      expect((await h.fails('CreateAsset', { GroupId: Id, URL: 'https://e.com/a.png', AssetType: 'Image' })).code).toBe('NotFound');
    }
    for (const Id of ['asset-__proto__', 'asset-constructor']) expect((await h.fails('DeleteAsset', { Id })).code).toBe('NotFound');
    for (const BytedToken of ['__proto__', 'constructor', 'hasOwnProperty']) {
      expect((await h.fails('GetVisualValidateResult', { BytedToken })).code).toBe('InvalidToken');
    }
    const { Id } = await h.ok('CreateAssetGroup', { Name: 'constructor', ProjectName: '__proto__' });
    expect((await h.ok('GetAssetGroup', { Id, ProjectName: '__proto__' })).ProjectName).toBe('__proto__');
    expect((await h.ok('ListAssetGroups', { ProjectName: '__proto__', Filter: { Name: 'constructor' } })).TotalCount).toBe(1);
    expect((await h.ok('ListAssetGroups', { ProjectName: 'constructor' })).TotalCount).toBe(0);
    for (const path of ['/media/__proto__', '/media/constructor']) expect((await h.send(new Request(`${origin}${path}`))).status).toBe(403);
    for (const path of ['/liveness/__proto__', '/liveness/constructor']) expect((await h.send(new Request(`${origin}${path}`))).status).toBe(404);
    expect((await h.send(new Request(`${origin}/liveness/__proto__/pass`, { method: 'POST' }))).status).toBe(404);
  });
});

describe('deep nesting', () => {
  const depth = 80_000;
  const deepArray = '['.repeat(depth) + ']'.repeat(depth);
  const deepObject = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  it('refuses deeply nested bodies with 400 instead of overflowing the stack', async () => {
    const h = createHarness();
    const bodies = [
      deepArray,
      deepObject,
      `{"Filter":{"GroupIds":[${deepArray},${deepArray}]}}`,
      `{"Filter":{"Statuses":[${deepObject},${deepObject}]}}`,
      `{"Filter":${deepObject}}`,
    ];
    for (const body of bodies) {
      expect(body.length).toBeLessThanOrEqual(protocol.maxBodyBytes);
      const reply = await h.call('ListAssets', body);
      expect(reply.status).toBe(400);
      expect(errorCode(reply)).toMatch(/^InvalidParameter/);
    }
    const filter = await h.call('ListAssetGroups', `{"Filter":{"GroupIds":[${deepArray},${deepArray}]}}`);
    expect(errorCode(filter)).toBe('InvalidParameter.Filter');
  });

  it('still takes the shallow nesting real requests have', async () => {
    const h = createHarness();
    expect((await h.call('ListAssets', { Filter: { GroupIds: ['group-a', 'group-b'], Statuses: ['Active'] } })).status).toBe(200);
  });
});

describe('strings', () => {
  it('refuses huge strings under the body limit quickly, with the field named', async () => {
    const h = createHarness();
    const huge = 'x'.repeat(protocol.maxBodyBytes - 200);
    const started = performance.now();
    expect((await h.fails('CreateAssetGroup', { Name: huge })).code).toBe('InvalidParameter.Name');
    expect((await h.fails('CreateVisualValidateSession', { CallbackURL: `https://e.com/${huge}` })).code).toBe('InvalidParameter.CallbackURL');
    expect((await h.fails('CreateAsset', { GroupId: 'group-a', URL: `https://e.com/${'%41'.repeat(300_000)}`, AssetType: 'Image' })).code).toBe(
      'InvalidParameter.URL',
    );
    expect((await h.fails('GetVisualValidateResult', { BytedToken: huge })).code).toBe('InvalidParameter.BytedToken');
    expect((await h.fails('GetAsset', { Id: `asset-${huge}` })).code).toBe('InvalidParameter.Id');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('keeps unicode names intact and matches them case-insensitively', async () => {
    const h = createHarness({ processingDelayMs: 0 });
    const names = ['头像-001', 'Ärger über Öl', 'مرحبا', '👩🏽‍💻'.repeat(8), 'e\u0301galité', '😀'.repeat(64)];
    const ids = [];
    for (const Name of names) ids.push((await h.ok('CreateAssetGroup', { Name, Description: `${Name} — 描述` })).Id);
    for (const [index, Id] of ids.entries()) expect((await h.ok('GetAssetGroup', { Id })).Name).toBe(names[index]);
    expect((await h.ok('ListAssetGroups', { Filter: { Name: 'äRGER' } })).TotalCount).toBe(1);
    expect((await h.fails('CreateAssetGroup', { Name: '😀'.repeat(65) })).code).toBe('InvalidParameter.Name');

    const { Id: assetId } = await h.ok('CreateAsset', { GroupId: ids[0] ?? '', URL: 'https://xn--fsqu00a.xn--0zwm56d/%E7%85%A7%E7%89%87.PNG', AssetType: 'Image', Name: '正面' });
    const asset = await h.ok('GetAsset', { Id: assetId });
    expect([asset.Name, asset.Status]).toEqual(['正面', 'Active']);
    const redirect = await h.send(new Request(asset.URL, { redirect: 'manual' }));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('https://xn--fsqu00a.xn--0zwm56d/%E7%85%A7%E7%89%87.PNG');
  });

  it('survives lone surrogates and bytes that are not UTF-8', async () => {
    const h = createHarness();
    expect((await h.call('CreateAssetGroup', '{"Name":"\\ud800 lone"}')).status).toBe(200);
    const invalidUtf8 = new Uint8Array([...new TextEncoder().encode('{"Name":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}')]);
    const request = new Request(`${origin}/portrait/?Action=CreateAssetGroup&Version=${apiVersion}`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-key', 'content-type': 'application/json' },
      body: invalidUtf8,
    });
    expect((await h.send(request)).status).toBe(200);
  });
});

describe('odd values', () => {
  it('refuses a body of more values than any request holds, at once and naming the field', async () => {
    const h = createHarness();
    const reply = await h.call('ListAssets', `{"Filter":{"GroupIds":[${'0,'.repeat(400_000)}0]}}`);
    expect([reply.status, errorCode(reply)]).toEqual([400, 'InvalidParameter.Filter']);
    expect((reply.body as { ResponseMetadata: { Error: { Message: string } } }).ResponseMetadata.Error.Message).toBe('Filter holds more than 20000 values.');
  });

  it('refuses a number too large for a double, wherever it is, naming where', async () => {
    const h = createHarness();
    for (const [body, code] of [
      ['{"PageNumber":1e400}', 'InvalidParameter.PageNumber'],
      ['{"PageSize":-1e400}', 'InvalidParameter.PageSize'],
      ['{"Filter":{"GroupIds":["a",1e999]}}', 'InvalidParameter.Filter.GroupIds.1'],
    ] as const) {
      const reply = await h.call('ListAssets', body);
      expect([reply.status, errorCode(reply)], body).toEqual([400, code]);
    }
  });

  it('refuses numbers and types the schema does not allow', async () => {
    const h = createHarness();
    expect((await h.fails('ListAssets', { PageSize: 1.5 })).code).toBe('InvalidParameter.PageSize');
    expect((await h.fails('ListAssets', { PageNumber: 0 })).code).toBe('InvalidParameter.PageNumber');
    expect((await h.fails('ListAssets', { PageNumber: '2' } as never)).code).toBe('InvalidParameter.PageNumber');
    expect((await h.fails('ListAssets', { Filter: { Statuses: ['Active', 'Active'] } })).code).toBe('InvalidParameter.Filter.Statuses');
    expect((await h.fails('CreateAsset', { GroupId: 'group-a', URL: 'ftp://e.com/a.png', AssetType: 'Image' })).code).toBe('InvalidParameter.URL');
  });

  it('answers an absurd page number with an empty page', async () => {
    const h = createHarness();
    await h.ok('CreateAssetGroup', { Name: 'x' });
    const page = await h.ok('ListAssetGroups', { PageNumber: 1e300, PageSize: 100 });
    expect([page.Items.length, page.TotalCount]).toEqual([0, 1]);
  });

  it('never answers 500 to random bodies on any Action', async () => {
    const h = createHarness();
    const values: unknown[] = [null, true, 0, -1, 1e308, 'group-x', 'asset-x', '', 'https://e.com/a.png', [], {}, ['Active'], { Name: 'x' }];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const fields = ['Id', 'Name', 'GroupId', 'URL', 'AssetType', 'Filter', 'PageNumber', 'PageSize', 'SortBy', 'SortOrder', 'ProjectName', 'BytedToken', 'CallbackURL', 'Description', 'GroupType', 'Title'];
    const statuses = new Set<number>();
    for (const action of actionNames) {
      for (let attempt = 0; attempt < 40; attempt += 1) {
        const body: Record<string, unknown> = {};
        for (let count = random(4); count > 0; count -= 1) body[fields[random(fields.length)] ?? 'Id'] = values[random(values.length)];
        statuses.add((await h.call(action, body)).status);
      }
    }
    expect(statuses.has(500)).toBe(false);
    expect(statuses.has(400)).toBe(true);
  });
});
