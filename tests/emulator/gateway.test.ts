// The gateway's refusals, in its order, each in the error envelope the document describes.
import { describe, expect, it } from 'vitest';
import { actionNames, actions, apiVersion, errorCodes, protocol, type Action } from '../../src/protocol/index.js';
import { actionUrl } from '../support/calls.js';
import { createHarness, envelopeOf, errorCode, origin } from './harness.js';

const getGroup = { Id: 'group-20260318072044-abcde' };

describe('request line', () => {
  it('405 MethodNotAllowed with Allow: POST for another method', async () => {
    const h = createHarness();
    const reply = await h.call('GetAssetGroup', getGroup, { method: 'GET' });
    expect(reply.status).toBe(405);
    expect(errorCode(reply)).toBe('MethodNotAllowed');
    expect(reply.headers.get('allow')).toBe('POST');
    expect(envelopeOf(reply).ResponseMetadata.Action).toBe('GetAssetGroup');
  });

  it('404 InvalidActionOrVersion for an unknown Action, a missing one, a wrong Version or another path', async () => {
    const h = createHarness();
    const unknown = await h.call('LaunchRocket', getGroup);
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'InvalidActionOrVersion']);
    expect(envelopeOf(unknown).ResponseMetadata.Action).toBe('');

    const wrongVersion = await h.call('GetAssetGroup', getGroup, { version: '2023-01-01' });
    expect([wrongVersion.status, errorCode(wrongVersion)]).toEqual([404, 'InvalidActionOrVersion']);

    const post = (url: string) => h.send(new Request(url, { method: 'POST', headers: { authorization: 'Bearer demo-key', 'content-type': 'application/json' }, body: '{}' }));
    const missing = await post(`${origin}/portrait/?Version=${apiVersion}`);
    expect([missing.status, errorCode(missing)]).toEqual([404, 'InvalidActionOrVersion']);
    const otherPath = await post(`${origin}/other/?Action=GetAssetGroup&Version=${apiVersion}`);
    expect([otherPath.status, errorCode(otherPath)]).toEqual([404, 'InvalidActionOrVersion']);
    // The code always comes with its number (its codeN in x-portrait-errors), whatever the request got wrong.
    for (const reply of [unknown, wrongVersion, missing, otherPath]) expect(envelopeOf(reply).ResponseMetadata.Error?.CodeN).toBe(errorCodes.InvalidActionOrVersion.codeN);
  });

  it('answers 404 to any method on unknown paths, in the API envelope', async () => {
    const h = createHarness();
    for (const path of ['/', '/favicon.ico', '/media/', '/liveness/x/y/z', '/media/%ZZ']) {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const reply = await h.send(new Request(`${origin}${path}`, { method }));
        expect(reply.status, `${method} ${path}`).toBe(404);
        expect(errorCode(reply)).toBe('InvalidActionOrVersion');
      }
    }
  });

  it('405 for another method on the endpoint', async () => {
    const h = createHarness();
    const reply = await h.send(new Request(`${origin}/portrait/?Action=GetAsset&Version=${apiVersion}`));
    expect(reply.status).toBe(405);
    expect(errorCode(reply)).toBe('MethodNotAllowed');
  });
});

describe('what the gateway echoes, and what it reads once', () => {
  const post = (h: ReturnType<typeof createHarness>, url: string, body = '{}') =>
    h.send(new Request(url, { method: 'POST', headers: { authorization: 'Bearer demo-key', 'content-type': 'application/json' }, body }));

  it('refuses a query that names the Action or the Version twice, whichever comes first', async () => {
    const h = createHarness();
    for (const query of [`Action=GetAssetGroup&Action=DeleteAssetGroup&Version=${apiVersion}`, `Action=GetAssetGroup&Version=${apiVersion}&Version=${apiVersion}`]) {
      const reply = await post(h, `${origin}/portrait/?${query}`, JSON.stringify(getGroup));
      expect([reply.status, errorCode(reply)], query).toEqual([404, 'InvalidActionOrVersion']);
      expect(envelopeOf(reply).ResponseMetadata.Error?.Message).toMatch(/^The query names (Action|Version) more than once\.$/);
    }
  });

  it('cuts what it echoes to a short prefix: an unknown field, Action, Version or path', async () => {
    const h = createHarness();
    const long = 'x'.repeat(500_000);
    const field = await h.call('ListAssets', `{"${long}":1}`);
    expect(field.status).toBe(400);
    expect(errorCode(field)).toBe(`InvalidParameter.${'x'.repeat(64)}…`);
    expect(field.text.length).toBeLessThan(1000);
    for (const url of [`${origin}/portrait/?Action=${'A'.repeat(5000)}&Version=${apiVersion}`, `${origin}/portrait/?Action=ListAssets&Version=${'9'.repeat(5000)}`, `${origin}/${'p'.repeat(5000)}`]) {
      const reply = await post(h, url);
      expect(reply.status).toBe(404);
      expect(reply.text.length, url.slice(0, 60)).toBeLessThan(1000);
    }
  });
});

