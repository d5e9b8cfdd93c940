// The two judges must agree: one corpus sent to the Prism mock and to the emulator, and for every
// request both can judge without state (the gateway's checks and the request schemas), the same
// HTTP status and the same error code. Where the emulator's answer depends on its state (an id it
// does not hold is NotFound; the mock answers an example), the mock must not refuse the request.
// The corpus: schema-generated valid and invalid bodies for every Action (FUZZ_RUNS of each), and
// raw-HTTP edge cases of methods, paths, queries, keys, content types, bodies and numbers.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { brokenBody, validBody } from '../../src/contract/request-bodies.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { actionNames, apiVersion, protocol } from '../../src/protocol/index.js';

// 15 bodies per Action and kind in `npm test`, 200 in `npm run test:long`.
const runs = Math.max(15, Math.round(Number(process.env.FUZZ_RUNS ?? 75) / 5));
const key = 'demo-key';

interface Probe {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

let mock: RunningMock;
let emulator: RunningEmulator;
beforeAll(async () => {
  [mock, emulator] = await Promise.all([startMock({ port: 0 }), startEmulator({ port: 0, processingDelayMs: 0, rateLimits: false })]);
}, 120_000);
afterAll(async () => {
  await Promise.all([mock?.close(), emulator?.close()]);
});

const endpoint = (action: string) => `${protocol.endpoint}?Action=${action}&Version=${apiVersion}`;

async function judge(base: string, probe: Probe): Promise<{ status: number; code: string }> {
  const response = await fetch(`${base}${probe.path ?? endpoint('ListAssets')}`, {
    method: probe.method ?? 'POST',
    headers: probe.headers ?? { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(probe.body === undefined ? {} : { body: probe.body as BodyInit }),
  });
  const text = await response.text();
  let code = '';
  try {
    code = (JSON.parse(text) as { ResponseMetadata?: { Error?: { Code?: string } } }).ResponseMetadata?.Error?.Code ?? '';
  } catch {
    code = '(not JSON)';
  }
  return { status: response.status, code };
}

/** A refusal either judge makes from the request alone: the gateway's, or a request schema's. */
function statelessRefusal({ status, code }: { status: number; code: string }): boolean {
  return [400, 401, 405, 413].includes(status) || code === 'InvalidActionOrVersion';
}

function rawProbes(): Probe[] {
  const json = { 'content-type': 'application/json' };
  const auth = { authorization: `Bearer ${key}` };
  const probes: Probe[] = [];
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) probes.push({ name: `${method} on the endpoint`, method, headers: { ...auth, ...json } });
  for (const path of ['/', '/favicon.ico', '/other/', '/portrait/extra', `/portrait?Action=ListAssets&Version=${apiVersion}`]) {
    probes.push({ name: `POST ${path}`, path, body: '{}' }, { name: `GET ${path}`, path, method: 'GET' });
  }
  for (const query of ['', 'Action=', `Action=Nope&Version=${apiVersion}`, `action=ListAssets&version=${apiVersion}`, 'Action=ListAssets', 'Action=ListAssets&Version=2023-01-01',
    `Action=ListAssets&Action=GetAsset&Version=${apiVersion}`, `Action=ListAssets&Version=${apiVersion}&Version=${apiVersion}`, `Action=ListAssets&Version=${apiVersion}&Extra=1`, `Action=List%41ssets&Version=${apiVersion}`]) {
    probes.push({ name: `query ?${query}`, path: `${protocol.endpoint}?${query}`, body: '{}' });
  }
  for (const authorization of [undefined, 'Basic ZGVtbzprZXk=', 'Bearer', 'Bearer ', `bearer ${key}`, `BEARER ${key}`, `Bearer  ${key}`, `Bearer ${key} extra`, `Token ${key}`]) {
    probes.push({ name: `Authorization ${String(authorization)}`, headers: { ...json, ...(authorization === undefined ? {} : { authorization }) }, body: '{}' });
  }
  for (const type of [undefined, 'text/plain', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/merge-patch+json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
    probes.push({ name: `Content-Type ${String(type)}`, headers: { ...auth, ...(type === undefined ? {} : { 'content-type': type }) }, body: new TextEncoder().encode('{}') });
  }
  for (const body of ['', ' ', 'null', '[]', '"x"', '7', '{', '{"PageNumber":}', '{"PageNumber":1e400}', '{"PageSize":-1e400}', '{"PageNumber":1.0}', '{"PageSize":1e1}',
    '{"PageNumber":-0}', '{"PageNumber":1.5}', '{"PageNumber":"1"}', '{"PageSize":101}', '{"PageSize":0}', '{"Filter":null}', '{"Filter":{"Statuses":["Active","Active"]}}',
    '{"Filter":{"GroupIds":[]}}', '{"__proto__":{}}', '{"PageNumber":1,"PageNumber":2}', `{"Filter":${'['.repeat(40)}${']'.repeat(40)}}`]) {
    probes.push({ name: `body ${body.slice(0, 60)}`, body });
  }
  probes.push({ name: 'a body of 1 MiB and one byte', body: new Uint8Array(protocol.maxBodyBytes + 1).fill(0x20) });
  // URLs that `format: uri` lets through and a browser cannot open (see the one documented difference below).
  for (const url of ['http://example.com:99999/cb', 'https://', 'javascript:alert(1)', 'http://user:pw@example.com/cb', 'http://[::1]:8080/cb', 'https://example.com:443/cb?x=1#f']) {
    probes.push({ name: `CallbackURL ${url}`, path: endpoint('CreateVisualValidateSession'), body: JSON.stringify({ CallbackURL: url }) });
    probes.push({ name: `asset URL ${url}`, path: endpoint('CreateAsset'), body: JSON.stringify({ GroupId: 'group-20260518163348-xtzxl', URL: url, AssetType: 'Image' }) });
  }
  return probes;
}

function bodyProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const action of actionNames) {
    const valid = fc.sample(validBody(action), { numRuns: runs, seed: 7 });
    const broken = fc.sample(brokenBody(action), { numRuns: runs, seed: 7 });
    for (const body of valid) probes.push({ name: `${action} valid ${JSON.stringify(body).slice(0, 80)}`, path: endpoint(action), body: JSON.stringify(body) });
    for (const { text, how } of broken) probes.push({ name: `${action} ${how}: ${text.slice(0, 80)}`, path: endpoint(action), body: text });
  }
  return probes;
}

