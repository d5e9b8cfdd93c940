// Finds the changes between a released document and the current one that would break a client
// built against the release. Requests are read as the server's promise of what it accepts,
// responses as its promise of what it returns:
// - an Action removed;
// - in a request: a field newly required, a field removed (unknown fields are refused), a type
//   changed, an enum value dropped, a limit tightened (length, range, items, pattern, format);
// - in a response: a field removed, a field no longer required, a type changed.
// Adding optional request fields, response fields or request enum values is not breaking.
import { resolveResponse, resolveSchema, type MediaTypeObject, type OpenApiDocument, type OperationObject, type SchemaObject } from '../../src/protocol/document.js';

type Schema = SchemaObject;
type Document = OpenApiDocument;

export interface BreakingChange {
  action: string;
  /** Where in the request or response, such as `request Filter.PageSize` or `response Result.URL`. */
  where: string;
  change: string;
}

type Direction = 'request' | 'response';

export function findBreakingChanges(released: Document, current: Document): BreakingChange[] {
  const changes: BreakingChange[] = [];
  for (const [path, item] of Object.entries(released.paths ?? {})) {
    const before = item.post;
    if (!before) continue;
    const action = before.operationId ?? path;
    const after = current.paths?.[path]?.post;
    if (!after) {
      changes.push({ action, where: path, change: 'the Action was removed' });
      continue;
    }
    const report = (where: string, change: string) => changes.push({ action, where, change });
    const compare = new SchemaComparison(released, current, report);
    compare.schemas('request', 'request', jsonSchema(before.requestBody), jsonSchema(after.requestBody));
    compare.schemas('response', 'response', okSchema(released, before), okSchema(current, after));
  }
  return changes;
}

function jsonSchema(holder: { content?: Record<string, MediaTypeObject> | undefined } | undefined): Schema | undefined {
  return holder?.content?.['application/json']?.schema;
}

function okSchema(document: Document, operation: OperationObject): Schema | undefined {
  const ok = operation.responses['200'];
  return ok && jsonSchema(resolveResponse(document, ok));
}

class SchemaComparison {
  private readonly seen = new Set<string>();

  constructor(
    private readonly before: Document,
    private readonly after: Document,
    private readonly report: (where: string, change: string) => void,
  ) {}

  schemas(direction: Direction, where: string, oldRef: Schema | undefined, newRef: Schema | undefined): void {
    if (!oldRef) return;
    if (!newRef) return this.report(where, 'the schema was removed');
    // Two $refs compared once: the walk must end on recursive schemas.
    const pair = `${direction} ${oldRef.$ref ?? ''} ${newRef.$ref ?? ''} ${where}`;
    if (oldRef.$ref && newRef.$ref && this.seen.has(pair)) return;
    this.seen.add(pair);
    const old = flatten(this.before, oldRef);
    const now = flatten(this.after, newRef);

    const oldType = typeOf(old);
    const newType = typeOf(now);
    if (oldType && newType && oldType !== newType) return this.report(where, `the type changed from ${oldType} to ${newType}`);
    if (direction === 'request') this.requestLimits(where, old, now);
    this.properties(direction, where, old, now);
    if (old.items) this.schemas(direction, `${where}[]`, old.items, now.items);
    const oldBranches = old.oneOf ?? old.anyOf ?? [];
    const newBranches = now.oneOf ?? now.anyOf ?? [];
    oldBranches.forEach((branch, i) => this.schemas(direction, where, branch, matchingBranch(branch, newBranches, i)));
  }

