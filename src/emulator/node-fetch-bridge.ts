// node:http <-> Fetch: an IncomingMessage becomes a Request whose body is a stream read only
// as the handler pulls it, and a Response is written back to a ServerResponse.
import type { IncomingMessage, ServerResponse } from 'node:http';

// They describe this connection, not the request the handler sees.
const hopByHopHeaders = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect', 'proxy-connection']);

export interface BridgedRequest {
  request: Request;
  /** Stops reading the body for good: what the client still sends is dropped as it arrives. */
  release(): void;
}

export function toFetchRequest(incoming: IncomingMessage, origin: string): BridgedRequest {
  const method = incoming.method ?? 'GET';
  // Only the path and query of the request line are taken, so an absolute or `//host` target
  // cannot change the origin that links in replies are built on.
  const url = new URL(origin);
  const target = incoming.url ?? '/';
  const query = target.indexOf('?');
  url.pathname = query < 0 ? target : target.slice(0, query);
  url.search = query < 0 ? '' : target.slice(query);

  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || hopByHopHeaders.has(name)) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    } catch {
      // A value Node accepted but Fetch does not: the handler never needs it.
    }
  }

  if (method === 'GET' || method === 'HEAD') {
    return { request: new Request(url, { method, headers }), release: () => drain(incoming) };
  }
  const body = bodyStream(incoming);
  return {
    request: new Request(url, { method, headers, body: body.stream, duplex: 'half' } as RequestInit),
    release: body.release,
  };
}

function bodyStream(incoming: IncomingMessage): { stream: ReadableStream<Uint8Array>; release(): void } {
  let released = false;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const onData = (chunk: Buffer) => {
    try {
      controller?.enqueue(new Uint8Array(chunk));
    } catch {
      // The stream is already closed or errored: a throw here would be an uncaught exception.
      release();
      return;
    }
    // Pull-driven: never more than the stream's small queue is held.
    if ((controller?.desiredSize ?? 0) <= 0) incoming.pause();
  };
  const onEnd = () => {
    if (!released) controller?.close();
    release();
  };
  const onError = (error: Error) => {
    if (!released) controller?.error(error);
    release();
  };
  const onClose = () => {
    if (!incoming.complete) onError(new Error('The client went away before the body was complete'));
  };
  const release = () => {
    if (released) return;
    released = true;
    incoming.off('data', onData);
    incoming.off('end', onEnd);
    incoming.off('close', onClose);
    drain(incoming);
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
        // Paused before the listener is added, so nothing flows until the handler pulls.
        incoming.pause();
        incoming.on('data', onData);
        incoming.once('end', onEnd);
        incoming.once('error', onError);
        incoming.once('close', onClose);
      },
      pull() {
        if (!released) incoming.resume();
      },
      cancel() {
        release();
      },
    },
    { highWaterMark: 4 },
  );
  return { stream, release };
}

/** Reads and drops whatever is left of a body, so it is never buffered. */
function drain(incoming: IncomingMessage): void {
  incoming.removeAllListeners('data');
  incoming.on('error', () => {});
  incoming.resume();
}

export async function writeFetchResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  if (outgoing.headersSent || outgoing.destroyed) return;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(body.length);
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}
