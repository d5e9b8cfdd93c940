// The views `npm run generate` derives from the one hand-written document, for tools that cannot
// read a query inside a path key or read only OpenAPI 3.0:
// - the multiplexing as discriminated schemas (PortraitCall, PortraitCallResult and the
//   x-portrait-actions map), added to every view;
// - the single-endpoint view: one `POST /portrait/` with `Action` and `Version` as query
//   parameters and the bodies and replies of all Actions as `anyOf`;
// - OpenAPI 3.0.3 downgrades of both.
import { postOperations, resolveResponse, schemaRef, type OpenApiDocument, type OperationObject, type Reference, type ResponseObject } from '../../src/protocol/document.js';

type Json = Record<string, unknown>;

/** The document with PortraitCall, PortraitCallResult, a `<Action>Call` and `<Action>CallResult` per Action, and `x-portrait-actions`. */
export function withCallSchemas(document: OpenApiDocument): OpenApiDocument {
  const view = structuredClone(document);
  const actions = postOperations(document).map(({ operation }) => operation.operationId);
  const version = { type: 'string', const: document.info.version };
  // The multiplexing these schemas spell out is the reference's.
  const source = { 'x-portrait-source': 'reference' };
  const branch = (action: string, member: 'Body' | 'Result', schema: string, what: string) => ({
    ...source,
    type: 'object',
    description: `${what} ${action}.`,
    required: ['Action', 'Version', member],
    additionalProperties: false,
    properties: { Action: { type: 'string', const: action }, Version: version, [member]: { $ref: schemaRef(schema) } },
  });
  const union = (suffix: string, description: string) => ({
    ...source,
    description,
    oneOf: actions.map((action) => ({ $ref: schemaRef(`${action}${suffix}`) })),
    discriminator: { propertyName: 'Action', mapping: Object.fromEntries(actions.map((action) => [action, schemaRef(`${action}${suffix}`)])) },
  });
  const schemas: Record<string, unknown> = {};
  for (const action of actions) {
    schemas[`${action}Call`] = branch(action, 'Body', `${action}Request`, 'A call of');
    schemas[`${action}CallResult`] = branch(action, 'Result', `${action}Result`, 'The result of');
  }
  schemas.PortraitCall = union(
    'Call',
    'One call of the API, discriminated by `Action`: the query names the Action and the Version, and the body is that Action\'s request. It is sent as `POST /portrait/?Action=<Action>&Version=<Version>` with `Body` as the JSON body.',
  );
  schemas.PortraitCallResult = union('CallResult', 'The Result of one successful call, discriminated by `Action`.');
  Object.assign(view.components.schemas, schemas);
  view['x-portrait-actions'] = Object.fromEntries(
    postOperations(document).map(({ operation }) => {
      const action = operation.operationId;
      const facts = {
        request: schemaRef(`${action}Request`),
        result: schemaRef(`${action}Result`),
        response: schemaRef(`${action}Response`),
        // What the single-endpoint view cannot say operation by operation.
        tag: operation.tags[0],
        statuses: Object.keys(operation.responses).map(Number),
        paginated: operation['x-portrait-paginated'] === true,
        createsResource: operation['x-portrait-creates-resource'] === true,
      };
      return [action, facts];
    }),
  );
  return view;
}

/** The one operation `POST <endpoint>` that every Action is, with the Action and the Version as query parameters. */
export function singleEndpointView(document: OpenApiDocument): OpenApiDocument {
  const view = structuredClone(document);
  const operations = postOperations(document).map(({ operation }) => operation);
  const actions = operations.map((operation) => operation.operationId);
  const endpoint = (document['x-portrait-protocol'] as { endpoint: { value: string } }).endpoint.value;
  const jsonOf = (operation: OperationObject) => operation.requestBody.content['application/json'];
  const actionList = operations.map((operation) => `- \`${operation.operationId}\`: ${operation.summary ?? ''}`).join('\n');

  const operation = {
    operationId: 'callAction',
    tags: ['Actions'],
    summary: 'Call an Action',
    description: `Every Action of the API is this one request: the \`Action\` query parameter names it, \`Version\` is always \`${document.info.version}\`, and the JSON body is that Action's request (\`PortraitCall\` pairs each Action with its request). Errors can arrive with HTTP 200 in \`ResponseMetadata.Error\`.\n\n${actionList}`,
    parameters: [
      { name: 'Action', in: 'query', required: true, description: 'The Action to call.', schema: { type: 'string', enum: actions } },
      { name: 'Version', in: 'query', required: true, description: 'The API version.', schema: { type: 'string', enum: [document.info.version] } },
    ],
    requestBody: {
      required: true,
      description: "The Action's request: the `<Action>Request` schema of the Action in the query.",
      content: {
        'application/json': {
          schema: { anyOf: operations.map((operation) => jsonOf(operation)?.schema) },
          examples: prefixedExamples(operations.map((operation) => [operation.operationId, jsonOf(operation)?.examples])),
        },
      },
    },
    responses: mergedResponses(document, operations),
  };
  view.paths = { [endpoint]: { post: operation as unknown as OperationObject } };
  view.info.description = `**The single-endpoint view**, generated from the per-Action document for routers, mocks and generators that cannot read a query inside a path key: all Actions are the one operation \`POST ${endpoint}\`, and where the text below speaks of one path per Action, read the \`Action\` query parameter.\n\n${document.info.description ?? ''}`;
  // A shared reply the merge inlined everywhere (Forbidden, beside inline 403s) is no longer used.
  const used = JSON.stringify([view.paths, (view as { webhooks?: unknown }).webhooks]);
  for (const name of Object.keys(view.components.responses)) if (!used.includes(`"#/components/responses/${name}"`)) delete view.components.responses[name];
  // The Actions' own tags stay declared: the webhook keeps its tag, and x-portrait-actions names them.
  view.tags = [{ name: 'Actions', description: 'All Actions, as one operation. The per-Action document describes each Action as an operation of its own.' }, ...(document.tags ?? [])];
  return view;
}

