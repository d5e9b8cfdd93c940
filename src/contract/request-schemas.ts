// The request schemas as the checks read them: the values just past a limit and the defaults come
// from the document, so a check follows it when a limit changes.
import type { RequestOf } from '../protocol/index.js';
import { actions, portraitDocument, resolveSchema, schemaNamed, type Action, type SchemaObject } from '../protocol/index.js';

/** The schema of one property of `action`'s request, its `$ref`s followed. */
export function requestProperty<A extends Action>(action: A, property: keyof RequestOf<A> & string): SchemaObject {
  const name = actions[action].request;
  const schema = schemaNamed(portraitDocument, name)?.properties?.[property];
  if (typeof schema !== 'object') throw new Error(`the document's ${name} has no property ${property}`);
  return resolveSchema(portraitDocument, schema);
}

/** The least whole number over the `maximum` the document sets for a request property. */
export function overMaximum<A extends Action>(action: A, property: keyof RequestOf<A> & string): number {
  const { maximum } = requestProperty(action, property);
  if (maximum === undefined) throw new Error(`the document sets no maximum for ${action} ${property}`);
  return Math.floor(maximum) + 1;
}
