// The `Prefer` header (RFC 7240) as Prism's own server reads it: `Prefer: example=<name>`.

/** The example name a `Prefer` header asks for, if any. */
export function preferredExample(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const preference of header.split(/[,;]/)) {
    const separator = preference.indexOf('=');
    if (separator < 0) continue;
    if (preference.slice(0, separator).trim().toLowerCase() !== 'example') continue;
    const value = preference.slice(separator + 1).trim().replace(/^"(.*)"$/, '$1');
    if (value) return value;
  }
  return undefined;
}
