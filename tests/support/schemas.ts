// The request schemas of the bundled document as the schema-driven tests walk them, through the
// toolkit's one document model. Request schemas hold no boolean schemas, so `deref` takes objects.
import { actions, portraitDocument, resolveSchema, schemaRef, type Action, type SchemaObject } from '../../src/protocol/index.js';

export type Schema = SchemaObject;

/** Follows `$ref`s; sibling keywords of a `$ref` are kept. */
export function deref(schema: Schema | boolean): Schema {
  if (typeof schema === 'boolean') throw new Error('a request schema holds a boolean schema; the tests do not walk those');
  return resolveSchema(portraitDocument, schema);
}

export function requestSchema(action: Action): Schema {
  return deref({ $ref: schemaRef(actions[action].request) });
}
