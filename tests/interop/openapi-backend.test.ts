// Another team's router: openapi-backend, given the single-endpoint view, routes every Action to
// its one operation, validates the query and the body on the way in (the body against any Action's
// request: which request goes with which Action, PortraitCall says, and a router does not check),
// and here passes each call on to the emulator. It reads only OpenAPI 3.0 (a 3.1 document fails its
// definition check), so it gets the 3.0.3 view; and it strips a request's trailing slash but not
// the document's, so it runs with `ignoreTrailingSlashes: false` (the README says so).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Context, type Document, type Request as RoutedRequest } from 'openapi-backend';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { actionNames, apiVersion, protocol, validateSchema } from '../../src/protocol/index.js';
import { callEveryAction } from './every-action.js';

const view = async (file: string) => JSON.parse(await readFile(join(projectRoot, 'generated', file), 'utf8')) as Document;
const headers = { 'content-type': 'application/json', authorization: 'Bearer demo-key' };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, processingDelayMs: 0 });
});
afterAll(() => emulator?.close());

interface Routed {
  status: number;
  envelope: unknown;
  operationId?: string;
}

async function router() {
  const api = new OpenAPIBackend({
    definition: await view('portrait.single-endpoint.openapi.3.0.json'),
    strict: true,
    ignoreTrailingSlashes: false,
    // Its AJV knows no formats by itself: `uri` and `date-time` would be skipped, with a warning each.
    customizeAjv: (ajv) => addFormats.default(ajv),
  });
  api.register({
    callAction: async (context: Context): Promise<Routed> => {
      const query = new URLSearchParams(context.request.query as Record<string, string>);
      const reply = await fetch(`${emulator.url}${context.request.path}?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: String(context.request.headers.authorization) },
        body: JSON.stringify(context.request.requestBody),
      });
      return { status: reply.status, envelope: await reply.json(), operationId: context.operation.operationId ?? '' };
    },
    validationFail: (context: Context): Routed => ({ status: 400, envelope: context.validation.errors }),
    unauthorizedHandler: (): Routed => ({ status: 401, envelope: 'no bearer token' }),
    notFound: (): Routed => ({ status: 404, envelope: 'no route' }),
  });
  // What the document's bearer scheme asks of a request; the emulator then judges the key itself.
  api.registerSecurityHandler('bearerAuth', (context: Context) => /^Bearer \S+$/.test(String(context.request.headers.authorization ?? '')));
  await api.init();
  return (request: RoutedRequest) => api.handleRequest(request) as Promise<Routed>;
}

it('routes all 12 Actions of the single-endpoint view to its one operation', async () => {
  const route = await router();
  const operations: string[] = [];
  const called = await callEveryAction(async (action, body) => {
    const routed = await route({ method: 'POST', path: protocol.endpoint, query: { Action: action, Version: apiVersion }, body, headers });
    operations.push(routed.operationId ?? '');
    return routed;
  });
  expect(called).toEqual(expect.arrayContaining(actionNames));
  expect(new Set(operations)).toEqual(new Set(['callAction']));
}, 120_000);

it('refuses an unknown Action, a wrong Version and a body no Action takes before any call is made', async () => {
  const route = await router();
  const refused = async (query: Record<string, string>, body: object) => (await route({ method: 'POST', path: protocol.endpoint, query, body, headers })).status;
  expect(await refused({ Action: 'DropDatabase', Version: apiVersion }, {})).toBe(400);
  expect(await refused({ Action: 'GetAsset', Version: '2023-01-01' }, { Id: 'asset-1' })).toBe(400);
  expect(await refused({ Action: 'GetAsset', Version: apiVersion }, { Id: 1, Surprise: true })).toBe(400);
  expect((await route({ method: 'POST', path: protocol.endpoint, query: { Action: 'GetAsset', Version: apiVersion }, body: { Id: 'asset-1' }, headers: {} })).status).toBe(401);
});

it('takes a body that is some other Action\'s request: pairing them is PortraitCall\'s job, as the README says', async () => {
  const route = await router();
  const mismatched = await route({ method: 'POST', path: protocol.endpoint, query: { Action: 'DeleteAsset', Version: apiVersion }, body: { Name: 'x' }, headers });
  // Past the router; the emulator then refuses it with the Action's own schema.
  expect(mismatched.operationId).toBe('callAction');
  expect(mismatched.status).toBe(400);
  expect(validateSchema('PortraitCall', { Action: 'DeleteAsset', Version: apiVersion, Body: { Name: 'x' } }).valid).toBe(false);
});

it('reads only OpenAPI 3.0: the 3.1 view is refused, which is why routers get the 3.0.3 view', async () => {
  const api = new OpenAPIBackend({ definition: await view('portrait.single-endpoint.openapi.json'), strict: true });
  await expect(api.init()).rejects.toThrow(/not valid OpenAPI/);
});