  private properties(direction: Direction, where: string, old: Schema, now: Schema): void {
    const at = (name: string) => (where === 'request' || where === 'response' ? `${where} ${name}` : `${where}.${name}`);
    const oldRequired = new Set(old.required ?? []);
    const newRequired = new Set(now.required ?? []);
    for (const [name, oldProperty] of Object.entries(old.properties ?? {})) {
      const newProperty = now.properties?.[name];
      if (oldProperty === false) continue;
      if (newProperty === undefined || newProperty === false) {
        if (direction === 'response' || now.additionalProperties === false) this.report(at(name), 'the field was removed');
        continue;
      }
      if (direction === 'response' && oldRequired.has(name) && !newRequired.has(name)) this.report(at(name), 'the field is no longer always present');
      if (typeof oldProperty === 'object' && typeof newProperty === 'object') this.schemas(direction, at(name), oldProperty, newProperty);
    }
    if (direction === 'request') {
      for (const name of newRequired) if (!oldRequired.has(name)) this.report(at(name), 'the field is newly required');
      if (old.additionalProperties !== false && now.additionalProperties === false && old.properties) {
        this.report(where, 'unknown fields are now refused');
      }
    }
  }

  private requestLimits(where: string, old: Schema, now: Schema): void {
    if (old.enum && now.enum) {
      const dropped = old.enum.filter((value) => !now.enum?.includes(value));
      if (dropped.length > 0) this.report(where, `the enum no longer accepts ${dropped.map((v) => JSON.stringify(v)).join(', ')}`);
    } else if (!old.enum && now.enum) {
      this.report(where, 'the value is now limited to an enum');
    }
    const tighter = (key: 'maxLength' | 'maximum' | 'maxItems', lower: boolean) => {
      const before = old[key];
      const after = now[key];
      if (after === undefined || (before !== undefined && (lower ? after >= before : after <= before))) return;
      this.report(where, `${key} tightened from ${before ?? 'none'} to ${after}`);
    };
    tighter('maxLength', true);
    tighter('maximum', true);
    tighter('maxItems', true);
    for (const key of ['minLength', 'minimum', 'minItems'] as const) {
      const before = old[key] ?? 0;
      const after = now[key];
      if (after !== undefined && after > before) this.report(where, `${key} tightened from ${old[key] ?? 'none'} to ${after}`);
    }
    if (now.pattern !== undefined && now.pattern !== old.pattern) this.report(where, `the pattern changed to ${now.pattern}`);
    if (now.format !== undefined && now.format !== old.format) this.report(where, `the format changed to ${now.format}`);
  }
}

/** The schema behind `$ref`s, with its `allOf` parts merged into one view of properties and limits. */
function flatten(document: Document, schema: Schema): Schema {
  const { allOf, ...resolved } = resolveSchema(document, schema);
  if (!allOf) return resolved;
  const parts = allOf.map((part) => flatten(document, part));
  return parts.reduce<Schema>(
    (merged, part) => ({
      ...part,
      ...merged,
      properties: { ...part.properties, ...merged.properties },
      required: [...(merged.required ?? []), ...(part.required ?? [])],
    }),
    resolved,
  );
}

function typeOf(schema: Schema): string | undefined {
  if (Array.isArray(schema.type)) return [...schema.type].sort().join('|');
  return schema.type;
}

/** The same branch in the new document: by $ref name when there is one, else by position. */
function matchingBranch(branch: Schema, candidates: Schema[], index: number): Schema | undefined {
  if (branch.$ref) return candidates.find((candidate) => candidate.$ref === branch.$ref);
  return candidates[index];
}

/**
 * May a package at `current` carry breaking changes since the release at `released`? Only with a
 * new major version, read as npm's caret ranges read it: below 1.0 the minor is the major
 * (`^0.1.0` never installs 0.2.0), so 0.1.x to 0.2.0 may break and 0.1.0 to 0.1.1 may not.
 */
export function raisesMajorVersion(released: string, current: string): boolean {
  const [releasedMajor, releasedMinor] = semverParts(released);
  const [currentMajor, currentMinor] = semverParts(current);
  if (currentMajor !== releasedMajor) return currentMajor > releasedMajor;
  return releasedMajor === 0 && currentMinor > releasedMinor;
}

function semverParts(version: string): [major: number, minor: number, patch: number] {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!match) throw new Error(`${JSON.stringify(version)} is not a semver version such as 1.2.3`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
