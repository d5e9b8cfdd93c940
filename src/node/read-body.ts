// Reads a request body without ever holding more than the API's limit in memory.
import type { IncomingMessage } from 'node:http';

export type BodyRead = { tooLarge: false; bytes: Buffer } | { tooLarge: true };

export class ClientAbortedError extends Error {
  override readonly name = 'ClientAbortedError';
}

export function readBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  // A declared length over the limit is refused before a single byte is read.
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ tooLarge: true });

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle(() => resolve({ tooLarge: true }));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => settle(() => resolve({ tooLarge: false, bytes: Buffer.concat(chunks, size) })));
    request.once('error', (error) => settle(() => reject(error)));
    request.once('close', () => {
      if (!request.complete) settle(() => reject(new ClientAbortedError('The client went away mid-body')));
    });
  });
}
