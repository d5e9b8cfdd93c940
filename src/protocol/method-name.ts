// How an Action is named as a method of the client (and in its docs and snippets). No document is
// read here, so the browser client, the explorer and codegen can all use it.

/** `CreateAssetGroup` → `createAssetGroup` */
export function methodName<A extends string>(action: A): Uncapitalize<A> {
  return `${action[0]?.toLowerCase() ?? ''}${action.slice(1)}` as Uncapitalize<A>;
}
