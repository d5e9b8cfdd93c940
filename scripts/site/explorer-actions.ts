// What the explorer shows of each Action, read from the bundled document when the site is
// built: its name, tag, summary, path, request examples and the links of its success reply; and
// the document's flows. No schema is copied: the server judges every body, and the typed client
// turns its replies into results or errors.
import { postOperations, resolveSchema, schemaNamed, successLinks, type FlowObject, type OpenApiDocument, type SchemaObject } from '../../src/protocol/document.js';

export interface ExplorerExample {
  /** The example's key in the document, such as `reference`. */
  name: string;
  summary: string;
  value: unknown;
}

/** One field of an Action's request, as its schema describes it. */
export interface ExplorerField {
  name: string;
  /** `string`, `integer`, `"AIGC" | "LivenessFace"`, `string[]`, `object`. */
  type: string;
  required: boolean;
  description: string;
}

/** A call a success leads to (an OpenAPI link): its body, with `{$response.body#/…}` for the reply's ids. */
export interface ExplorerLink {
  action: string;
  description: string;
  body: Record<string, unknown>;
}

export interface ExplorerAction {
  action: string;
  summary: string;
  fields: ExplorerField[];
  /** `/portrait/?Action=<Action>&Version=2024-01-01` */
  path: string;
  examples: ExplorerExample[];
  links: ExplorerLink[];
}

export interface ExplorerTag {
  name: string;
  description: string;
  actions: ExplorerAction[];
}

export interface ExplorerData {
  title: string;
  version: string;
  summary: string;
  tags: ExplorerTag[];
  flows: FlowObject[];
}

/** Every Action of `document`, grouped by tag in the document's tag order. */
export function explorerData(document: OpenApiDocument): ExplorerData {
  const tags = new Map<string, ExplorerTag>();
  for (const tag of document.tags ?? []) tags.set(tag.name, { name: tag.name, description: tag.description ?? '', actions: [] });
  for (const { path, operation } of postOperations(document)) {
    const tagName = operation.tags[0] ?? 'Other';
    const tag = tags.get(tagName) ?? { name: tagName, description: '', actions: [] };
    tags.set(tagName, tag);
    const examples = operation.requestBody.content['application/json']?.examples ?? {};
    tag.actions.push({
      action: operation.operationId,
      summary: operation.summary ?? '',
      fields: requestFields(document, `${operation.operationId}Request`),
      path,
      examples: Object.entries(examples).map(([name, example]) => ({ name, summary: example.summary ?? name, value: example.value ?? {} })),
      links: Object.values(successLinks(document, operation)).map((link) => ({ action: link.operationId, description: link.description ?? '', body: link.requestBody ?? {} })),
    });
  }
  return {
    title: document.info.title,
    version: document.info.version,
    summary: document.info.summary ?? '',
    tags: [...tags.values()].filter((tag) => tag.actions.length > 0),
    flows: document['x-portrait-flows'] ?? [],
  };
}

/** The top-level fields of a request schema, for the form's field list. */
function requestFields(document: OpenApiDocument, name: string): ExplorerField[] {
  const schema = resolveSchema(document, schemaNamed(document, name) ?? {});
  return Object.entries(schema.properties ?? {}).map(([field, property]) => {
    const resolved = typeof property === 'object' ? resolveSchema(document, property) : {};
    return { name: field, type: typeName(document, resolved), required: schema.required?.includes(field) ?? false, description: resolved.description ?? '' };
  });
}

function typeName(document: OpenApiDocument, schema: SchemaObject): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.type === 'array') return `${typeName(document, resolveSchema(document, schema.items ?? {}))}[]`;
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
}
