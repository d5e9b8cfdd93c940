// The checks read their edge values from the document's request schemas, not from literals.
import { describe, expect, it } from 'vitest';
import { overMaximum } from '../../src/contract/request-schemas.js';
import { portraitDocument, requestProperty, schemaNamed } from '../../src/protocol/index.js';

const pageSize = schemaNamed(portraitDocument, 'PageSize');

describe('request schemas as the checks read them', () => {
  it('give one past the maximum of a property, its $ref followed', () => {
    expect(pageSize?.maximum).toBeTypeOf('number');
    expect(overMaximum('ListAssets', 'PageSize')).toBe(Number(pageSize?.maximum) + 1);
    expect(overMaximum('ListAssetGroups', 'PageSize')).toBe(Number(pageSize?.maximum) + 1);
  });

  it('give the default the server applies', () => {
    expect(requestProperty('CreateAssetGroup', 'ProjectName').default).toBe(schemaNamed(portraitDocument, 'ProjectName')?.default);
  });

  it('say which property has no maximum', () => {
    expect(() => overMaximum('ListAssets', 'SortBy')).toThrow('the document sets no maximum for ListAssets SortBy');
  });
});
