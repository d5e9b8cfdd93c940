// Every fact a server is judged on says where it comes from (x-portrait-source): `npm run
// generate` refuses a document where one does not, the validators' issues are graded by it, and the
// docs show what is assumed.
import { describe, expect, it } from 'vitest';
import { renderProtocol } from '../../scripts/codegen/render-generated.js';
import { assumptionsTable, withAssumptionsShown } from '../../scripts/site/assumed-facts.js';
import { actionNames, actions, apiVersion, facts, issueSource, portraitDocument, schemaNamed, sourceNames, validateReply, validateRequest, type OpenApiDocument, type ValidationResult } from '../../src/protocol/index.js';

type Json = Record<string, any>;

/** The bundled document with one edit. */
function edited(edit: (document: Json) => void): OpenApiDocument {
  const copy = structuredClone(portraitDocument) as unknown as Json;
  edit(copy);
  return copy as unknown as OpenApiDocument;
}

describe('npm run generate refuses a judged fact without a source', () => {
  it('renders the document as it is', () => {
    expect(() => renderProtocol(portraitDocument)).not.toThrow();
  });

  it.each([
    ['a schema', (d: Json) => delete d.components.schemas.AssetItem['x-portrait-source'], /components\.schemas\.AssetItem has no x-portrait-source/],
    ['an error code', (d: Json) => delete d.components.schemas.ErrorCode['x-portrait-errors'].NotFound['x-portrait-source'], /x-portrait-errors\.NotFound has no x-portrait-source/],
    ['a rule of x-portrait-protocol', (d: Json) => delete d['x-portrait-protocol'].maxBodyBytes['x-portrait-source'], /x-portrait-protocol\.maxBodyBytes has no x-portrait-source/],
    ['a behaviour', (d: Json) => delete d['x-portrait-behaviours'].nonMediaUrl['x-portrait-source'], /x-portrait-behaviours\.nonMediaUrl has no x-portrait-source/],
    ['a rate limit', (d: Json) => delete d.paths[actions.GetAsset.path].post['x-portrait-rate-limit']['x-portrait-source'], /GetAsset x-portrait-rate-limit has no x-portrait-source/],
    ['a source that is none of the three', (d: Json) => (d.components.schemas.Name['x-portrait-source'] = 'folklore'), /x-portrait-source must be one of reference, upstream, assumed/],
    ['an exception for a keyword the schema lacks', (d: Json) => (d.components.schemas.Name['x-portrait-source-except'].pattern = 'assumed'), /x-portrait-source-except names pattern, which is not there/],
  ])('%s', (_, edit, message) => {
    expect(() => renderProtocol(edited(edit))).toThrow(message);
  });

  it('gives every named fact one of the three sources, and names them all', () => {
    for (const [name, fact] of Object.entries(facts)) expect(sourceNames, name).toContain(fact.source);
    for (const action of actionNames) expect(Object.keys(facts)).toContain(`rateLimits.${action}`);
    expect(Object.keys(facts)).toEqual(expect.arrayContaining(['protocol.unknownFields', 'behaviours.nonMediaUrl', 'errors.QuotaExceeded', 'errors.QuotaExceeded.status']));
  });
});

/** The source of the one issue `result` reports. */
function sourceOfIssue(result: ValidationResult) {
  if (result.valid) throw new Error('expected an invalid value');
  expect(result.issues).toHaveLength(1);
  const [issue] = result.issues;
  return issueSource(portraitDocument, result.schema, issue ?? { path: '', keyword: '' });
}

const metadata = { RequestId: 'R', Action: 'GetAsset', Version: apiVersion };
const asset = { Id: 'asset-1', GroupId: 'group-1', Name: 'n', AssetType: 'Image', Status: 'Active', URL: 'https://x', CreateTime: '2026-03-18T07:20:30Z', UpdateTime: '2026-03-18T07:20:30Z' };

