// Where the emulator sends a browser (a CallbackURL, an asset's file): only a URL a browser
// parses, and only http or https. `format: uri` lets through what browsers refuse, such as a
// port over 65535.
export function webUrl(text: string): URL | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}