/** Each status any Action answers, once: a shared `$ref` stays one; differing replies are merged. */
function mergedResponses(document: OpenApiDocument, operations: OperationObject[]): Record<string, unknown> {
  const statuses = [...new Set(operations.flatMap((operation) => Object.keys(operation.responses)))].sort();
  const merged: Record<string, unknown> = {};
  for (const status of statuses) {
    const answering = operations.filter((operation) => operation.responses[status] !== undefined);
    const refs = new Set(answering.map((operation) => (operation.responses[status] as { $ref?: string }).$ref));
    const [onlyRef] = refs;
    if (refs.size === 1 && onlyRef !== undefined) {
      merged[status] = { $ref: onlyRef };
      continue;
    }
    const replies = answering.map((operation) => [operation.operationId, resolvedResponse(document, operation.responses[status] as ResponseObject | Reference)] as const);
    // What the merge below keeps is all there is to keep, but for `links`, which name per-Action
    // operations this view does not have; anything more stops generation.
    for (const [action, reply] of replies) {
      const extra = Object.keys(reply).filter((key) => key !== 'description' && key !== 'content' && key !== 'links');
      const media = Object.keys(reply.content ?? {});
      if (extra.length > 0 || media.length !== 1 || media[0] !== 'application/json') {
        throw new Error(`${action} ${status}: replies that differ by Action are merged from a description and JSON content only`);
      }
    }
    const schemas = uniqueSchemas(replies.flatMap(([, reply]) => (reply.content?.['application/json'] ? [reply.content['application/json'].schema] : [])));
    merged[status] = {
      description: replies.map(([action, reply]) => `**${action}**: ${reply.description}`).join('\n\n'),
      content: {
        'application/json': {
          schema: schemas.length === 1 ? schemas[0] : { anyOf: schemas },
          examples: prefixedExamples(replies.map(([action, reply]) => [action, reply.content?.['application/json']?.examples])),
        },
      },
    };
  }
  return merged;
}

/** The reply itself, its `$ref` followed; a `$ref` to nothing stops generation. */
function resolvedResponse(document: OpenApiDocument, response: ResponseObject | Reference): ResponseObject {
  const found = resolveResponse(document, response);
  if (!found) throw new Error(`${JSON.stringify(response)} names no reply in components.responses`);
  return found;
}

/**
 * Schemas as given, each once, those shared by many replies last: `{ oneOf: [A, Error] }` twelve
 * times over becomes each A, then Error.
 */
function uniqueSchemas(schemas: unknown[]): unknown[] {
  const seen = new Map<string, { schema: unknown; count: number }>();
  for (const schema of schemas) {
    for (const branch of (schema as { oneOf?: unknown[] }).oneOf ?? [schema]) {
      const key = JSON.stringify(branch);
      const entry = seen.get(key) ?? { schema: branch, count: 0 };
      entry.count++;
      seen.set(key, entry);
    }
  }
  return [...seen.values()].sort((a, b) => a.count - b.count).map(({ schema }) => schema);
}

/** Every Action's examples in one map, each named `<Action>_<name>`. */
function prefixedExamples(entries: (readonly [string, Record<string, unknown> | undefined])[]): Record<string, unknown> {
  const examples: Record<string, unknown> = {};
  for (const [action, named] of entries) for (const [name, example] of Object.entries(named ?? {})) examples[`${action}_${name}`] = example;
  return examples;
}

/**
 * The same document in OpenAPI 3.0.3, for stacks that read nothing newer. Schemas are rewritten
 * keyword by keyword; a 3.1 keyword with no 3.0 form stops generation rather than vanish.
 */
