// Request bodies generated from the document's request schemas, as fast-check arbitraries: valid
// bodies, and bodies broken in exactly one way. One generator for `--fuzz` (sampled with a seed,
// so every run sends the same bodies), `--explore`, and the fuzz tests.
import fc from 'fast-check';
import { actions, fileExtensions, portraitDocument, protocol, resolveSchema, schemaRef, type Action, type SchemaObject } from '../protocol/index.js';

export interface BodyOptions {
  /**
   * Leave `ProjectName` out: what a body makes lands in the default project, where the run's
   * clean-up finds it by its Id alone.
   */
  defaultProject?: boolean | undefined;
  /** The URLs a `format: uri` field gets; any http(s) URL by default. */
  url?: fc.Arbitrary<string> | undefined;
}

/** One body that breaks its Action's request schema, as the raw JSON text to send. */
export interface BrokenBody {
  text: string;
  how: string;
}

// The end of a generated URL: media of every type the document names, and files of none.
const extensions = [...Object.values(fileExtensions).flat().map((extension) => `.${extension}`), '.txt', ''];

const surrogates = { first: 0xd800, count: 0x800 };
/**
 * One code point outside the surrogates, drawn as fast-check's `unit: 'binary'` draws it (the same
 * strings from the same seed). That unit maps a value back to its draw through a table of all 1.1
 * million, made on the first string arbitrary: a second of CPU in every process. This one counts.
 */
export const codePoint: fc.Arbitrary<string> = fc.nat({ max: 0x10ffff - surrogates.count }).map(
  (index) => String.fromCodePoint(index < surrogates.first ? index : index + surrogates.count),
  (value) => {
    const point = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (point === undefined || String.fromCodePoint(point) !== value || (point >= surrogates.first && point < surrogates.first + surrogates.count)) {
      throw new Error('not one code point outside the surrogates');
    }
    return point < surrogates.first ? point : point - surrogates.count;
  },
);

/** What a path segment may hold as it is (RFC 3986's pchar); any other code point is percent-encoded. */
const pathCharacters = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@"];

/**
 * A URL's path: up to four segments, empty ones included, of path characters and now and then
 * any code point percent-encoded. fast-check's webPath draws the same kinds of path, but maps
 * its percent-encoded characters back through a table of all 1.1 million code points, made when
 * the arbitrary is: 1.3 CPU s in each process that generates a body.
 */
const pathUnit = fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...pathCharacters) }, { weight: 1, arbitrary: codePoint.map(encodeURIComponent) });
const anyUrlPath = fc.array(fc.string({ unit: pathUnit, maxLength: 12 }), { maxLength: 4 }).map((segments) => segments.map((segment) => `/${segment}`).join(''));

/** Any http(s) URL. */
const anyHttpUrl = fc
  .tuple(fc.constantFrom('http', 'https', 'HTTPS'), fc.domain(), anyUrlPath, fc.constantFrom(...extensions))
  .map(([scheme, host, path, extension]) => `${scheme}://${host}${path}${extension}`);

/** Follows `$ref`s; request schemas hold no boolean schemas. */
export function deref(schema: SchemaObject | boolean | undefined): SchemaObject {
  if (typeof schema !== 'object') throw new Error('a request schema holds a boolean schema, which the generator does not walk');
  return resolveSchema(portraitDocument, schema);
}

/** The request schema of `action`, its `$ref`s followed at the top. */
export function requestSchema(action: Action): SchemaObject {
  return deref({ $ref: schemaRef(actions[action].request) });
}

