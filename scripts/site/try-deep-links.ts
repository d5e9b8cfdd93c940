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
    requestAnimationFrame(() => {
      const block = document.getElementById(operationElementId(hash));
      if (block) scrollAndHold(block);
    });
  });
}

/** How long Swagger UI's own scroll (zenscroll's, to an operation it drew) may still be moving the page: its longest, about a second, and a frame. */
const ownScrollMs = 1_200;

/**
 * Scrolls to `block` and keeps it there while Swagger UI's own scroll, to the operation the page
 * was loaded for, may still be under way: each of its steps would carry the page back. The reader's
 * own scrolling (wheel, touch, keys, a press) lets go at once.
 */
function scrollAndHold(block: HTMLElement): void {
  const hold = () => block.scrollIntoView();
  const readerEvents = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
  const letGo = () => {
    window.removeEventListener('scroll', hold);
    for (const name of readerEvents) window.removeEventListener(name, letGo);
    clearTimeout(timer);
  };
  const timer = setTimeout(letGo, ownScrollMs);
  window.addEventListener('scroll', hold, { passive: true });
  for (const name of readerEvents) window.addEventListener(name, letGo, { passive: true });
  hold();
}

/** The id Swagger UI gives the block of the operation a hash names: `operations-<tag>-<operationId>`, blanks as `_`. */
function operationElementId(hash: string): string {
  const [tag = '', operationId = ''] = hash.replace(/^#!?\/?/, '').split('/');
  return ['operations', tag, operationId].map((part) => part.replace(/\s/g, '_')).join('-');
}
