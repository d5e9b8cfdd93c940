// Every Action through the client, over a real socket, against the Action-aware Prism mock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortraitClient, PortraitError, type PortraitClient } from '../../src/client/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { actionNames, describeIssues, validateResult } from '../../src/protocol/index.js';
import { firstRequestExample } from '../support/examples.js';

let mock: RunningMock;
let client: PortraitClient;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
  client = createPortraitClient({ apiKey: 'test-key', baseUrl: mock.url, maxRetries: 0 });
});
afterAll(() => mock.close());

/** A client whose every request asks the mock for the example `name`. */
function preferring(name: string) {
  return createPortraitClient({
    apiKey: 'test-key',
    baseUrl: mock.url,
    maxRetries: 0,
    fetch: (request) => {
      request.headers.set('Prefer', `example=${name}`);
      return fetch(request);
    },
  });
}

describe.each(actionNames)('%s', (action) => {
  it('resolves to a Result the spec accepts, with its RequestId', async () => {
    const result = await client.call(action, firstRequestExample(action) as never);
    const check = validateResult(action, result);
    expect(check.valid ? '' : describeIssues(check.issues)).toBe('');
    expect(result.$metadata).toMatchObject({ action, httpStatus: 200, attempts: 1 });
    expect(result.$metadata.requestId).toMatch(/^[0-9A-F]{32}$/);
  });
});

describe('errors from the mock', () => {
  it('maps an error sent with HTTP 200', async () => {
    const error = await preferring('validatePending')
      .getVisualValidateResult({ BytedToken: '20260516170000EXAMPLE' })
      .catch((e: unknown) => e);
    expect(PortraitError.is(error, 'ValidatePending')).toBe(true);
    expect(error).toMatchObject({ status: 200, action: 'GetVisualValidateResult' });
  });

  it('maps an error sent with HTTP 403', async () => {
    const error = await preferring('aigcNotAvailable').createAssetGroup({ Name: 'avatar-001' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AIGCNotAvailable', status: 403, action: 'CreateAssetGroup' });
    expect((error as PortraitError).requestId).toMatch(/^[0-9A-F]{32}$/);
  });

  it('maps the mock’s own answer to a bad body', async () => {
    const error = await client.getAsset({ Id: 'not-an-asset-id' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidParameter.Id', baseCode: 'InvalidParameter', status: 400 });
  });

  it('maps a missing key to Unauthorized', async () => {
    const anonymous = createPortraitClient({
      apiKey: 'test-key',
      baseUrl: mock.url,
      fetch: (request) => {
        request.headers.delete('Authorization');
        return fetch(request);
      },
    });
    await expect(anonymous.listAssets()).rejects.toMatchObject({ code: 'Unauthorized', status: 401 });
  });
});
