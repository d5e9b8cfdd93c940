// The one test of a URL the API's parties may use: one a browser parses, http or https only.
// The client's base URL, the proxy's upstream, the emulator's public URL and the links it sends a
// browser to (`format: uri` lets through what browsers refuse, such as a port over 65535) all
// start here, and each adds what it alone forbids.

/** `text` as an http or https URL (relative to `base` when given), or undefined. */
export function httpUrl(text: string, base?: string): URL | undefined {
  try {
    // Not URL.canParse: older browsers, which the client serves, lack it.
    const url = new URL(text, base);
    return /^https?:$/.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}
