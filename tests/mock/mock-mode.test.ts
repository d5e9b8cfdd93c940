import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { actionNames, validateReply, validateSchema } from '../../src/protocol/index.js';
import { actionUrl, envelope, firstRequestExample, post } from './calls.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});

describe('every Action answers its first success example', () => {
  it.each(actionNames)('%s', async (action) => {
    const reply = await post(actionUrl(mock.url, action), JSON.stringify(firstRequestExample(action)));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.headers.get('sl-violations')).toBeNull();
    expect(validateReply(action, 200, reply.body)).toEqual({ valid: true });
    expect(envelope(reply).ResponseMetadata.Action).toBe(action);
    expect(envelope(reply).ResponseMetadata.Error).toBeUndefined();
  });

  it('stamps a fresh RequestId on every answer', async () => {
    const body = JSON.stringify(firstRequestExample('GetAsset'));
    const first = await post(actionUrl(mock.url, 'GetAsset'), body);
    const second = await post(actionUrl(mock.url, 'GetAsset'), body);
    expect(envelope(first).ResponseMetadata.RequestId).toMatch(/^[0-9A-F]{32}$/);
    expect(envelope(first).ResponseMetadata.RequestId).not.toBe(envelope(second).ResponseMetadata.RequestId);
  });
});

describe('a body Prism finds invalid', () => {
  it('answers 400 with the field the gateway would name, and keeps the violations', async () => {
    const reply = await post(actionUrl(mock.url, 'GetAsset'), '{}');
    expect(reply.status).toBe(400);
    const violations = JSON.parse(reply.headers.get('sl-violations') ?? 'null') as { location: string[]; severity: string }[];
    expect(violations).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'Error' })]));
    expect(violations[0]?.location[0]).toBe('request');
    expect(envelope(reply).ResponseMetadata.Error?.Code).toBe('MissingParameter.Id');
    expect(envelope(reply).ResponseMetadata.Action).toBe('GetAsset');
    expect(validateReply('GetAsset', 400, reply.body)).toEqual({ valid: true });
  });

  it('names an out-of-range field as InvalidParameter.<Field>', async () => {
    const reply = await post(actionUrl(mock.url, 'ListAssets'), JSON.stringify({ PageSize: 500 }));
    expect(reply.status).toBe(400);
    expect(envelope(reply).ResponseMetadata.Error?.Code).toBe('InvalidParameter.PageSize');
    expect(envelope(reply).ResponseMetadata.Action).toBe('ListAssets');
    expect(validateReply('ListAssets', 400, reply.body)).toEqual({ valid: true });
  });

  it('refuses a body sent as another media type, saying which one it needs', async () => {
    const reply = await post(actionUrl(mock.url, 'GetAsset'), JSON.stringify(firstRequestExample('GetAsset')), {
      'content-type': 'text/plain',
    });
    expect(reply.status).toBe(400);
    expect(envelope(reply).ResponseMetadata.Error?.Code).toBe('InvalidParameter');
    expect(envelope(reply).ResponseMetadata.Error?.Message).toBe('The body must be sent as Content-Type: application/json, not "text/plain".');
  });
});

describe('Prefer: example=<name>', () => {
  it('picks another 200 example, here an error delivered with HTTP 200', async () => {
    const action = 'GetVisualValidateResult';
    const reply = await post(actionUrl(mock.url, action), JSON.stringify(firstRequestExample(action)), {
      prefer: 'example=validatePending',
    });
    expect(reply.status).toBe(200);
    expect(envelope(reply).ResponseMetadata.Error?.Code).toBe('ValidatePending');
    expect(validateReply(action, 200, reply.body)).toEqual({ valid: true });
  });

  it('finds the status that holds the example', async () => {
    const action = 'CreateAssetGroup';
    const reply = await post(actionUrl(mock.url, action), JSON.stringify(firstRequestExample(action)), {
      prefer: 'example=aigcNotAvailable',
    });
    expect(reply.status).toBe(403);
    expect(envelope(reply).ResponseMetadata.Error?.Code).toBe('AIGCNotAvailable');
    expect(validateReply(action, 403, reply.body)).toEqual({ valid: true });
  });

  it('finds examples in shared responses and stamps the Action called', async () => {
    const action = 'CreateAsset';
    const reply = await post(actionUrl(mock.url, action), JSON.stringify(firstRequestExample(action)), {
      prefer: 'example=rateLimitExceeded',
    });
    expect(reply.status).toBe(429);
    expect(envelope(reply).ResponseMetadata.Action).toBe(action);
    expect(validateReply(action, 429, reply.body)).toEqual({ valid: true });
  });

  it('refuses an unknown example name and lists the known ones', async () => {
    const action = 'CreateAsset';
    const reply = await post(actionUrl(mock.url, action), JSON.stringify(firstRequestExample(action)), {
      prefer: 'example=noSuchExample',
    });
    expect(reply.status).toBe(400);
    expect(validateSchema('ErrorResponse', reply.body)).toEqual({ valid: true });
    expect(envelope(reply).ResponseMetadata.Error?.Code).toBe('InvalidParameter');
    expect(envelope(reply).ResponseMetadata.Error?.Message).toContain('noSuchExample');
    expect(envelope(reply).ResponseMetadata.Error?.Message).toContain('quotaExceeded');
  });

  it('echoes an unknown name cut to 64 characters, as every echo of a request is', async () => {
    const action = 'GetAsset';
    const reply = await post(actionUrl(mock.url, action), JSON.stringify(firstRequestExample(action)), {
      prefer: `example=${'x'.repeat(8_000)}`,
    });
    expect(reply.status).toBe(400);
    const message = envelope(reply).ResponseMetadata.Error?.Message ?? '';
    expect(message).toContain(`"${'x'.repeat(64)}…"`);
    expect(message).not.toContain('x'.repeat(65));
  });
});
