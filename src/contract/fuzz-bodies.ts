// Request bodies for `--fuzz`, generated from the document's request schemas: valid ones (each
// checked with validateRequest) and ones broken in exactly one way (each checked to be invalid).
// Seeded per Action, so every run sends the same bodies and a failure can be repeated. Strings under a `pattern` (ids) come from the schema's
// or the Action's examples: valid ids of resources no one holds.
import { actionNames, actions, portraitDocument, resolveSchema, schemaNamed, validateRequest, type Action, type SchemaObject } from '../protocol/index.js';
import { seededRandom } from '../protocol/seeded-random.js';

export interface FuzzBodies {
  valid: unknown[];
  /** Raw JSON, each with how it is broken. */
  invalid: { text: string; how: string }[];
}

/** Choices drawn from a seed: the same seed gives the same bodies. */
function randomSource(seed: number) {
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { chance: (p: number) => next() < p, int, pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T };
}

type Random = ReturnType<typeof randomSource>;

const resolve = (schema: SchemaObject | boolean | undefined): SchemaObject => (typeof schema === 'object' ? resolveSchema(portraitDocument, schema) : {});

/** The Action's request examples, for values a schema alone cannot produce. */
function examplesOf(action: Action): Record<string, unknown>[] {
  const examples = portraitDocument.paths[actions[action].path]?.post?.requestBody.content['application/json']?.examples ?? {};
  return Object.values(examples).map((example) => example.value as Record<string, unknown>);
}

function valueFor(schema: SchemaObject, random: Random, seen: unknown[]): unknown {
  if (schema.enum) return random.pick(schema.enum);
  if (schema.type === 'integer') return random.int(schema.minimum ?? 0, Math.min(schema.maximum ?? 1000, (schema.minimum ?? 0) + 1000));
  if (schema.type === 'array') {
    const item = resolve(schema.items);
    const values: unknown[] = [];
    for (let count = random.int(0, Math.min(schema.maxItems ?? 3, 3)); values.length < count; count--) {
      const value = valueFor(item, random, seen);
      if (value !== undefined && !(schema.uniqueItems && values.some((other) => JSON.stringify(other) === JSON.stringify(value)))) values.push(value);
    }
    return values;
  }
  if (schema.type === 'object') return objectFor(schema, random, seen);
  if (schema.format === 'uri') return `https://example.com/contract-fuzz/${random.int(0, 1e6)}.png`;
  if (schema.pattern) {
    const candidates = [...(schema.examples ?? []), ...seen].filter((value): value is string => typeof value === 'string' && new RegExp(schema.pattern ?? '').test(value));
    return candidates.length > 0 ? random.pick(candidates) : undefined;
  }
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 -_.ÄéЖ中';
  const length = random.int(schema.minLength ?? 0, Math.min(schema.maxLength ?? 24, 24));
  return Array.from({ length }, () => random.pick([...alphabet])).join('');
}

function objectFor(schema: SchemaObject, random: Random, seen: unknown[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    // Left at its default: a group made in a random project could not be cleaned up by its Id alone.
    if (name === 'ProjectName') continue;
    if (!schema.required?.includes(name) && random.chance(0.5)) continue;
    const value = valueFor(resolve(property), random, seen);
    if (value !== undefined) body[name] = value;
  }
  return body;
}

/** Every string in the examples, as candidates for pattern fields. */
function stringsIn(value: unknown): unknown[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsIn);
}

/** A way to break `body` in one place, from the schema of its Action. */
function breakBody(body: Record<string, unknown>, schema: SchemaObject, random: Random): { text: string; how: string } {
  const fields = Object.keys(schema.properties ?? {});
  const field = fields.length > 0 ? random.pick(fields) : undefined;
  const property = resolve(field === undefined ? undefined : schema.properties?.[field]);
  const withField = (value: unknown) => JSON.stringify({ ...body, [field ?? 'Unknown']: value });
  const ways: (() => { text: string; how: string })[] = [
    () => ({ text: JSON.stringify({ ...body, [`Fuzz${random.int(0, 999)}`]: 1 }), how: 'an unknown field' }),
    () => ({ text: random.pick(['[]', '"text"', '7', 'null', 'true']), how: 'JSON that is no object' }),
  ];
  if (field !== undefined) {
    ways.push(() => ({ text: withField(property.type === 'string' ? 42 : 'forty-two'), how: `${field} of the wrong type` }));
    if (property.maximum !== undefined) ways.push(() => ({ text: withField(property.maximum! + 1), how: `${field} over its maximum` }));
    if (property.minimum !== undefined) ways.push(() => ({ text: withField(property.minimum! - 1), how: `${field} under its minimum` }));
    if (property.maxLength !== undefined) ways.push(() => ({ text: withField('x'.repeat(property.maxLength! + 1)), how: `${field} over its length` }));
    if (property.enum) ways.push(() => ({ text: withField('NotAValue'), how: `${field} outside its enum` }));
  }
  for (const required of schema.required ?? []) {
    ways.push(() => {
      const { [required]: _, ...rest } = body;
      return { text: JSON.stringify(rest), how: `${required} missing` };
    });
  }
  return random.pick(ways)();
}

/** `count` valid and `count` invalid bodies for `action`, the same on every run. */
export function fuzzBodies(action: Action, count: number): FuzzBodies {
  const random = randomSource(1 + actionNames.indexOf(action) * 7919);
  const schema = resolve(schemaNamed(portraitDocument, actions[action].request));
  const examples = examplesOf(action);
  const seen = examples.flatMap(stringsIn);
  const valid: unknown[] = [];
  const invalid: { text: string; how: string }[] = [];
  // Bounded: a schema this cannot satisfy yields fewer bodies, never a hang.
  for (let tries = 0; tries < count * 20 && (valid.length < count || invalid.length < count); tries++) {
    const body = objectFor(schema, random, seen);
    if (!validateRequest(action, body).valid) continue;
    if (valid.length < count) valid.push(body);
    const broken = breakBody(body, schema, random);
    if (invalid.length < count && !validateRequest(action, JSON.parse(broken.text)).valid) invalid.push(broken);
  }
  return { valid, invalid };
}