describe('Content-Type', () => {
  it('takes application/json or a +json type, any case, with parameters', async () => {
    const h = createHarness();
    for (const type of ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/merge-patch+json']) {
      expect((await h.call('ListAssets', {}, { headers: { 'content-type': type } })).status, type).toBe(200);
    }
  });

  it('400 InvalidParameter for any other type, or none', async () => {
    const h = createHarness();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', 'multipart/form-data; boundary=x']) {
      const reply = await h.call('ListAssets', {}, { headers: { 'content-type': type } });
      expect([reply.status, errorCode(reply)], type).toEqual([400, 'InvalidParameter']);
    }
    const none = await h.send(new Request(actionUrl(origin, 'ListAssets'), { method: 'POST', headers: { authorization: 'Bearer demo-key' }, body: new Uint8Array([123, 125]) }));
    expect([none.status, errorCode(none)]).toEqual([400, 'InvalidParameter']);
  });
});

describe('API key', () => {
  it('401 Unauthorized without a Bearer token, with another scheme, or with an unknown key', async () => {
    const h = createHarness();
    const none = await h.call('GetAssetGroup', getGroup, { key: null });
    const basic = await h.call('GetAssetGroup', getGroup, { key: null, headers: { authorization: 'Basic ZGVtbzpkZW1v' } });
    const unknown = await h.call('GetAssetGroup', getGroup, { key: 'not-a-key' });
    const prototypeKey = await h.call('GetAssetGroup', getGroup, { key: '__proto__' });
    for (const reply of [none, basic, unknown, prototypeKey]) {
      expect([reply.status, errorCode(reply)]).toEqual([401, 'Unauthorized']);
      expect(reply.text).not.toContain('not-a-key');
    }
  });

  it('checks the key before the body', async () => {
    const h = createHarness();
    const reply = await h.call('GetAssetGroup', '{', { key: 'not-a-key' });
    expect(reply.status).toBe(401);
  });
});

describe('body', () => {
  it('413 for a declared Content-Length over 1 MiB, before reading', async () => {
    const h = createHarness();
    const body = new ReadableStream<Uint8Array>({ pull: () => {} });
    const request = new Request(actionUrl(origin, 'GetAssetGroup'), {
      method: 'POST',
      headers: { authorization: 'Bearer demo-key', 'content-length': String(protocol.maxBodyBytes + 1) },
      body,
      duplex: 'half',
    } as RequestInit);
    const reply = await h.send(request);
    expect([reply.status, errorCode(reply)]).toEqual([413, 'RequestEntityTooLarge']);
    expect(request.bodyUsed).toBe(false);
  });

  it('413 for a streamed body that passes 1 MiB, and stops reading there', async () => {
    const h = createHarness();
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(actionUrl(origin, 'GetAssetGroup'), { method: 'POST', headers: { authorization: 'Bearer demo-key' }, body, duplex: 'half' } as RequestInit);
    const reply = await h.send(request);
    expect([reply.status, errorCode(reply)]).toEqual([413, 'RequestEntityTooLarge']);
    // An endless body: reading stopped a few chunks past the limit.
    expect(sent).toBeLessThan(protocol.maxBodyBytes + 8 * chunk.length);
  });

  it('accepts a body of exactly 1 MiB', async () => {
    const h = createHarness();
    const reply = await h.call('ListAssetGroups', '{}'.padEnd(protocol.maxBodyBytes, ' '));
    expect(reply.status).toBe(200);
  });

  it('400 InvalidParameter for malformed JSON and an empty body', async () => {
    const h = createHarness();
    const malformed = await h.call('GetAssetGroup', '{"Id": ');
    expect([malformed.status, errorCode(malformed)]).toEqual([400, 'InvalidParameter']);
    expect(envelopeOf(malformed).ResponseMetadata.Error?.Message).toMatch(/not valid JSON/);
    const empty = await h.call('GetAssetGroup', '');
    expect([empty.status, errorCode(empty)]).toEqual([400, 'InvalidParameter']);
  });

  it('400 InvalidParameter for JSON that is not an object', async () => {
    const h = createHarness();
    for (const text of ['[]', 'null', '"text"', '42', 'true']) {
      const reply = await h.call('ListAssetGroups', text);
      expect([reply.status, errorCode(reply)]).toEqual([400, 'InvalidParameter']);
    }
  });

  it('400 MissingParameter.<Field> for a missing required field', async () => {
    const h = createHarness();
    expect(await h.fails('CreateAssetGroup', {} as never)).toMatchObject({ status: 400, code: 'MissingParameter.Name' });
    expect(await h.fails('CreateAsset', { URL: 'https://example.com/a.png', AssetType: 'Image' } as never)).toMatchObject({
      status: 400,
      code: 'MissingParameter.GroupId',
    });
    expect(await h.fails('GetVisualValidateResult', {} as never)).toMatchObject({ status: 400, code: 'MissingParameter.BytedToken' });
  });

  it('400 InvalidParameter.<Field> for a wrong value or an unknown field', async () => {
    const h = createHarness();
    expect(await h.fails('ListAssets', { PageSize: 500 })).toMatchObject({ status: 400, code: 'InvalidParameter.PageSize' });
    expect(await h.fails('GetAsset', { Id: 'group-20260318072044-abcde' })).toMatchObject({ status: 400, code: 'InvalidParameter.Id' });
    expect(await h.fails('CreateAssetGroup', { Name: 'x', Description: 'd'.repeat(301) })).toMatchObject({
      status: 400,
      code: 'InvalidParameter.Description',
    });
    expect(await h.fails('UpdateAssetGroup', { Id: 'group-20260318072044-abcde', GroupType: 'AIGC' } as never)).toMatchObject({
      status: 400,
      code: 'InvalidParameter.GroupType',
    });
    expect(await h.fails('ListAssetGroups', { Filter: { Colour: 'red' } } as never)).toMatchObject({
      status: 400,
      code: 'InvalidParameter.Filter.Colour',
    });
  });
});

