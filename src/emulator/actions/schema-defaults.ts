// The defaults of request fields (`ProjectName` `default`, `PageSize` 10, `SortOrder` `Desc`,
// ...) as the document declares them, so the emulator applies the same values the document
// promises and a change to the document changes the emulator too.
import { requestProperty, type Action, type PaginatedAction } from '../../protocol/index.js';
import type { RequestOf } from './action-types.js';

/**
 * The `default` the document gives `property` of `action`'s request, directly or through the
 * schema it refers to. Throws at start-up if the document has none, rather than guessing.
 */
export function requestDefault<A extends Action, K extends keyof RequestOf<A> & string>(action: A, property: K): NonNullable<RequestOf<A>[K]> {
  const value = requestProperty(action, property).default;
  if (value === undefined) throw new Error(`The document declares no default for ${action} ${property}`);
  return value as NonNullable<RequestOf<A>[K]>;
}

/** The paging and sorting defaults of a List Action's request. */
export function listRequestDefaults<A extends PaginatedAction>(action: A) {
  return {
    PageNumber: requestDefault(action, 'PageNumber'),
    PageSize: requestDefault(action, 'PageSize'),
    SortBy: requestDefault(action, 'SortBy'),
    SortOrder: requestDefault(action, 'SortOrder'),
  };
}
