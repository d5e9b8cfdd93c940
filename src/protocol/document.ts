// The one model of an OpenAPI document in this toolkit: the parts of it the code walks, and how a
// `$ref` is followed. The validators, the mock, the emulator's defaults, the code generator, the
// breaking-change check, the explorer and the tests all read documents through this module.
// It imports nothing, so the code generator can use it before generated/ exists.

/** The JSON Schema keywords the document's schemas use; `x-` extensions pass through. */
export interface SchemaObject {
  $ref?: string | undefined;
  type?: string | string[] | undefined;
  description?: string | undefined;
  properties?: Record<string, SchemaObject | boolean> | undefined;
  required?: string[] | undefined;
  additionalProperties?: SchemaObject | boolean | undefined;
  items?: SchemaObject | undefined;
  allOf?: SchemaObject[] | undefined;
  anyOf?: SchemaObject[] | undefined;
  oneOf?: SchemaObject[] | undefined;
  enum?: unknown[] | undefined;
  const?: unknown;
  default?: unknown;
  examples?: unknown[] | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  minItems?: number | undefined;
  maxItems?: number | undefined;
  uniqueItems?: boolean | undefined;
  pattern?: string | undefined;
  format?: string | undefined;
  [extension: `x-${string}`]: unknown;
}

export interface Reference {
  $ref: string;
}

export interface MediaTypeObject {
  schema: SchemaObject;
  examples?: Record<string, { summary?: string | undefined; value: unknown }> | undefined;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, MediaTypeObject> | undefined;
  links?: Record<string, LinkObject> | undefined;
}

/** A call a reply leads to: `requestBody` is its whole body, with `{$response.body#/Result/…}` in place of the ids this reply gives. */
export interface LinkObject {
  operationId: string;
  description?: string | undefined;
  requestBody?: Record<string, unknown> | undefined;
}

export interface OperationObject {
  operationId: string;
  tags: string[];
  summary?: string | undefined;
  description?: string | undefined;
  requestBody: { content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject | Reference>;
  /** The Action lists resources page by page (`PageNumber`, `PageSize`, `Items`, `TotalCount`). */
  'x-portrait-paginated'?: boolean | undefined;
  /** The Action makes a resource, so repeating it after an unknown outcome may make two. */
  'x-portrait-creates-resource'?: boolean | undefined;
  /** Calls per account the upstream allows: `requests` per `perSeconds` seconds. */
  'x-portrait-rate-limit'?: { requests: number; perSeconds: number } | undefined;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; summary?: string | undefined; description?: string | undefined };
  servers?: { url: string; description?: string | undefined }[] | undefined;
  tags?: { name: string; description?: string | undefined }[] | undefined;
  paths: Record<string, { post?: OperationObject | undefined }>;
  components: {
    schemas: Record<string, SchemaObject>;
    responses: Record<string, ResponseObject>;
  };
  /** The flows of the API, each a list of Actions in order (see openapi/portrait.yaml). */
  'x-portrait-flows'?: FlowObject[] | undefined;
  [extension: `x-${string}`]: unknown;
}

export interface FlowObject {
  name: string;
  description: string;
  /** operationIds; each step's 200 reply has a link to the next. */
  steps: string[];
  /** By step: the Result fields and values for which the step is sent again (an asset still `Processing`). */
  repeatWhile?: Record<string, Record<string, unknown>> | undefined;
}

const schemaRefPrefix = '#/components/schemas/';
const responseRefPrefix = '#/components/responses/';

/** `#/components/schemas/<name>` */
export function schemaRef(name: string): string {
  return `${schemaRefPrefix}${name}`;
}

export function schemaNamed(document: OpenApiDocument, name: string): SchemaObject | undefined {
  const { schemas } = document.components;
  return Object.hasOwn(schemas, name) ? schemas[name] : undefined;
}

/**
 * The schema behind a chain of `$ref`s into components.schemas; keywords beside a `$ref`
 * override the target's. A `$ref` the document does not hold leaves only those keywords.
 */
export function resolveSchema(document: OpenApiDocument, schema: SchemaObject): SchemaObject {
  let current = schema;
  // Bounded: a document whose schemas refer to each other in a ring must not hang the caller.
  for (let hops = 0; current.$ref && hops < 32; hops++) {
    const { $ref, ...siblings } = current;
    const target = $ref.startsWith(schemaRefPrefix) ? schemaNamed(document, $ref.slice(schemaRefPrefix.length)) : undefined;
    if (!target) return siblings;
    current = { ...target, ...siblings };
  }
  return current;
}

/** A response, or the shared one (components.responses) its `$ref` names. */
export function resolveResponse(document: OpenApiDocument, response: ResponseObject | Reference): ResponseObject | undefined {
  if (!('$ref' in response)) return response;
  const name = response.$ref.slice(responseRefPrefix.length);
  return Object.hasOwn(document.components.responses, name) ? document.components.responses[name] : undefined;
}

/** The calls an operation's success leads to: the links of its 200 reply, by name. */
export function successLinks(document: OpenApiDocument, operation: OperationObject): Record<string, LinkObject> {
  const success = operation.responses['200'];
  return (success && resolveResponse(document, success)?.links) ?? {};
}

/** Every POST operation (every Action) with its path key, in the document's order. */
export function postOperations(document: OpenApiDocument): { path: string; operation: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([path, item]) => (item.post ? [{ path, operation: item.post }] : []));
}
