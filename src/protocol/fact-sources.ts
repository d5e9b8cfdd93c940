// Where each fact of the document comes from: `reference` (the Portrait API reference says it),
// `upstream` (the upstream's own documentation says it) or `assumed` (neither does; the toolkit
// chose). A schema, a property, an error code or a rule says it with `x-portrait-source`, and
// lists the keywords or fields whose source differs in `x-portrait-source-except`; what says
// nothing takes the source of what holds it. The code generator refuses a document with a judged
// fact of no source, and the contract checks grade what a server does by it.
// It imports only the document model, so the code generator can use it before generated/ exists.
import { postOperations, type OpenApiDocument, type SchemaObject } from './document.js';

export const sourceNames = ['reference', 'upstream', 'assumed'] as const;
export type Source = (typeof sourceNames)[number];

/** A named fact: where it comes from, and what it says in the document's words. */
export interface Fact {
  source: Source;
  says: string;
}

type Node = Record<string, unknown>;

const sourceKey = 'x-portrait-source';
const exceptKey = 'x-portrait-source-except';
const schemaRefPrefix = '#/components/schemas/';

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSource(value: unknown): value is Source {
  return (sourceNames as readonly unknown[]).includes(value);
}

/** The source `node` gives its own `key` (a keyword or field), else the one it gives itself. */
function sourceAt(node: Node, key?: string): Source | undefined {
  const except = node[exceptKey];
  const special = key !== undefined && isNode(except) ? except[key] : undefined;
  if (isSource(special)) return special;
  const own = node[sourceKey];
  return isSource(own) ? own : undefined;
}

/** A fact that must carry its source: throws, naming it, when it does not. */
function sourced(node: Node, name: string, says: string, key?: string): Fact {
  const source = sourceAt(node, key);
  if (!source) throw new Error(`${name} has no ${sourceKey} (one of ${sourceNames.join(', ')})`);
  return { source, says };
}

/**
 * Every named fact of the document beyond its schemas, by the name the contract checks use:
 * `protocol.<rule>`, `behaviours.<name>`, `errors.<Code>` (the code and its meaning) with
 * `errors.<Code>.status` and `.codeN`, and `rateLimits.<Action>`. Throws on a fact without a source.
 */
export function namedFacts(document: OpenApiDocument): Record<string, Fact> {
  const facts: Record<string, Fact> = {};
  for (const [extension, prefix] of [['x-portrait-protocol', 'protocol'], ['x-portrait-behaviours', 'behaviours']] as const) {
    for (const [key, entry] of Object.entries(nodeAt(document, extension))) {
      if (!isNode(entry) || typeof entry.description !== 'string') throw new Error(`${extension}.${key} must be an object with a description`);
      const alternatives = Array.isArray(entry.alternatives) ? ` Also allowed: ${entry.alternatives.join(' ')}` : '';
      facts[`${prefix}.${key}`] = sourced(entry, `${extension}.${key}`, `${entry.description.trim()}${alternatives}`);
    }
  }
  const errorCode = document.components.schemas.ErrorCode;
  for (const [code, entry] of Object.entries(nodeAt(errorCode ?? {}, 'x-portrait-errors'))) {
    if (!isNode(entry) || typeof entry.description !== 'string' || !Number.isInteger(entry.status)) {
      throw new Error(`x-portrait-errors.${code} must have a description and an integer status`);
    }
    const name = `x-portrait-errors.${code}`;
    facts[`errors.${code}`] = sourced(entry, name, `\`${code}\`: ${entry.description}`);
    facts[`errors.${code}.status`] = sourced(entry, name, `\`${code}\` comes with HTTP ${String(entry.status)}.`, 'status');
    if (entry.codeN !== undefined) facts[`errors.${code}.codeN`] = sourced(entry, name, `\`${code}\` carries CodeN ${String(entry.codeN)}.`, 'codeN');
  }
  for (const { operation } of postOperations(document)) {
    const limit = (operation as unknown as Node)['x-portrait-rate-limit'];
    if (!isNode(limit)) throw new Error(`${operation.operationId} has no x-portrait-rate-limit`);
    const says = `${operation.operationId}: at most ${String(limit.requests)} calls per ${String(limit.perSeconds)} s per account.`;
    facts[`rateLimits.${operation.operationId}`] = sourced(limit, `${operation.operationId} x-portrait-rate-limit`, says);
  }
  return facts;
}

