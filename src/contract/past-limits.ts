// The values just past a request limit, from the document, so a check follows it when a limit changes.
import { requestProperty, type Action, type RequestOf } from '../protocol/index.js';

/** The least whole number over the `maximum` the document sets for a request property. */
export function overMaximum<A extends Action>(action: A, property: keyof RequestOf<A> & string): number {
  const { maximum } = requestProperty(action, property);
  if (maximum === undefined) throw new Error(`the document sets no maximum for ${action} ${property}`);
  return Math.floor(maximum) + 1;
}
