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

  it("reads the upstream's whole callback query, and takes any resultCode but 10000 as not passed", () => {
    const upstream = '?bytedToken=t&resultCode=10000&algorithmBaseRespCode=0&reqMeasureInfoValue=1&verify_type=real_time';
    expect(parseLivenessCallback(upstream)).toEqual({ bytedToken: 't', resultCode: '10000', algorithmBaseRespCode: '0', reqMeasureInfoValue: '1', verify_type: 'real_time', passed: true });
    // The upstream calls every other value an error code, without listing them.
    for (const code of ['10001', '20003', '50000', '0', '']) {
      expect(parseLivenessCallback(`?bytedToken=t&resultCode=${code}&algorithmBaseRespCode=1003`)).toMatchObject({ resultCode: code, algorithmBaseRespCode: '1003', passed: false });
    }
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