/** Any value `schema` accepts. */
export function validValue(schemaOrRef: SchemaObject | boolean, options: BodyOptions = {}): fc.Arbitrary<unknown> {
  const schema = deref(schemaOrRef);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object':
      return validObject(schema, options);
    case 'array': {
      const item = validValue(schema.items ?? {}, options);
      const constraints = { maxLength: Math.min(schema.maxItems ?? 5, 5) };
      return schema.uniqueItems ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(item, constraints);
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'string':
      if (schema.format === 'uri') return options.url ?? anyHttpUrl;
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      // Code points, as JSON Schema counts lengths.
      return fc.string({ unit: codePoint, minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 80) });
    default:
      throw new Error(`no arbitrary for ${JSON.stringify(schema)}`);
  }
}

function validObject(schema: SchemaObject, options: BodyOptions): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(schema.properties ?? {}).filter(([key]) => !(options.defaultProject && key === 'ProjectName'));
  return fc.record(Object.fromEntries(entries.map(([key, value]) => [key, validValue(value, options)])), { requiredKeys: schema.required ?? [] });
}

/** Bodies `action`'s request schema accepts. */
export function validBody(action: Action, options: BodyOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  return validObject(requestSchema(action), options);
}

const hostileKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'Ünïcødé', '', '😀'];

/** A wrong value for `schema`: of another type, or out of its range, length, enum or pattern. */
function invalidValue(schemaOrRef: SchemaObject | boolean): fc.Arbitrary<unknown> {
  const schema = deref(schemaOrRef);
  const wrongTypes: fc.Arbitrary<unknown>[] = [fc.constant(null), fc.boolean()];
  if (schema.type !== 'object') wrongTypes.push(fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }));
  if (schema.type !== 'string') wrongTypes.push(fc.string());
  if (schema.type !== 'integer') wrongTypes.push(fc.integer());
  if (schema.type !== 'array') wrongTypes.push(fc.array(fc.integer(), { maxLength: 2 }));
  const outOfRange: fc.Arbitrary<unknown>[] = [];
  if (schema.maxLength !== undefined) outOfRange.push(fc.string({ minLength: schema.maxLength + 1, maxLength: 2 * schema.maxLength + 1 }));
  if (schema.minLength) outOfRange.push(fc.constant(''));
  if (schema.maximum !== undefined) outOfRange.push(fc.integer({ min: schema.maximum + 1 }));
  if (schema.minimum !== undefined) outOfRange.push(fc.integer({ max: schema.minimum - 1 }));
  if (schema.type === 'integer') outOfRange.push(fc.double({ noInteger: true, noDefaultInfinity: true, noNaN: true }));
  if (schema.enum) outOfRange.push(fc.string().filter((s) => !schema.enum?.includes(s)));
  if (schema.pattern || schema.format === 'uri') outOfRange.push(fc.constantFrom('not an id', 'ftp://x.y/z', 'javascript:alert(1)', '💥'));
  if (schema.maxItems !== undefined) {
    const item = deref(schema.items ?? {});
    outOfRange.push(fc.uniqueArray(validValue(item), { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 3, selector: (v) => JSON.stringify(v) }));
  }
  return fc.oneof(...wrongTypes, ...outOfRange);
}

/** Bodies that break `action`'s request schema in one way each. */
export function brokenBody(action: Action, options: BodyOptions = {}): fc.Arbitrary<BrokenBody> {
  const schema = requestSchema(action);
  const valid = validObject(schema, options);
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
      fc.tuple(valid, field).chain(([body, key]) => invalidValue(schema.properties?.[key] ?? {}).map((value) => ({ text: withField(body, key, value), how: `bad ${key}` }))),
      // A huge string, still under the body limit.
      fc.tuple(valid, field, fc.integer({ min: 10_000, max: protocol.maxBodyBytes - 100_000 })).map(([body, key, size]) => ({ text: withField(body, key, 'x'.repeat(size)), how: `huge ${key}` })),
    );
  }
  for (const required of schema.required ?? []) {
    kinds.push(
      valid.map((body) => {
        const { [required]: _, ...rest } = body;
        return { text: JSON.stringify(rest), how: `missing ${required}` };
      }),
    );
  }
  return fc.oneof(...kinds);
}
