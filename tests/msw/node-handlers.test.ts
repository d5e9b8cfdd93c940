// The MSW handlers in Node: `setupServer(...portraitHandlers(emulator))` answers the typed client's
// calls from the emulator, whatever the Action, and leaves every other request alone.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPortraitClient, PortraitError } from '../../src/client/index.js';
import { createEmulator } from '../../src/emulator/portable.js';
import { portraitHandlers } from '../../src/msw/index.js';
import { apiVersion, servers } from '../../src/protocol/index.js';
import type { Envelope } from '../support/http.js';

const baseUrl = 'https://portrait.test/api';
let clock = Date.parse('2026-03-18T07:20:44Z');
const emulator = createEmulator({ clock: () => clock, processingDelayMs: 1000, rateLimits: false });
const unhandled: string[] = [];
const server = setupServer(...portraitHandlers(emulator, { baseUrl }));

beforeAll(() => server.listen({ onUnhandledRequest: (request) => void unhandled.push(`${request.method} ${request.url}`) }));
afterEach(() => {
  server.resetHandlers();
  unhandled.length = 0;
});
afterAll(() => server.close());

/** Made after `listen`, so the client's fetch is the one MSW intercepts. */
const client = (apiKey = 'demo-key') => createPortraitClient({ apiKey, baseUrl, maxRetries: 0 });

