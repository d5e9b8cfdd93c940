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
    const pointer = typeof value === 'string' ? expression.exec(value)?.[1] : undefined;
    if (pointer === undefined) {
      body[field] = value;
      continue;
    }
    const found = at(reply, pointer);
    if (found === undefined) return undefined;
    body[field] = found;
  }
  return body;
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
