// Every request schema must reject bad bodies. The cases are derived from the schemas themselves:
// each required field dropped, each field given a wrong type, each constraint broken, and an
// unknown field added at every object level.
import { describe, expect, it } from 'vitest';
import { actionNames, validateRequest, type Action } from '../../src/protocol/index.js';
import { deref, requestSchema } from '../../src/contract/request-bodies.js';
import type { SchemaObject as Schema } from '../../src/protocol/index.js';


type Kind = 'required' | 'type' | 'constraint' | 'unknown';

interface Case {
  kind: Kind;
  name: string;
  body: Record<string, unknown>;
  /** JSON Pointer of the field an issue must name. */
  path: string;
  keyword: string;
}


/** A valid value for `schema`, filling every property, so each field can be broken on its own. */
function sample(schemaOrRef: Schema | boolean): unknown {
  const schema = deref(schemaOrRef);
  if (schema.examples) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sample(value)]));
    case 'array':
      return [sample(schema.items ?? {})];
    case 'integer':
      return schema.minimum ?? 1;
    case 'string':
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      throw new Error(`No sample for ${JSON.stringify(schema)}`);
  }
}

const wrongTypeValue: Record<string, unknown> = { string: 42, integer: 'one', array: 'not-a-list', object: 'not-an-object' };

/** Values that break one constraint each, with the keyword expected to catch it. */
function outOfRange(schema: Schema): { what: string; value: unknown; keyword: string }[] {
  const broken: { what: string; value: unknown; keyword: string }[] = [];
  if (schema.maxLength !== undefined) broken.push({ what: 'too long', value: 'x'.repeat(schema.maxLength + 1), keyword: 'maxLength' });
  if (schema.minLength) broken.push({ what: 'too short', value: '', keyword: 'minLength' });
  if (schema.maximum !== undefined) broken.push({ what: 'above maximum', value: schema.maximum + 1, keyword: 'maximum' });
  if (schema.minimum !== undefined) broken.push({ what: 'below minimum', value: schema.minimum - 1, keyword: 'minimum' });
  if (schema.enum) broken.push({ what: 'not in the enum', value: 'NotAValue', keyword: 'enum' });
  if (schema.pattern) broken.push({ what: 'not matching the pattern', value: ' bad value ', keyword: 'pattern' });
  if (schema.format === 'uri') broken.push({ what: 'not a URI', value: 'not a uri', keyword: 'format' });
  if (schema.maxItems !== undefined) {
    const items = Array.from({ length: schema.maxItems + 1 }, (_, i) => `${String(sample(schema.items ?? {}))}${i}`);
    broken.push({ what: 'too many items', value: items, keyword: 'maxItems' });
  }
  if (schema.uniqueItems) {
    const item = sample(schema.items ?? {});
    broken.push({ what: 'repeated items', value: [item, item], keyword: 'uniqueItems' });
  }
  return broken;
}

function casesFor(schemaOrRef: Schema, valid: Record<string, unknown>, at = ''): Case[] {
  const schema = deref(schemaOrRef);
  const replace = (key: string, value: unknown) => ({ ...valid, [key]: value });
  const cases: Case[] = [
    { kind: 'unknown', name: `${at}/UnknownField added`, body: replace('UnknownField', 1), path: `${at}/UnknownField`, keyword: 'additionalProperties' },
  ];
  for (const key of schema.required ?? []) {
    const { [key]: _, ...rest } = valid;
    cases.push({ kind: 'required', name: `${at}/${key} missing`, body: rest, path: `${at}/${key}`, keyword: 'required' });
  }
  for (const [key, propertyRef] of Object.entries(schema.properties ?? {})) {
    const property = deref(propertyRef);
    const path = `${at}/${key}`;
    if (typeof property.type === 'string') {
      cases.push({ kind: 'type', name: `${path} of a wrong type`, body: replace(key, wrongTypeValue[property.type]), path, keyword: 'type' });
    }
    for (const { what, value, keyword } of outOfRange(property)) {
      cases.push({ kind: 'constraint', name: `${path} ${what}`, body: replace(key, value), path, keyword });
    }
    if (property.items) {
      const item = deref(property.items);
      for (const { what, value, keyword } of outOfRange(item)) {
        cases.push({ kind: 'constraint', name: `${path}/0 ${what}`, body: replace(key, [value]), path: `${path}/0`, keyword });
      }
    }
    if (property.type === 'object') {
      const nested = valid[key] as Record<string, unknown>;
      for (const inner of casesFor(property, nested, path)) cases.push({ ...inner, body: replace(key, inner.body) });
    }
  }
  return cases;
}


describe.each(actionNames)('%sRequest', (action) => {
  const valid = sample(requestSchema(action)) as Record<string, unknown>;
  const cases = casesFor(requestSchema(action), valid);

  it('accepts a body with every field filled in', () => {
    expect(validateRequest(action, valid)).toEqual({ valid: true });
  });

  it('has cases of every kind its schema allows', () => {
    const kinds = new Set(cases.map((c) => c.kind));
    expect(kinds).toContain('type');
    expect(kinds).toContain('constraint');
    expect(kinds).toContain('unknown');
    if (deref(requestSchema(action)).required?.length) expect(kinds).toContain('required');
  });

  it.each(cases.map((c) => [c.name, c] as const))('rejects %s', (_, { body, path, keyword }) => {
    const result = validateRequest(action, body);
    expect(result.valid).toBe(false);
    const issues = result.valid ? [] : result.issues;
    expect(issues).toContainEqual(expect.objectContaining({ path, keyword }));
  });
});

it('rejects bodies that are not objects', () => {
  for (const body of [null, [], 'text', 42, true]) {
    expect(validateRequest('GetAsset', body).valid).toBe(false);
  }
});

it('refuses a body nested deeper than any schema without throwing', () => {
  const depth = 200_000;
  const nested = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  const body: unknown = JSON.parse(`{"Filter":{"GroupIds":[${nested},${nested}]}}`);
  const result = validateRequest('ListAssetGroups', body);
  expect(result.valid).toBe(false);
  expect(result.valid ? [] : result.issues).toContainEqual(expect.objectContaining({ path: '/Filter', keyword: 'maxDepth' }));
});
