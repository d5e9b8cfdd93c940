// The defaults of request fields (`ProjectName` `default`, `PageSize` 10, `SortOrder` `Desc`,
// ...) as the document declares them, so the emulator applies the same values the document
// promises and a change to the document changes the emulator too.
import { actions, portraitDocument, type Action } from '../spec/index.js';
import type { RequestOf } from './action-types.js';

type SchemaObject = { default?: unknown; $ref?: string; properties?: Record<string, SchemaObject> };

const schemaRefPrefix = '#/components/schemas/';

/**
 * The `default` the document gives `property` of `action`'s request, directly or through the
 * schema it refers to. Throws at start-up if the document has none, rather than guessing.
 */
export function requestDefault<A extends Action, K extends keyof RequestOf<A> & string>(action: A, property: K): NonNullable<RequestOf<A>[K]> {
  const request = schemaNamed(actions[action].request);
  let schema = request?.properties?.[property];
  while (schema && schema.default === undefined && schema.$ref?.startsWith(schemaRefPrefix)) {
    schema = schemaNamed(schema.$ref.slice(schemaRefPrefix.length));
  }
  if (schema?.default === undefined) throw new Error(`The document declares no default for ${action} ${property}`);
  return schema.default as NonNullable<RequestOf<A>[K]>;
}

function schemaNamed(name: string): SchemaObject | undefined {
  const { schemas } = portraitDocument.components;
  return Object.hasOwn(schemas, name) ? (schemas[name] as SchemaObject) : undefined;
}

/** The paging and sorting defaults of a List Action's request. */
export function listRequestDefaults<A extends 'ListAssets' | 'ListAssetGroups'>(action: A) {
  return {
    PageNumber: requestDefault(action, 'PageNumber'),
    PageSize: requestDefault(action, 'PageSize'),
    SortBy: requestDefault(action, 'SortBy'),
    SortOrder: requestDefault(action, 'SortOrder'),
  };
}
