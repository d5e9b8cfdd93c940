// One property of an Action's request schema, as the document declares it, for code that reads
// its limits or default (the emulator's defaults, the contract's edge values).
import type { RequestOf } from './action-types.js';
import { resolveSchema, schemaNamed, type SchemaObject } from './document.js';
import { actions, type Action } from './generated.js';
import { portraitDocument } from './portrait-document.js';

/** The schema of one property of `action`'s request, its `$ref`s followed; throws if there is none. */
export function requestProperty<A extends Action>(action: A, property: keyof RequestOf<A> & string): SchemaObject {
  const name = actions[action].request;
  const schema = schemaNamed(portraitDocument, name)?.properties?.[property];
  if (typeof schema !== 'object') throw new Error(`the document's ${name} has no property ${property}`);
  return resolveSchema(portraitDocument, schema);
}
