// A handler's way to answer with no reply at all: it throws ConnectionReset, and the socket server
// resets the connection (listen.ts) while a Fetch handler rejects as fetch does when a server
// drops it. Free of Node-only imports, so a Fetch handler can throw it in a browser.

/** Thrown by a handler so that the client sees a reset connection instead of a reply. */
export class ConnectionReset extends Error {
  override name = 'ConnectionReset';
  /** The system error code a client reads from a fetch failure's cause, as Node's fetch reports a reset. */
  readonly code = 'ECONNRESET';
}

/** What a Fetch handler throws in place of `error`: fetch's TypeError for a reset, anything else as it is. */
export function asFetchFailure(error: unknown): never {
  if (error instanceof ConnectionReset) throw new TypeError('fetch failed', { cause: error });
  throw error;
}
