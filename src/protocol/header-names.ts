// HTTP header names are case-insensitive: the client and the server kit keep plain records of
// headers with every name lowercase, so that a later value for a name replaces an earlier one
// whatever its case, and a lookup by the lowercase name finds it.

/** The same headers, their names lowercase. */
export function lowercaseNames(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
