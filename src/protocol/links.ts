// The document's links say what a successful reply gives the next call: a link's requestBody is
// the next call's whole body, each `{$response.body#/Result/…}` standing for a value of the reply.
// No document is read here, so the explorer's browser bundle can follow links too.

const expression = /^\{\$response\.body#(\/.*)\}$/;

/**
 * `template` with each expression replaced by what `reply` holds at its JSON pointer, or
 * undefined when the reply lacks one of them (an error reply, say).
 */
export function linkedBody(template: Record<string, unknown>, reply: unknown): Record<string, unknown> | undefined {
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(template)) {
    if (!isLinkExpression(value)) {
      body[field] = value;
      continue;
    }
    const found = linkedValue(value, reply);
    if (found === undefined) return undefined;
    body[field] = found;
  }
  return body;
}

/** A link's `{$response.body#/…}`, which stands for a value of the reply. */
export function isLinkExpression(value: unknown): value is string {
  return typeof value === 'string' && expression.test(value);
}

/** What `reply` holds where the link expression `link` points, or undefined. */
export function linkedValue(link: string, reply: unknown): unknown {
  const pointer = expression.exec(link)?.[1];
  return pointer === undefined ? undefined : at(reply, pointer);
}

function at(value: unknown, pointer: string): unknown {
  let current = value;
  for (const segment of pointer.slice(1).split('/')) {
    const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
