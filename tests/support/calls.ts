// Raw calls of the API, for tests that look under the typed client: the one way to name an
// Action's URL and to build its request, the Version and the endpoint read from the document.
import { apiVersion, protocol } from '../../src/protocol/index.js';

/** `<base>/portrait/?Action=<action>&Version=<version>`; a test of the gateway passes what it likes. */
export function actionUrl(base: string, action: string, version: string = apiVersion): string {
  return `${base}${protocol.endpoint}?Action=${encodeURIComponent(action)}&Version=${encodeURIComponent(version)}`;
}

/** A POST of `body` (a value, serialized; or raw text) to `action` with the Bearer `key`. */
export function actionRequest(base: string, action: string, body: unknown, key = 'demo-key'): Request {
  return new Request(actionUrl(base, action), {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** How many groups `key`'s customer holds in its default project, asked of a server's Fetch handler. */
export async function groupsHeld(handle: (request: Request) => Promise<Response>, key = 'demo-key'): Promise<number> {
  const reply = await handle(actionRequest('http://emulator.local', 'ListAssetGroups', {}, key));
  return ((await reply.json()) as { Result: { TotalCount: number } }).Result.TotalCount;
}
