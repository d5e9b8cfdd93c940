import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/codegen/generate.js';
import { findBreakingChanges } from '../../src/spec/breaking-changes.js';

type Json = Record<string, any>;
const load = (path: string): Json => JSON.parse(readFileSync(join(projectRoot, path), 'utf8'));
const released = load('openapi/released/portrait.openapi.json');
const current = load('generated/portrait.openapi.json');

/** The current document with one edit. */
function changed(edit: (document: Json) => void): Json {
  const copy = structuredClone(current);
  edit(copy);
  return copy;
}

const schemas = (document: Json) => document.components.schemas;
const path = (action: string) => `/portrait/?Action=${action}&Version=2024-01-01`;

it('finds nothing that breaks clients of the last release', () => {
  expect(findBreakingChanges(released, current)).toEqual([]);
});

describe('reports', () => {
  it.each([
    ['a removed Action', (d: Json) => delete d.paths[path('DeleteAsset')], { action: 'DeleteAsset', change: 'the Action was removed' }],
    ['a removed response field', (d: Json) => delete schemas(d).AssetItem.properties.URL, { action: 'GetAsset', where: 'response Result.URL' }],
    ['a response field made optional', (d: Json) => (schemas(d).AssetItem.required = ['Id']), { action: 'GetAsset', change: 'the field is no longer always present' }],
    ['a retyped response field', (d: Json) => (schemas(d).ListAssetsResult.properties.TotalCount = { type: 'string' }), { action: 'ListAssets', where: 'response Result.TotalCount' }],
    ['a retyped nested response field', (d: Json) => (schemas(d).AssetItem.properties.Status = { type: 'integer' }), { action: 'ListAssets', where: 'response Result.Items[].Status' }],
    ['a newly required request field', (d: Json) => schemas(d).CreateAssetRequest.required.push('Name'), { action: 'CreateAsset', where: 'request Name', change: 'the field is newly required' }],
    ['a new required request field', (d: Json) => {
      schemas(d).GetAssetRequest.properties.Region = { type: 'string' };
      schemas(d).GetAssetRequest.required.push('Region');
    }, { action: 'GetAsset', where: 'request Region' }],
    ['a narrowed request enum', (d: Json) => (schemas(d).AssetType.enum = ['Image', 'Video']), { action: 'CreateAsset', where: 'request AssetType', change: 'the enum no longer accepts "Audio"' }],
    ['a narrowed nested request enum', (d: Json) => (schemas(d).AssetStatus.enum = ['Active', 'Failed']), { action: 'ListAssets', where: 'request Filter.Statuses[]' }],
    ['a removed request field', (d: Json) => delete schemas(d).ListAssetsRequest.properties.SortBy, { action: 'ListAssets', where: 'request SortBy', change: 'the field was removed' }],
    ['a tightened request limit', (d: Json) => (schemas(d).PageSize.maximum = 50), { action: 'ListAssets', change: 'maximum tightened from 100 to 50' }],
  ])('%s', (_, edit, expected) => {
    expect(findBreakingChanges(released, changed(edit))).toContainEqual(expect.objectContaining(expected));
  });
});

describe('accepts', () => {
  it.each([
    ['a new optional request field', (d: Json) => (schemas(d).GetAssetRequest.properties.Verbose = { type: 'boolean' })],
    ['a new response field', (d: Json) => (schemas(d).AssetItem.properties.Moderation = { type: 'object' })],
    ['a wider request enum', (d: Json) => (schemas(d).AssetType.enum = ['Image', 'Video', 'Audio', 'Model'])],
    ['a looser request limit', (d: Json) => (schemas(d).Name.maxLength = 128)],
    ['a new Action', (d: Json) => (d.paths[path('CopyAsset')] = d.paths[path('GetAsset')])],
    ['new descriptions and examples', (d: Json) => {
      d.paths[path('GetAsset')].post.description = 'Reworded.';
      schemas(d).AssetItem.properties.Name.examples = ['side-face'];
    }],
  ])('%s', (_, edit) => {
    expect(findBreakingChanges(released, changed(edit))).toEqual([]);
  });
});
