// Swagger UI reads a deep link (#/<tag>/<operationId>) once, when the page loads: a link followed
// within the page, or a hash typed into the address bar of the open page, changed nothing.

/** What of Swagger UI's layout plugin following a link takes. */
export interface DeepLinkLayout {
  parseDeepLinkHash(hash: string): void;
}

/** Opens the operation each later hash names, as Swagger UI does at load, and scrolls to it. */
export function followDeepLinks(layout: DeepLinkLayout): void {
  window.addEventListener('hashchange', () => {
    let hash: string;
    try {
      hash = decodeURIComponent(location.hash);
    } catch {
      return; // a broken %-escape names no operation
    }
    layout.parseDeepLinkHash(hash);
    // Swagger UI scrolls only to an operation it draws for the first time; this one is drawn already.
    requestAnimationFrame(() => document.getElementById(operationElementId(hash))?.scrollIntoView());
  });
}

/** The id Swagger UI gives the block of the operation a hash names: `operations-<tag>-<operationId>`, blanks as `_`. */
function operationElementId(hash: string): string {
  const [tag = '', operationId = ''] = hash.replace(/^#!?\/?/, '').split('/');
  return ['operations', tag, operationId].map((part) => part.replace(/\s/g, '_')).join('-');
}
