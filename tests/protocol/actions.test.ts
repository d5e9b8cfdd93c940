import { describe, expect, it } from 'vitest';
import { actionNames, actions, apiVersion, portraitDocument } from '../../src/protocol/index.js';

// The 12 Actions of the API reference, the contract this document implements.
const referenceActions = [
  'CreateVisualValidateSession',
  'GetVisualValidateResult',
  'GetAssetGroup',
  'ListAssetGroups',
  'UpdateAssetGroup',
  'DeleteAssetGroup',
  'CreateAsset',
  'GetAsset',
  'ListAssets',
  'UpdateAsset',
  'DeleteAsset',
  'CreateAssetGroup',
];

const operations = Object.entries(portraitDocument.paths).flatMap(([path, item]) =>
  Object.entries(item).flatMap(([method, operation]) => (operation ? [{ path, method, operation }] : [])),
);

describe('the Action table', () => {
  it('holds exactly the 12 Actions of the reference', () => {
    expect([...actionNames].sort()).toEqual([...referenceActions].sort());
  });

  it.each(actionNames)('%s has its path key and schema names', (action) => {
    const entry = actions[action];
    expect(entry.path).toBe(`/portrait/?Action=${action}&Version=${apiVersion}`);
    expect([entry.request, entry.result, entry.response]).toEqual([`${action}Request`, `${action}Result`, `${action}Response`]);
    for (const name of [entry.request, entry.result, entry.response]) {
      expect(portraitDocument.components.schemas).toHaveProperty(name);
    }
  });
});

describe('the bundled document', () => {
  it('is OpenAPI 3.1.0 at version 2024-01-01', () => {
    expect(portraitDocument.openapi).toBe('3.1.0');
    expect(apiVersion).toBe('2024-01-01');
  });

  it('holds exactly 12 operations, one post per Action, named after it', () => {
    expect(operations).toHaveLength(12);
    for (const { path, method, operation } of operations) {
      expect(method).toBe('post');
      expect(actions[operation.operationId as keyof typeof actions]?.path).toBe(path);
    }
  });

  it('tags every operation with one of the three groups', () => {
    const tags = new Set(operations.flatMap(({ operation }) => operation.tags));
    expect([...tags].sort()).toEqual(['Asset groups', 'Assets', 'Liveness']);
  });
});
