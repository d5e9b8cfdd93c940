// The paths the emulator serves besides the API: the media links of Active assets and the
// liveness pages. Anything else goes to the API gateway, which refuses what it does not know.
import { echoedAction } from '../../protocol/index.js';

export const mediaPathPrefix = '/media/';
export const livenessPathPrefix = '/liveness/';

export type Route =
  | { kind: 'api' }
  | { kind: 'media'; assetId: string }
  | { kind: 'livenessPage'; token: string }
  | { kind: 'livenessOutcome'; token: string; passed: boolean };

// Ids and tokens are made of these characters only; anything else cannot name a resource.
const idPattern = '([A-Za-z0-9_-]{1,200})';
const mediaPath = new RegExp(`^${mediaPathPrefix}${idPattern}$`);
const livenessPage = new RegExp(`^${livenessPathPrefix}${idPattern}$`);
const livenessOutcome = new RegExp(`^${livenessPathPrefix}${idPattern}/(pass|fail)$`);

export function routeOf(method: string, pathname: string): Route {
  if (method === 'GET') {
    const media = mediaPath.exec(pathname);
    if (media?.[1]) return { kind: 'media', assetId: media[1] };
    const page = livenessPage.exec(pathname);
    if (page?.[1]) return { kind: 'livenessPage', token: page[1] };
  }
  if (method === 'POST') {
    const outcome = livenessOutcome.exec(pathname);
    if (outcome?.[1]) return { kind: 'livenessOutcome', token: outcome[1], passed: outcome[2] === 'pass' };
  }
  return { kind: 'api' };
}

/**
 * What a log line calls a request: the Action the query names, or the kind of page. Built from
 * the route alone, so no id, token, header or key ever reaches a log.
 */
export function routeLabel(method: string, url: URL): string {
  const route = routeOf(method, url.pathname);
  if (route.kind === 'media') return 'media';
  if (route.kind !== 'api') return 'liveness';
  return echoedAction(url) || '-';
}