describe('rate limits', () => {
  it('429 RateLimitExceeded with Retry-After past the limit per customer and Action, then lets requests through again', async () => {
    const h = createHarness({ rateLimits: { ListAssetGroups: 2 } });
    expect((await h.call('ListAssetGroups', {})).status).toBe(200);
    expect((await h.call('ListAssetGroups', {})).status).toBe(200);
    const limited = await h.call('ListAssetGroups', {});
    expect([limited.status, errorCode(limited)]).toEqual([429, 'RateLimitExceeded']);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);

    // Other Actions and other customers have their own budgets.
    expect((await h.call('ListAssets', {})).status).toBe(200);
    expect((await h.call('ListAssetGroups', {}, { key: 'demo-key-2' })).status).toBe(200);

    h.advance(retryAfter * 1000);
    expect((await h.call('ListAssetGroups', {})).status).toBe(200);
  });

  it('is checked before the body is read', async () => {
    const h = createHarness({ rateLimits: { GetAssetGroup: 1 } });
    await h.call('GetAssetGroup', '{');
    const limited = await h.call('GetAssetGroup', '{');
    expect(limited.status).toBe(429);
  });

  it.each(actionNames)("%s: the document's limit by default, the upstream's", async (action) => {
    const { requests, perSeconds } = actions[action].rateLimit;
    const h = createHarness({ rateLimits: {} });
    const statuses = await Promise.all(Array.from({ length: requests }, () => h.call(action, '{}').then((reply) => reply.status)));
    expect(statuses).not.toContain(429);
    const limited = await h.call(action, '{}');
    expect([limited.status, errorCode(limited)]).toEqual([429, 'RateLimitExceeded']);
    expect(Number(limited.headers.get('retry-after'))).toBe(perSeconds);
    h.advance(perSeconds * 1000 - 1);
    expect((await h.call(action, '{}')).status).toBe(429);
    h.advance(1);
    expect((await h.call(action, '{}')).status).not.toBe(429);
  });

  it('is off with rateLimits: false, and off or changed for one Action by name', async () => {
    const burst = async (h: ReturnType<typeof createHarness>, action: Action, count: number) =>
      new Set(await Promise.all(Array.from({ length: count }, () => h.call(action, '{}').then((reply) => reply.status))));
    expect(await burst(createHarness({ rateLimits: false }), 'CreateVisualValidateSession', 200)).not.toContain(429);
    const changed = createHarness({ rateLimits: { GetVisualValidateResult: false, CreateAsset: { requests: 2, perSeconds: 60 } } });
    expect(await burst(changed, 'GetVisualValidateResult', 200)).not.toContain(429);
    expect(await burst(changed, 'CreateAsset', 2)).not.toContain(429);
    expect((await changed.call('CreateAsset', '{}')).headers.get('retry-after')).toBe('60');
    // The Actions it does not name keep the document's limits.
    expect(await burst(changed, 'CreateVisualValidateSession', actions.CreateVisualValidateSession.rateLimit.requests + 1)).toContain(429);
  });
});

describe('a refused request changes nothing', () => {
  it('leaves no group behind', async () => {
    const h = createHarness();
    await h.call('CreateAssetGroup', { Name: 'x', Colour: 'red' });
    await h.call('CreateAssetGroup', { Name: 'x' }, { key: 'nope' });
    await h.call('CreateAssetGroup', { Name: 'x' }, { version: '2020-01-01' });
    await h.call('CreateAssetGroup', '{"Name":"x"');
    expect((await h.ok('ListAssetGroups', {})).TotalCount).toBe(0);
  });
});