/**
 * The one difference the README documents: the mock judges a CallbackURL by the document
 * (`format: uri`), the emulator also by whether a browser can open it, since its H5 page sends
 * the browser there.
 */
function documentedDifference(probe: Probe, byMock: { status: number }, byEmulator: { code: string }): boolean {
  return probe.name.startsWith('CallbackURL ') && byMock.status === 200 && byEmulator.code === 'InvalidParameter.CallbackURL';
}

it('the mock and the emulator judge every request alike', async () => {
  const disagreements: string[] = [];
  const documented: string[] = [];
  let compared = 0;
  for (const probe of [...rawProbes(), ...bodyProbes()]) {
    const [byMock, byEmulator] = await Promise.all([judge(mock.url, probe), judge(emulator.url, probe)]);
    compared++;
    const mockRefused = statelessRefusal(byMock);
    const emulatorRefused = statelessRefusal(byEmulator);
    // Both refused: the same refusal. Neither refused: both took the request (its outcome may depend on state).
    const agree = mockRefused || emulatorRefused ? byMock.status === byEmulator.status && byMock.code === byEmulator.code : true;
    if (agree) continue;
    if (documentedDifference(probe, byMock, byEmulator)) documented.push(probe.name);
    else disagreements.push(`${probe.name}: mock ${byMock.status} ${byMock.code}, emulator ${byEmulator.status} ${byEmulator.code}`);
  }
  expect(compared).toBeGreaterThan(100);
  expect(disagreements).toEqual([]);
  expect(documented).toEqual(['CallbackURL http://example.com:99999/cb', 'CallbackURL https://']);
}, 120_000);