describe('a validation issue is graded by the source of the fact it breaks', () => {
  it.each([
    ["an id off the pattern, the toolkit's", validateRequest('GetAsset', { Id: 'asset-with a space' }), 'assumed'],
    ["an empty name, refused by the toolkit's choice", validateRequest('UpdateAsset', { Id: 'asset-1', Name: '' }), 'assumed'],
    ["a name over 64 characters, the upstream's limit", validateRequest('UpdateAsset', { Id: 'asset-1', Name: 'x'.repeat(65) }), 'upstream'],
    ['an unknown field', validateRequest('ListAssets', { Colour: 'red' }), 'assumed'],
    ["a missing Id, the reference's", validateRequest('GetAsset', {}), 'reference'],
    ["a PageSize over 100, the upstream's", validateRequest('ListAssets', { PageSize: 101 }), 'upstream'],
    ['an unknown Moderation strategy', validateRequest('CreateAsset', { GroupId: 'group-1', URL: 'https://e.com/a.png', AssetType: 'Image', Moderation: { Strategy: 'Off' } }), 'upstream'],
    // Its presence is the reference's (AssetItem's required), though what URL holds is the upstream's.
    ["a reply without the asset's URL", validateReply('GetAsset', 200, { ResponseMetadata: metadata, Result: { ...asset, URL: undefined } }), 'reference'],
    ["a reply with an asset's URL that is no string", validateReply('GetAsset', 200, { ResponseMetadata: metadata, Result: { ...asset, URL: 42 } }), 'upstream'],
    ['an error status without Error, through the allOf that requires it', validateReply('GetAsset', 404, { ResponseMetadata: metadata }), 'upstream'],
    ["a reply without the asset's Status", validateReply('GetAsset', 200, { ResponseMetadata: metadata, Result: { ...asset, Status: undefined } }), 'reference'],
    ['a reply with an unknown Status', validateReply('GetAsset', 200, { ResponseMetadata: metadata, Result: { ...asset, Status: 'Ready' } }), 'reference'],
    ['a reply without a RequestId', validateReply('GetAsset', 200, { ResponseMetadata: { ...metadata, RequestId: undefined }, Result: asset }), 'upstream'],
    ['an error reply with a Result too', validateReply('GetAsset', 404, { ResponseMetadata: { ...metadata, Error: { Code: 'NotFound', Message: 'm' } }, Result: {} }), 'upstream'],
    ['an HTTP status the document does not list for the Action', validateReply('GetAsset', 409, { ResponseMetadata: { ...metadata, Error: { Code: 'Conflict', Message: 'm' } } }), 'assumed'],
  ])('%s: %s', (_, result, source) => {
    expect(sourceOfIssue(result)).toBe(source);
  });
});

it('judges the body of a reply whose status the document does not list, each issue by its own source', () => {
  const result = validateReply('GetAsset', 201, { ResponseMetadata: metadata, Result: { ...asset, Status: 'Ready', CreateTime: 1 } });
  if (result.valid) throw new Error('expected an invalid reply');
  expect(result.issues.map((issue) => [issue.path, issue.keyword, issueSource(portraitDocument, result.schema, issue)])).toEqual([
    ['', 'status', 'assumed'],
    ['/Result/Status', 'enum', 'reference'],
    ['/Result/CreateTime', 'type', 'upstream'],
  ]);
});

describe('the docs show what is assumed', () => {
  const shown = withAssumptionsShown(portraitDocument);

  it('mark each assumed schema, property and keyword in its description', () => {
    expect(schemaNamed(shown, 'AssetId')?.description).toMatch(/\*\*Assumed\*\* .*`pattern: /);
    expect(schemaNamed(shown, 'Name')?.description).toMatch(/\*\*Assumed\*\* .*`minLength: 1`/);
    expect(schemaNamed(shown, 'ListAssetsRequest')?.properties?.Filter).toMatchObject({ properties: { GroupIds: { description: expect.stringContaining('**Assumed**') } } });
    // What the reference or the upstream says carries no mark.
    expect(schemaNamed(shown, 'AssetStatus')?.description).not.toContain('Assumed');
    expect(schemaNamed(shown, 'PageSize')?.description).not.toContain('Assumed');
  });

  it('list every assumed fact in the introduction, and nothing known', () => {
    const table = assumptionsTable(portraitDocument);
    expect(shown.info.description).toContain(table);
    for (const [name, fact] of Object.entries(facts)) {
      if (fact.source === 'assumed') expect(table, name).toContain(`| \`${name}\` |`);
      else expect(table, name).not.toContain(`| \`${name}\` |`);
    }
    expect(table).toContain('| `AssetId pattern` |');
    // The source document is left as it was.
    expect(schemaNamed(portraitDocument, 'AssetId')?.description).not.toContain('Assumed');
  });
});