export function downgradeTo30(document: OpenApiDocument): Json {
  const view = structuredClone(document) as unknown as Json;
  view.openapi = '3.0.3';
  const info = view.info as Json;
  delete info.summary;
  const license = info.license as Json | undefined;
  if (license) delete license.identifier;
  delete view.jsonSchemaDialect;
  if (JSON.stringify(view).includes('"#/components/pathItems/')) throw new Error('a $ref into components.pathItems has no OpenAPI 3.0 form');
  // 3.0 has no webhooks; Redoc and others read the same object under `x-webhooks`.
  if (view.webhooks !== undefined) view['x-webhooks'] = view.webhooks;
  delete view.webhooks;
  const components = view.components as Json;
  delete components.pathItems;
  const schemas = components.schemas as Record<string, unknown>;
  for (const name of Object.keys(schemas)) schemas[name] = schema30(schemas[name], `components.schemas.${name}`);
  forEachMediaSchema(view, (holder, where) => {
    holder.schema = schema30(holder.schema, where);
  });
  return view;
}

/** Calls `visit` on every object in the document that holds a `schema` (parameters, media types, headers). */
function forEachMediaSchema(node: unknown, visit: (holder: Json, where: string) => void, where = ''): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => forEachMediaSchema(item, visit, `${where}[${index}]`));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const object = node as Json;
  for (const [key, value] of Object.entries(object)) {
    // Schemas are rewritten by name; examples are data, whatever keys they hold.
    if ((key === 'schemas' && where.endsWith('components')) || key === 'examples' || key === 'example') continue;
    if (key === 'schema' && typeof value === 'object') visit(object, `${where}.schema`);
    else forEachMediaSchema(value, visit, where ? `${where}.${key}` : key);
  }
}

const sameIn30 = new Set([
  '$ref', 'title', 'description', 'type', 'format', 'default', 'enum', 'required', 'readOnly', 'writeOnly', 'deprecated',
  'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems',
  'minProperties', 'maxProperties', 'discriminator', 'xml', 'externalDocs', 'example', 'nullable',
]);
const subschemaLists = new Set(['allOf', 'anyOf', 'oneOf']);
const subschemas = new Set(['items', 'additionalProperties', 'not']);

/** One JSON Schema 2020-12 schema as an OpenAPI 3.0 Schema Object. */
export function schema30(schema: unknown, where: string): unknown {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  if (typeof schema !== 'object' || schema === null) throw new Error(`${where}: not a schema`);
  const source = schema as Json;
  const cannot = (what: string) => new Error(`${where}: ${what} has no OpenAPI 3.0 form`);
  if (source.type === 'null' || source.const === null) throw cannot('null as a type or a constant');
  if (typeof source.$ref === 'string' && Array.isArray(source.type)) throw cannot('a $ref made nullable by a type list');
  for (const bound of ['Minimum', 'Maximum']) {
    if (typeof source[`exclusive${bound}`] === 'number' && source[bound.toLowerCase()] !== undefined) throw cannot(`exclusive${bound} beside ${bound.toLowerCase()}`);
  }
  const out: Json = {};
  const forbidden: string[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('x-')) out[key] = value;
    else if (key === 'properties') {
      // A property that must be absent (`false`): generators type `{ not: {} }` as any value, so
      // 3.0 gets it left out of `properties` and refused by a `not: { required }` instead.
      const entries = Object.entries(value as Json).filter(([name, item]) => (item === false ? (forbidden.push(name), false) : true));
      out.properties = Object.fromEntries(entries.map(([name, item]) => [name, schema30(item, `${where}.properties.${name}`)]));
    } else if (subschemaLists.has(key)) out[key] = (value as unknown[]).map((item, index) => schema30(item, `${where}.${key}[${index}]`));
    // additionalProperties may stay a boolean in 3.0; other subschemas may not.
    else if (subschemas.has(key)) out[key] = key === 'additionalProperties' && typeof value === 'boolean' ? value : schema30(value, `${where}.${key}`);
    else if (key === 'const') out.enum = [value];
    else if (key === 'examples') {
      if (Array.isArray(value) && value.length > 0) out.example = value[0];
    } else if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
      out[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = value;
      out[key] = true;
    } else if (sameIn30.has(key)) out[key] = value;
    else throw cannot(`the 3.1 keyword "${key}"`);
  }
  if (forbidden.length > 0) {
    if (out.not !== undefined) throw cannot('a property that must be absent beside `not`');
    out.not = { anyOf: forbidden.map((name) => ({ required: [name] })) };
  }
  if (Array.isArray(out.type)) {
    const types = out.type as string[];
    delete out.type;
    Object.assign(out, type30(types, where));
  }
  // 3.0 ignores everything beside a $ref, so the rest moves beside an allOf that holds it.
  if (typeof out.$ref === 'string' && Object.keys(out).some((key) => key !== '$ref' && !key.startsWith('x-'))) {
    const { $ref, ...rest } = out;
    return { allOf: [{ $ref }], ...rest };
  }
  return out;
}

/** `type: [T, 'null']` as `type: T` and `nullable: true`; several types as an `anyOf`. */
function type30(types: string[], where: string): Json {
  const nonNull = types.filter((type) => type !== 'null');
  const nullable = nonNull.length < types.length ? { nullable: true } : {};
  if (nonNull.length === 1) return { type: nonNull[0], ...nullable };
  if (nonNull.length === 0) throw new Error(`${where}: a schema of type null alone has no OpenAPI 3.0 form`);
  return { anyOf: nonNull.map((type) => ({ type })), ...nullable };
}
