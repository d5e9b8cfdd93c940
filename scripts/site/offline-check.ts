// A page of this site must render with every other host unreachable: nothing it loads by itself
// (scripts, styles, fonts, images) may point elsewhere. Redoc has referenced a CDN logo and web
// fonts in some versions, so the built HTML is searched, and the build fails on anything found.

// Markup and CSS that make a browser fetch as soon as the page is parsed.
const loadingMarkup: RegExp[] = [
  /<script\b[^>]*\ssrc\s*=/gi,
  /<link\b[^>]*\shref\s*=\s*["']?(?:https?:)?\/\//gi,
  /<(?:img|iframe|source|video|audio|embed)\b[^>]*\ssrc\s*=\s*["']?(?:https?:)?\/\//gi,
  /url\(\s*["']?(?:https?:)?\/\//gi,
  /@import\s+(?:url\(\s*)?["']?(?:https?:)?\/\//gi,
  /fonts\.(?:googleapis|gstatic)\.com/gi,
];

// A URL of a static asset inside a script, as a component would set it on an element at run time:
// one whose path ends in an asset's extension (not `highlight.js/issues/1` or `redux.js.org`, which
// bundles print in their messages).
const assetUrl = /https?:\/\/[^\s"'`()<>\\]+\.(?:m?js|css|woff2?|ttf|otf|eot|svg|png|jpe?g|gif|webp|avif|ico)(?![\w./-])/gi;

/**
 * What in `html` would make the browser contact another host. `documentText` is the API
 * document the page shows: URLs in its examples are text on the page, never fetched.
 */
export function remoteLoads(html: string, documentText: string): string[] {
  const found = loadingMarkup.flatMap((pattern) => html.match(pattern) ?? []);
  const assets = (html.match(assetUrl) ?? []).filter((url) => !documentText.includes(url));
  return [...new Set([...found, ...assets])];
}

export function assertLoadsNothingRemote(page: string, html: string, documentText: string): void {
  const loads = remoteLoads(html, documentText);
  if (loads.length > 0) {
    throw new Error(`The ${page} page would load from other hosts; make it self-contained:\n  ${loads.join('\n  ')}`);
  }
}