describe('the typed client through MSW', () => {
  it('creates, gets and lists assets, processed on the emulator clock', async () => {
    const portrait = client();
    const { Id: GroupId } = await portrait.createAssetGroup({ Name: 'presenter' });
    const { Id } = await portrait.createAsset({ GroupId, URL: 'https://cdn.example.com/face.png', AssetType: 'Image', Name: 'front' });
    expect(await portrait.getAsset({ Id })).toMatchObject({ Id, GroupId, Name: 'front', Status: 'Processing', URL: '' });

    clock += 1000;
    const { Items, TotalCount } = await portrait.listAssets({ Filter: { GroupIds: [GroupId] } });
    expect(TotalCount).toBe(1);
    expect(Items[0]).toMatchObject({ Id, Status: 'Active' });

    // The media link is on the API's origin, and the handlers open it too.
    const link = new URL(Items[0]?.URL ?? '');
    expect(link.origin).toBe('https://portrait.test');
    const media = await fetch(link, { redirect: 'manual' });
    expect(media.status).toBe(302);
    expect(media.headers.get('location')).toBe('https://cdn.example.com/face.png');
    expect(unhandled).toEqual([]);
  });

  it('rejects with the API error of the envelope', async () => {
    const error = await client().getAsset({ Id: 'asset-20260318072044-zzzzz' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortraitError);
    expect(error).toMatchObject({ code: 'NotFound', status: 404, action: 'GetAsset' });
    const unauthorized = await client('not-a-key').listAssetGroups({}).catch((e: unknown) => e);
    expect(unauthorized).toMatchObject({ code: 'Unauthorized', status: 401 });
  });

  it('answers an unknown Action in the envelope, as the gateway does', async () => {
    const reply = await fetch(`${baseUrl}/portrait/?Action=Nope&Version=${apiVersion}`, { method: 'POST', headers: { Authorization: 'Bearer demo-key', 'Content-Type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(404);
    expect(((await reply.json()) as Envelope).ResponseMetadata.Error?.Message).toBe('Unknown Action "Nope".');
  });

  it('lets a page on another origin read the reply and its headers, and answers its preflight', async () => {
    const reply = await fetch(`${baseUrl}/portrait/?Action=ListAssetGroups&Version=${apiVersion}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-key', 'Content-Type': 'application/json', Origin: 'http://app.test' },
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    expect(reply.headers.get('access-control-expose-headers')).toContain('Retry-After');

    const preflight = await fetch(`${baseUrl}/portrait/?Action=ListAssetGroups&Version=${apiVersion}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  });
});

describe('what the handlers leave alone', () => {
  it('passes on other paths of the same origin, other origins, and the path outside baseUrl', async () => {
    // Runtime handlers go first, the last used first: the Portrait handlers, then one that takes the rest.
    server.use(http.all('*', ({ request }) => HttpResponse.text(`passed on ${request.method} ${new URL(request.url).pathname}`)));
    server.use(...portraitHandlers(emulator, { baseUrl }));
    expect((await client().listAssetGroups({})).PageNumber).toBe(1);
    for (const url of [`${baseUrl}/users`, 'https://elsewhere.test/api/portrait/', 'https://portrait.test/portrait/']) {
      expect(await (await fetch(url, { method: 'POST', body: '{}' })).text()).toBe(`passed on POST ${new URL(url).pathname}`);
    }
  });

  it("passes on the page's own /media/ and /liveness/ routes, taking only the links the emulator handed out", async () => {
    server.use(http.all('*', ({ request }) => HttpResponse.text(`passed on ${request.method} ${new URL(request.url).pathname}`)));
    server.use(...portraitHandlers(emulator, { baseUrl }));
    const mine = [
      ['GET', 'https://portrait.test/media/avatar'],
      ['GET', 'https://portrait.test/liveness/welcome'],
      ['POST', 'https://portrait.test/liveness/step-1/pass'],
    ];
    for (const [method = '', url = ''] of mine) expect(await (await fetch(url, { method })).text()).toBe(`passed on ${method} ${new URL(url).pathname}`);
    const session = await client().createVisualValidateSession({ CallbackURL: 'https://app.example.com/callback' });
    const page = await fetch(session.H5Link);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).not.toContain('passed on');
  });
});

describe('faults through MSW', () => {
  it('makes a reset a network error the client sees as a dropped connection, not a 500', async () => {
    server.use(...portraitHandlers(createEmulator({ faultRate: 1, faultKinds: ['reset'] }), { baseUrl }));
    const failure = await client().listAssetGroups({}).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'PortraitConnectionError' });
  });
});

describe('a redirect through MSW', () => {
  it('is never followed: the client fails with InvalidResponse, once, and the place it points to sees nothing', async () => {
    const answered: string[] = [];
    server.use(
      http.post(`${baseUrl}/portrait/`, ({ request }) => {
        answered.push(request.url);
        return new HttpResponse(null, { status: 307, headers: { location: 'https://elsewhere.test/steal' } });
      }),
      http.all('https://elsewhere.test/*', ({ request }) => {
        answered.push(request.url);
        return HttpResponse.json({});
      }),
    );
    const error = await createPortraitClient({ apiKey: 'demo-key', baseUrl, minRetryDelayMs: 1 }).getAsset({ Id: 'a' }).catch((caught: unknown) => caught);
    expect(PortraitError.is(error, 'InvalidResponse')).toBe(true);
    expect((error as PortraitError).message).toContain('a redirect, which the client does not follow');
    // Refused by the fetch, as MSW refuses it when told to (redirect: 'error'): no status.
    expect((error as PortraitError).status).toBe(0);
    expect(answered).toEqual([`${baseUrl}/portrait/?Action=GetAsset&Version=${apiVersion}`]);
  });
});

describe('options', () => {
  it('serves the client’s default baseUrl, the document’s production gateway with its path, when given none', async () => {
    server.use(...portraitHandlers(emulator));
    const portrait = createPortraitClient({ apiKey: 'demo-key', maxRetries: 0 });
    expect(portrait.baseUrl).toBe(servers[0].url);
    expect(new URL(servers[0].url).pathname).not.toBe('/');
    expect(await portrait.listAssetGroups({})).toMatchObject({ PageNumber: 1 });
    expect(unhandled).toEqual([]);
  });

  it('refuses a baseUrl that is no http(s) URL, naming the option', () => {
    expect(() => portraitHandlers(emulator, { baseUrl: 'ftp://portrait.test' })).toThrow(new TypeError('baseUrl must be an http(s) URL, as the client takes it.'));
    expect(() => portraitHandlers(emulator, { baseUrl: 'not a url' })).toThrow(TypeError);
  });
});
