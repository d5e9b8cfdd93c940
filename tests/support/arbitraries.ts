// fast-check arbitraries derived from the request schemas of the bundled document: valid bodies,
// and bodies broken in one way each, so the fuzz tests follow the spec instead of a hand list.
import fc from 'fast-check';
import type { Action } from '../../src/protocol/index.js';
import { deref, requestSchema, type Schema } from './schemas.js';

const httpUrl = fc
  .tuple(fc.constantFrom('http', 'https', 'HTTPS'), fc.domain(), fc.webPath(), fc.constantFrom('.png', '.jpg', '.mp4', '.wav', '.txt', ''))
  .map(([scheme, host, path, extension]) => `${scheme}://${host}${path}${extension}`);

/** Any value `schema` accepts. */
export function validValue(schemaOrRef: Schema | boolean): fc.Arbitrary<unknown> {
  const schema = deref(schemaOrRef);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object':
      return validObject(schema);
    case 'array': {
      const item = validValue(schema.items ?? {});
      const constraints = { maxLength: Math.min(schema.maxItems ?? 5, 5) };
      return schema.uniqueItems ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(item, constraints);
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'string':
      if (schema.format === 'uri') return httpUrl;
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      // Code points, as JSON Schema counts lengths.
      return fc.string({ unit: 'binary', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 80) });
    default:
      throw new Error(`no arbitrary for ${JSON.stringify(schema)}`);
  }
}

function validObject(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, validValue(value)]));
  return fc.record(properties, { requiredKeys: schema.required ?? [] });
}

/** One way to break a valid body, with the error family it must get. */
export interface BrokenBody {
  /** The raw JSON text to send. */
  text: string;
  how: string;
}

const hostileKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'Ünïcødé', '', '😀'];

/** A wrong value for `schema`: of another type, or out of its range, length, enum or pattern. */
function invalidValue(schemaOrRef: Schema | boolean): fc.Arbitrary<unknown> {
  const schema = deref(schemaOrRef);
  const wrongTypes: fc.Arbitrary<unknown>[] = [fc.constant(null), fc.boolean()];
  if (schema.type !== 'object') wrongTypes.push(fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }));
  if (schema.type !== 'string') wrongTypes.push(fc.string());
  if (schema.type !== 'integer') wrongTypes.push(fc.integer());
  if (schema.type !== 'array') wrongTypes.push(fc.array(fc.integer(), { maxLength: 2 }));
  const outOfRange: fc.Arbitrary<unknown>[] = [];
  if (schema.maxLength !== undefined) outOfRange.push(fc.string({ minLength: schema.maxLength + 1, maxLength: schema.maxLength + 50 }));
  if (schema.minLength) outOfRange.push(fc.constant(''));
  if (schema.maximum !== undefined) outOfRange.push(fc.integer({ min: schema.maximum + 1 }));
  if (schema.minimum !== undefined) outOfRange.push(fc.integer({ max: schema.minimum - 1 }));
  if (schema.type === 'integer') outOfRange.push(fc.double({ noInteger: true, noDefaultInfinity: true, noNaN: true }));
  if (schema.enum) outOfRange.push(fc.string().filter((s) => !schema.enum?.includes(s)));
  if (schema.pattern || schema.format === 'uri') outOfRange.push(fc.constantFrom('not an id', 'ftp://x.y/z', 'javascript:alert(1)', '💥'));
  if (schema.maxItems !== undefined) {
    outOfRange.push(fc.uniqueArray(fc.stringMatching(/^group-[a-z0-9]{6}$/), { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 3 }));
  }
  return fc.oneof(...wrongTypes, ...outOfRange);
}

/** Bodies that break `action`'s request schema in one way each. */
export function brokenBody(action: Action): fc.Arbitrary<BrokenBody> {
  const schema = requestSchema(action);
  const valid = validObject(schema);
  const fields = Object.keys(schema.properties ?? {});
  const withField = (body: Record<string, unknown>, key: string, value: unknown) => JSON.stringify({ ...body, [key]: value });
  const kinds: fc.Arbitrary<BrokenBody>[] = [
    // A field the schema does not know, hostile names included (sent as raw JSON keys).
    fc.tuple(valid, fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ minLength: 1, maxLength: 30 }).filter((k) => !fields.includes(k))), fc.jsonValue({ maxDepth: 2 })).map(
      ([body, key, value]) => ({ text: `${JSON.stringify(body).slice(0, -1)}${Object.keys(body).length ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`, how: `unknown field ${key}` }),
    ),
    // JSON that is not an object.
    fc.oneof(fc.jsonValue({ maxDepth: 2 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), fc.constant([])).map((value) => ({
      text: JSON.stringify(value) ?? 'null',
      how: 'not an object',
    })),
    // Nested deeper than any schema.
    fc.integer({ min: 40, max: 5000 }).map((depth) => ({ text: `{"${fields[0] ?? 'X'}":${'['.repeat(depth)}${']'.repeat(depth)}}`, how: `nested ${depth} deep` })),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    kinds.push(
      fc.tuple(valid, field).chain(([body, key]) =>
        invalidValue(schema.properties?.[key] ?? {}).map((value) => ({ text: withField(body, key, value), how: `bad ${key}` })),
      ),
      // A huge string, still under the 1 MB body limit.
      fc.tuple(valid, field, fc.integer({ min: 10_000, max: 900_000 })).map(([body, key, size]) => ({
        text: withField(body, key, 'x'.repeat(size)),
        how: `huge ${key}`,
      })),
    );
  }
  for (const required of schema.required ?? []) {
    kinds.push(valid.map((body) => {
      const { [required]: _, ...rest } = body;
      return { text: JSON.stringify(rest), how: `missing ${required}` };
    }));
  }
  return fc.oneof(...kinds);
}
