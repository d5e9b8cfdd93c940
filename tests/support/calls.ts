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
