// The generated views: what each must hold for the tools it is for, and the 3.0 downgrade rule by rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downgradeTo30, schema30 } from '../../scripts/codegen/views.js';
import { projectRoot } from '../../scripts/project-root.js';
import { actionNames, actions, apiVersion, protocol } from '../../src/protocol/generated.js';
import { validateSchema } from '../../src/protocol/index.js';
import type { OpenApiDocument } from '../../src/protocol/document.js';

type Json = Record<string, any>;
const read = (file: string): Json => JSON.parse(readFileSync(join(projectRoot, 'generated', file), 'utf8')) as Json;
const views = {
  perAction: read('portrait.openapi.json'),
  singleEndpoint: read('portrait.single-endpoint.openapi.json'),
  perAction30: read('portrait.openapi.3.0.json'),
  singleEndpoint30: read('portrait.single-endpoint.openapi.3.0.json'),
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('every view', () => {
  it.each(Object.entries(views))('%s holds PortraitCall, PortraitCallResult and x-portrait-actions for all 12 Actions', (_, view) => {
    const schemas = view.components.schemas as Json;
    for (const [union, suffix, member, target] of [['PortraitCall', 'Call', 'Body', 'request'], ['PortraitCallResult', 'CallResult', 'Result', 'result']] as const) {
      expect(schemas[union].oneOf).toEqual(actionNames.map((action) => ref(`${action}${suffix}`)));
      expect(schemas[union].discriminator).toEqual({
        propertyName: 'Action',
        mapping: Object.fromEntries(actionNames.map((action) => [action, `#/components/schemas/${action}${suffix}`])),
      });
      for (const action of actionNames) {
        const branch = schemas[`${action}${suffix}`];
        expect(branch.required).toEqual(['Action', 'Version', member]);
        // 3.0 has no const: the downgrade writes a one-value enum.
        expect([branch.properties.Action.const, branch.properties.Action.enum?.[0]]).toContain(action);
        expect(branch.properties[member]).toEqual(ref(actions[action][target]));
      }
    }
    expect(Object.keys(view['x-portrait-actions'])).toEqual(actionNames);
    expect(view['x-portrait-actions'].GetAsset).toEqual({
      request: '#/components/schemas/GetAssetRequest',
      result: '#/components/schemas/GetAssetResult',
      response: '#/components/schemas/GetAssetResponse',
      tag: 'Assets',
      statuses: [200, 400, 401, 403, 404, 413, 429, 500],
      paginated: false,
      createsResource: false,
    });
    expect(view['x-portrait-actions'].ListAssets).toMatchObject({ paginated: true, createsResource: false });
    expect(view['x-portrait-actions'].CreateAsset).toMatchObject({ paginated: false, createsResource: true });
  });
});

describe('PortraitCall, at run time', () => {
  it('accepts a call whose body is its Action\'s request, and refuses a body given with another Action', () => {
    expect(validateSchema('PortraitCall', { Action: 'GetAsset', Version: apiVersion, Body: { Id: 'asset-20260318035710-xxxxx' } }).valid).toBe(true);
    expect(validateSchema('PortraitCall', { Action: 'GetAsset', Version: apiVersion, Body: { Name: 'avatar-001' } }).valid).toBe(false);
    expect(validateSchema('PortraitCall', { Action: 'DropDatabase', Version: apiVersion, Body: {} }).valid).toBe(false);
    expect(validateSchema('PortraitCallResult', { Action: 'CreateAssetGroup', Version: apiVersion, Result: { Id: 'group-20260518163348-xtzxl' } }).valid).toBe(true);
  });
});

describe('the single-endpoint view', () => {
  for (const [name, view] of [['3.1', views.singleEndpoint], ['3.0.3', views.singleEndpoint30]] as const) {
    it(`(${name}) is one operation, POST ${protocol.endpoint}, with Action and Version as required query parameters`, () => {
      expect(Object.keys(view.paths)).toEqual([protocol.endpoint]);
      expect(Object.keys(view.paths[protocol.endpoint])).toEqual(['post']);
      const { parameters } = view.paths[protocol.endpoint].post;
      expect(parameters).toEqual([
        expect.objectContaining({ name: 'Action', in: 'query', required: true, schema: { type: 'string', enum: actionNames } }),
        expect.objectContaining({ name: 'Version', in: 'query', required: true, schema: { type: 'string', enum: [apiVersion] } }),
      ]);
    });
  }

  const operation = views.singleEndpoint.paths[protocol.endpoint].post;
  const perAction = Object.values(views.perAction.paths).map((item: any) => item.post);

  it('takes any Action request as the body (anyOf, since requests share shapes) with every request example', () => {
    const body = operation.requestBody.content['application/json'];
    expect(body.schema).toEqual({ anyOf: actionNames.map((action) => ref(actions[action].request)) });
    const exampleCount = perAction.reduce((count, op) => count + Object.keys(op.requestBody.content['application/json'].examples).length, 0);
    expect(Object.keys(body.examples)).toHaveLength(exampleCount);
    expect(body.examples.GetAsset_poll).toEqual(views.perAction.paths[actions.GetAsset.path].post.requestBody.content['application/json'].examples.poll);
  });

  it('answers 200 with any success envelope or the error envelope, and every status any Action answers', () => {
    const ok = operation.responses['200'].content['application/json'];
    expect(ok.schema).toEqual({ anyOf: [...actionNames.map((action) => ref(actions[action].response)), ref('ErrorResponse')] });
    const statuses = new Set(perAction.flatMap((op) => Object.keys(op.responses)));
    expect(Object.keys(operation.responses).sort()).toEqual([...statuses].sort());
    // A status every Action answers with the same shared reply stays that reply.
    expect(operation.responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    // 403 differs by Action: merged, with each Action's examples.
    const forbidden = operation.responses['403'];
    expect(forbidden.description).toContain('**CreateAssetGroup**');
    expect(Object.keys(forbidden.content['application/json'].examples)).toEqual(expect.arrayContaining(['CreateAssetGroup_aigcNotAvailable', 'GetAsset_forbidden']));
  });

  it('keeps the webhook, the servers, the security and the protocol facts of the per-Action view', () => {
    for (const key of ['servers', 'security', 'webhooks', 'x-portrait-protocol']) expect(views.singleEndpoint[key]).toEqual(views.perAction[key]);
  });
});

describe('the OpenAPI 3.0.3 downgrade', () => {
  it.each([['per-Action', views.perAction30], ['single-endpoint', views.singleEndpoint30]])('%s view: 3.0.3, with no 3.1-only construct left', (_, view) => {
    expect(view.openapi).toBe('3.0.3');
    expect(view.webhooks).toBeUndefined();
    expect(view['x-webhooks']).toEqual(views.perAction.webhooks ? expect.any(Object) : undefined);
    expect(view.info.summary).toBeUndefined();
    expect(view.info.license).toEqual({ name: 'Proprietary' });
    const text = JSON.stringify(view.components.schemas);
    expect(text).not.toContain('"const"');
    expect(text).not.toMatch(/"type":\[/);
  });

  it('writes each 3.1 schema construct in its 3.0 form', () => {
    expect(schema30({ type: 'string', const: 'GetAsset' }, 's')).toEqual({ type: 'string', enum: ['GetAsset'] });
    expect(schema30({ type: 'string', examples: ['https://a.example/cb', 'x'] }, 's')).toEqual({ type: 'string', example: 'https://a.example/cb' });
    expect(schema30({ type: ['string', 'null'] }, 's')).toEqual({ type: 'string', nullable: true });
    expect(schema30({ type: ['string', 'integer'] }, 's')).toEqual({ anyOf: [{ type: 'string' }, { type: 'integer' }] });
    expect(schema30(true, 's')).toEqual({});
    expect(schema30(false, 's')).toEqual({ not: {} });
    // A property that must be absent is left out and refused by `not`: generators type `{ not: {} }` as any value.
    expect(schema30({ type: 'object', properties: { a: false, b: true, c: false }, additionalProperties: false }, 's')).toEqual({
      type: 'object',
      properties: { b: {} },
      additionalProperties: false,
      not: { anyOf: [{ required: ['a'] }, { required: ['c'] }] },
    });
    expect(schema30({ type: 'integer', exclusiveMinimum: 0 }, 's')).toEqual({ type: 'integer', minimum: 0, exclusiveMinimum: true });
    // 3.0 ignores what stands beside a $ref.
    expect(schema30({ $ref: '#/components/schemas/Url', description: 'Where', examples: ['https://a.example'] }, 's')).toEqual({
      allOf: [{ $ref: '#/components/schemas/Url' }],
      description: 'Where',
      example: 'https://a.example',
    });
    expect(schema30({ allOf: [{ const: 1 }], items: { type: ['integer', 'null'] } }, 's')).toEqual({ allOf: [{ enum: [1] }], items: { type: 'integer', nullable: true } });
  });

  it('stops on a construct it cannot write faithfully in 3.0, rather than loosen it', () => {
    expect(() => schema30({ type: 'null' }, 'N')).toThrow('N: null as a type or a constant has no OpenAPI 3.0 form');
    expect(() => schema30({ const: null }, 'N')).toThrow('null as a type or a constant');
    expect(() => schema30({ $ref: '#/components/schemas/Url', type: ['string', 'null'] }, 'R')).toThrow('a $ref made nullable by a type list');
    expect(() => schema30({ type: 'integer', exclusiveMinimum: 5, minimum: 0 }, 'B')).toThrow('exclusiveMinimum beside minimum');
    expect(() => schema30({ properties: { a: false }, not: { required: ['b'] } }, 'X')).toThrow('beside `not`');
  });

  it('keeps a 3.0 validator refusing the properties 3.1 forbids: no Result in an error envelope', () => {
    const errorResponse = views.perAction30.components.schemas.ErrorResponse as Json;
    expect(JSON.stringify(errorResponse)).not.toContain('"not":{}');
    expect(errorResponse.not).toEqual({ anyOf: [{ required: ['Result'] }] });
  });

  it('stops on a 3.1 keyword that has no 3.0 form, naming where', () => {
    expect(() => schema30({ type: 'array', prefixItems: [{ type: 'string' }] }, 'components.schemas.Pair')).toThrow('components.schemas.Pair: the 3.1 keyword "prefixItems"');
    expect(() => schema30({ properties: { a: { if: { type: 'string' } } } }, 'X')).toThrow('X.properties.a: the 3.1 keyword "if"');
  });

  it('leaves examples alone, whatever keys they hold', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1', summary: 's', license: { name: 'n', identifier: 'MIT' } },
      paths: {
        '/x': {
          post: {
            requestBody: { content: { 'application/json': { schema: { const: 1 }, examples: { a: { value: { schema: { const: 2 } } } } } } },
            responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: ['string', 'null'] } } } } },
          },
        },
      },
      components: { schemas: { A: { const: 3 } }, responses: {} },
    } as unknown as OpenApiDocument;
    const view = downgradeTo30(document) as Json;
    const body = view.paths['/x'].post.requestBody.content['application/json'];
    expect(body.schema).toEqual({ enum: [1] });
    expect(body.examples.a.value).toEqual({ schema: { const: 2 } });
    expect(view.paths['/x'].post.responses[200].content['application/json'].schema).toEqual({ type: 'string', nullable: true });
    expect(view.components.schemas.A).toEqual({ enum: [3] });
    expect(view.info).toEqual({ title: 't', version: '1', license: { name: 'n' } });
  });
});
