// The request schemas of the bundled document as the schema-driven tests walk them.
import { actions, portraitDocument, type Action } from '../../src/spec/index.js';

/** The JSON Schema keywords the request schemas use. */
export interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  examples?: unknown[];
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  pattern?: string;
  format?: string;
}

/** Follows `$ref`s; sibling keywords of a `$ref` are kept. */
export function deref(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const { $ref, ...siblings } = schema;
  const target = portraitDocument.components.schemas[$ref.replace('#/components/schemas/', '')] as Schema;
  return { ...deref(target), ...siblings };
}

export function requestSchema(action: Action): Schema {
  return deref({ $ref: `#/components/schemas/${actions[action].request}` });
}