function nodeAt(parent: object, key: string): Node {
  const value = (parent as Node)[key];
  if (!isNode(value)) throw new Error(`the document has no ${key}`);
  return value;
}

/**
 * What is wrong with the document's sources: a named schema without one, a source that is none
 * of the three, an exception naming a key its node does not have. Empty when all is well.
 */
export function sourceProblems(document: OpenApiDocument): string[] {
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(document.components.schemas)) {
    if (!isSource(schema[sourceKey])) problems.push(`components.schemas.${name} has no ${sourceKey} (one of ${sourceNames.join(', ')})`);
  }
  const pending: { node: unknown; where: string }[] = [{ node: document, where: '#' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, where } = next;
    if (Array.isArray(node)) node.forEach((item, index) => pending.push({ node: item, where: `${where}/${index}` }));
    if (!isNode(node)) continue;
    if (sourceKey in node && !isSource(node[sourceKey])) problems.push(`${where}: ${sourceKey} must be one of ${sourceNames.join(', ')}`);
    const except = node[exceptKey];
    if (except !== undefined) {
      if (!isNode(except)) problems.push(`${where}: ${exceptKey} must map keys to sources`);
      else {
        for (const [key, source] of Object.entries(except)) {
          if (!(key in node)) problems.push(`${where}: ${exceptKey} names ${key}, which is not there`);
          if (!isSource(source)) problems.push(`${where}: ${exceptKey}.${key} must be one of ${sourceNames.join(', ')}`);
        }
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== exceptKey) pending.push({ node: value, where: `${where}/${key}` });
  }
  try {
    namedFacts(document);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return problems;
}

/** What a validator found wrong: where in the value (a JSON Pointer), and by which keyword. */
export interface IssueLocation {
  path: string;
  keyword: string;
}

/**
 * The source of the fact a validation issue breaks, found by walking the schema at
 * `schemaPointer` along the issue's path: the keyword's own source where its schema names one,
 * else the nearest enclosing one. A missing field breaks its object's `required`; an unknown
 * field in a request breaks the `unknownFields` rule; an undocumented HTTP status breaks the
 * document's choice of statuses, an assumption.
 */
export function issueSource(document: OpenApiDocument, schemaPointer: string, issue: IssueLocation): Source {
  if (issue.keyword === 'status') return 'assumed';
  const segments = issue.path.split('/').slice(1).map(unescapeSegment);
  // These two name the field in the path; the keyword is its object's.
  const field = issue.keyword === 'required' || issue.keyword === 'additionalProperties' ? segments.pop() : undefined;
  if (issue.keyword === 'additionalProperties' && requestSchemaPointers(document).has(schemaPointer)) {
    const rule = nodeAt(document, 'x-portrait-protocol').unknownFields;
    return (isNode(rule) && sourceAt(rule)) || 'assumed';
  }
  const chain = walk(document, pointerTarget(document, schemaPointer), segments);
  const holder = chain.at(-1) && branchWith(document, chain.at(-1) as Node, issue.keyword, field);
  if (holder) chain.push(...holder);
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    const source = node && sourceAt(node, i === chain.length - 1 ? issue.keyword : undefined);
    if (source) return source;
  }
  return 'assumed';
}

function requestSchemaPointers(document: OpenApiDocument): Set<string> {
  return new Set(postOperations(document).map(({ operation }) => `/components/schemas/${operation.operationId}Request`));
}

/** The schema nodes from `start` down to the one that governs `segments`, outermost first, through the branches they pass. */
function walk(document: OpenApiDocument, start: Node | undefined, segments: string[]): Node[] {
  const chain: Node[] = [];
  let nodes = start ? [start] : [];
  for (let step = 0; nodes.length > 0; step++) {
    for (const node of nodes) chain.push(...resolved(document, node));
    if (step === segments.length) break;
    const segment = segments[step] ?? '';
    const current = chain.at(-1);
    const item = current && itemNode(current, segment);
    nodes = (current && propertyPath(document, current, segment)) ?? (item ? [item] : []);
  }
  return chain;
}

/** `node` with the schemas its `$ref`s lead to, outermost first (a ring stops the walk). */
function resolved(document: OpenApiDocument, node: Node): Node[] {
  const nodes = [node];
  for (let hops = 0, current = node; typeof current.$ref === 'string' && hops < 32; hops++) {
    const target = current.$ref.startsWith(schemaRefPrefix) ? (document.components.schemas[current.$ref.slice(schemaRefPrefix.length)] as Node | undefined) : undefined;
    if (!target) break;
    nodes.push(target);
    current = target;
  }
  return nodes;
}

