// Small DOM helpers the explorer's modules share.

/** Builds an element from attributes and children; text goes in as text, never as markup. */
export function element(tag: string, attributes: Record<string, string> = {}, children: (Node | string)[] = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Descriptions are Markdown; their `code` spans are the only markup worth keeping here. */
export function withCodeSpans(text: string): (Node | string)[] {
  return text.split('`').map((part, index) => (index % 2 === 1 ? element('code', {}, [part]) : part));
}

export function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** The web addresses among a Result's fields (the liveness check's H5Link), each to open in a new tab. */
export function openableLinks(result: unknown): HTMLElement[] {
  const urls = Object.entries(result ?? {}).filter((pair): pair is [string, string] => typeof pair[1] === 'string' && /^https?:\/\//.test(pair[1]));
  return urls.map(([field, url]) => element('span', { class: 'open-link' }, [' Open ', element('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, [field]), ' in a new tab.']));
}
