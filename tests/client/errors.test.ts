import { afterEach, describe, expect, it } from 'vitest';
import { createPortraitClient, PortraitError, type PortraitClient } from '../../src/client/index.js';
import { portraitDocument } from '../../src/protocol/index.js';
import { failure, startScriptedServer, success, type Script, type ScriptedServer } from '../support/scripted-server.js';

const documentedCodes = (portraitDocument.components.schemas.ErrorCode as { enum: string[] }).enum;

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(script: Script): Promise<PortraitClient> {
  server = await startScriptedServer(script);
  return createPortraitClient({ apiKey: 'test-key', baseUrl: server.url, maxRetries: 0 });
}

async function errorOf(promise: Promise<unknown>): Promise<PortraitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PortraitError)) throw new Error(`expected a PortraitError, got ${String(error)}`);
  return error;
}

describe('error mapping', () => {
  it('knows the documented codes', () => {
    expect(documentedCodes).toContain('ValidatePending');
    expect(documentedCodes.length).toBeGreaterThanOrEqual(13);
  });

  describe.each([200, 400])('with HTTP %i', (status) => {
    it.each(documentedCodes)('maps %s to a PortraitError', async (code) => {
      const client = await clientFor(() => failure('GetAsset', code, status, { CodeN: 100002 }));
      const error = await errorOf(client.getAsset({ Id: 'asset-1' }));
      expect(error).toMatchObject({ code, baseCode: code, action: 'GetAsset', status, codeN: 100002, name: 'PortraitError' });
      expect(error.requestId).toMatch(/^REQ\d+$/);
      expect(error.message).toContain(`${code} happened`);
      expect(PortraitError.is(error, code as never)).toBe(true);
    });
  });

  it('splits a suffixed code into code and base code', async () => {
    const client = await clientFor(() => failure('ListAssets', 'InvalidParameter.PageSize', 400));
    const error = await errorOf(client.listAssets({ PageSize: 100 }));
    expect(error.code).toBe('InvalidParameter.PageSize');
    expect(error.baseCode).toBe('InvalidParameter');
    expect(PortraitError.is(error, 'InvalidParameter')).toBe(true);
    expect(PortraitError.is(error, 'MissingParameter')).toBe(false);
  });

  it('treats an error with HTTP 200 as an error even beside a Result', async () => {
    const client = await clientFor(() => {
      const reply = failure('GetAsset', 'NotFound');
      return { body: { ...reply.body, Result: { Id: 'asset-1' } } };
    });
    expect((await errorOf(client.getAsset({ Id: 'asset-1' }))).code).toBe('NotFound');
  });

  it.each([
    ['an HTML 502', { raw: '<html>Bad gateway</html>', status: 502, contentType: 'text/html' }, 502],
    ['an empty 200', { raw: '', status: 200, contentType: 'application/json' }, 200],
    ['a 200 without Result', { raw: '{"ResponseMetadata":{"RequestId":"R"}}', status: 200, contentType: 'application/json' }, 200],
    ['a 500 envelope without Error', { raw: '{"ResponseMetadata":{"RequestId":"R"}}', status: 500, contentType: 'application/json' }, 500],
  ] as const)('turns %s into an InvalidResponse PortraitError with its status', async (_, reply, status) => {
    const client = await clientFor(() => reply);
    const error = await errorOf(client.getAsset({ Id: 'asset-1' }));
    expect(error).toMatchObject({ code: 'InvalidResponse', status, action: 'GetAsset' });
  });

  it('returns the Result with its metadata on success', async () => {
    const client = await clientFor(() => success('CreateAssetGroup', { Id: 'group-1' }));
    const result = await client.createAssetGroup({ Name: 'avatar-001' });
    expect(result).toEqual({ Id: 'group-1' });
    expect(result.$metadata).toMatchObject({ action: 'CreateAssetGroup', httpStatus: 200, attempts: 1, totalRetryDelayMs: 0 });
    expect(result.$metadata.requestId).toMatch(/^REQ\d+$/);
    expect(JSON.stringify(result)).toBe('{"Id":"group-1"}');
  });

  it('sends the Action, the Bearer key, the JSON body and the project name', async () => {
    server = await startScriptedServer(() => success('ListAssets', { Items: [], TotalCount: 0, PageNumber: 1, PageSize: 10 }));
    const client = createPortraitClient({ apiKey: 'test-key', baseUrl: `${server.url}/`, projectName: 'marketing' });
    await client.listAssets();
    await client.call('ListAssets', { ProjectName: 'other' });
    const [first, second] = server.received;
    expect(first).toMatchObject({ method: 'POST', action: 'ListAssets', body: { ProjectName: 'marketing' } });
    expect(first?.headers.authorization).toBe('Bearer test-key');
    expect(first?.headers['content-type']).toBe('application/json');
    expect(second?.body).toEqual({ ProjectName: 'other' });
  });

  it('refuses to start without an API key', () => {
    expect(() => createPortraitClient({ apiKey: ' ' })).toThrow(/apiKey/);
  });
});
