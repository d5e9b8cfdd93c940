import { describe, expect, it } from 'vitest';
import { assetUri, parseLivenessCallback, PortraitClientError } from '../../src/client/index.js';

describe('parseLivenessCallback', () => {
  const url = 'https://www.example.com/portrait/callback?bytedToken=20260516170000EXAMPLE&resultCode=10000&extra=1';

  it.each([
    ['a whole URL', url],
    ['a URL object', new URL(url)],
    ['its query string', '?bytedToken=20260516170000EXAMPLE&resultCode=10000'],
    ['a query without ?', 'bytedToken=20260516170000EXAMPLE&resultCode=10000'],
    ['a path and query', '/portrait/callback?bytedToken=20260516170000EXAMPLE&resultCode=10000'],
    ['URLSearchParams', new URLSearchParams({ bytedToken: '20260516170000EXAMPLE', resultCode: '10000' })],
  ])('reads %s', (_, input) => {
    expect(parseLivenessCallback(input)).toEqual({ bytedToken: '20260516170000EXAMPLE', resultCode: '10000', passed: true });
  });

  it('reports a failed check', () => {
    expect(parseLivenessCallback('?bytedToken=t&resultCode=10001')).toEqual({ bytedToken: 't', resultCode: '10001', passed: false });
    expect(parseLivenessCallback('?bytedToken=t').passed).toBe(false);
  });

  it('refuses a callback without bytedToken', () => {
    expect(() => parseLivenessCallback('https://example.com/cb?resultCode=10000')).toThrow(PortraitClientError);
  });
});

describe('assetUri', () => {
  it('gives asset://<id> for an asset id', () => {
    expect(assetUri('asset-20260318035710-xxxxx')).toBe('asset://asset-20260318035710-xxxxx');
  });

  it.each(['group-20260518163348-xtzxl', '', 'asset-', 'asset-a/b', ' asset-1'])('refuses %j', (id) => {
    expect(() => assetUri(id)).toThrow(PortraitClientError);
  });
});