/** Where `node` declares `name`: the property's schema, after the allOf, anyOf or oneOf branches it is declared in. */
function propertyPath(document: OpenApiDocument, node: Node, name: string): Node[] | undefined {
  const properties = node.properties;
  if (isNode(properties) && isNode(properties[name])) return [properties[name]];
  for (const branch of branchesOf(document, node)) {
    const inner = propertyPath(document, branch.at(-1) as Node, name);
    if (inner) return [...branch, ...inner];
  }
  return undefined;
}

/** The allOf, anyOf and oneOf branches of `node`, each with the schemas its `$ref`s lead to. */
function branchesOf(document: OpenApiDocument, node: Node): Node[][] {
  return ['allOf', 'anyOf', 'oneOf'].flatMap((key) => (Array.isArray(node[key]) ? (node[key] as unknown[]).filter(isNode).map((branch) => resolved(document, branch)) : []));
}

/** The branch of `node` that holds `keyword` (a `required` naming `field`) when `node` does not. */
function branchWith(document: OpenApiDocument, node: Node, keyword: string, field: string | undefined): Node[] | undefined {
  const holds = (candidate: Node) => (keyword === 'required' ? Array.isArray(candidate.required) && candidate.required.includes(field) : keyword in candidate);
  if (holds(node)) return undefined;
  return branchesOf(document, node).find((branch) => holds(branch.at(-1) as Node));
}

function itemNode(node: Node, segment: string): Node | undefined {
  return /^\d+$/.test(segment) && isNode(node.items) ? node.items : undefined;
}

/** The node at a JSON Pointer written as a URI fragment, as the validators write them. */
function pointerTarget(document: OpenApiDocument, pointer: string): Node | undefined {
  let node: unknown = document;
  for (const segment of pointer.split('/').slice(1)) node = isNode(node) ? node[unescapeSegment(safeDecode(segment))] : undefined;
  return isNode(node) ? node : undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A JSON Pointer segment's own escapes (RFC 6901). */
function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** One assumed fact, for the table in docs/facts.md and the docs page. */
export interface Assumption {
  /** Where the document states it: a named fact, or a schema with the keyword or property. */
  fact: string;
  says: string;
}

/** A schema (or property) assumed where what holds it is not, or one keyword of it. */
export interface AssumedPart {
  schema: SchemaObject;
  /** `AssetId`, `ListAssetsRequest.Filter.GroupIds`. */
  where: string;
  /** The assumed keyword; none when the whole schema is. */
  keyword?: string;
}

/** Every part of the document's schemas marked assumed, outermost first. */
export function assumedSchemaParts(document: OpenApiDocument): AssumedPart[] {
  const parts: AssumedPart[] = [];
  const visit = (schema: SchemaObject, where: string, inherited: Source | undefined) => {
    const own = sourceAt(schema as Node) ?? inherited;
    if (own === 'assumed' && inherited !== 'assumed') parts.push({ schema, where });
    const except = (schema as Node)[exceptKey];
    if (isNode(except)) {
      for (const [keyword, source] of Object.entries(except)) if (source === 'assumed' && own !== 'assumed') parts.push({ schema, where, keyword });
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) if (typeof property === 'object') visit(property, `${where}.${name}`, own);
    if (schema.items) visit(schema.items, `${where}[]`, own);
  };
  for (const [name, schema] of Object.entries(document.components.schemas)) visit(schema, name, undefined);
  return parts;
}

/** Every assumed fact: the named ones, then each schema, keyword or property marked assumed. */
export function assumptions(document: OpenApiDocument): Assumption[] {
  const named = Object.entries(namedFacts(document))
    .filter(([, fact]) => fact.source === 'assumed')
    .map(([fact, { says }]) => ({ fact, says }));
  const inSchemas = assumedSchemaParts(document).map(({ schema, where, keyword }) => {
    const description = schema.description?.replace(/\s+/g, ' ').trim() ?? '';
    if (keyword === undefined) return { fact: where, says: description };
    const firstSentence = /^.*?[.:](?=\s|$)/.exec(description)?.[0] ?? description;
    return { fact: `${where} ${keyword}`, says: `\`${keyword}: ${JSON.stringify((schema as Node)[keyword])}\`. ${firstSentence}`.trim() };
  });
  return [...named, ...inSchemas];
}
