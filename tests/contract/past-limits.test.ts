// The checks read their edge values from the document's request schemas, not from literals.
import { describe, expect, it } from 'vitest';
import { overMaximum } from '../../src/contract/past-limits.js';
import { requestProperty } from '../../src/protocol/index.js';

describe('request schemas as the checks read them', () => {
  it('give one past the maximum of a property, its $ref followed', () => {
    expect(overMaximum('ListAssets', 'PageSize')).toBe(101);
    expect(overMaximum('ListAssetGroups', 'PageSize')).toBe(101);
  });

  it('give the default the server applies', () => {
    expect(requestProperty('CreateAssetGroup', 'ProjectName').default).toBe('default');
  });

  it('say which property has no maximum', () => {
    expect(() => overMaximum('ListAssets', 'SortBy')).toThrow('the document sets no maximum for ListAssets SortBy');
  });
});
