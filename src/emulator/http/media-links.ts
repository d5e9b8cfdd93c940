// The signed links an Active asset's URL holds, shaped like the upstream's
// (`?X-Expires=<epoch seconds>&X-Signature=<hex>`, valid 12 hours), and the route they open:
// `GET /media/<assetId>` redirects to the file the asset was created from. Nothing is stored or
// served; the link needs no API key, as a signed link does not, so the signature (an HMAC with a
// secret of this emulator instance) and the expiry are what let it through.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Reply } from '../../server/exchange.js';
import { processingStateAt } from '../model/asset-processing.js';
import type { EmulatorState } from '../model/state.js';
import { webUrl } from '../model/web-url.js';
import { mediaPathPrefix } from './routes.js';

const linkLifetimeSeconds = 12 * 60 * 60;

export class MediaLinks {
  readonly #secret = randomBytes(32);
  // Signatures of the current second: a list of 100 Active assets signs each once, not per read.
  #second = Number.NaN;
  readonly #signatures = new Map<string, string>();

  /** `origin` is a URL's `origin`, already normalised, so the link can be joined as text. */
  signedUrl(origin: string, assetId: string, now: number): string {
    const expires = Math.floor(now / 1000) + linkLifetimeSeconds;
    if (expires !== this.#second) {
      this.#second = expires;
      this.#signatures.clear();
    }
    let signature = this.#signatures.get(assetId);
    if (signature === undefined) {
      signature = this.#sign(assetId, expires);
      this.#signatures.set(assetId, signature);
    }
    return `${origin}${mediaPathPrefix}${encodeURIComponent(assetId)}?X-Expires=${expires}&X-Signature=${signature}`;
  }

  /** Whether `query` holds a signature this emulator made for `assetId`, not yet expired at `now`. */
  admits(assetId: string, query: URLSearchParams, now: number): boolean {
    const expires = query.get('X-Expires') ?? '';
    const signature = query.get('X-Signature') ?? '';
    if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < now || !/^[0-9a-f]{64}$/.test(signature)) return false;
    return timingSafeEqual(Buffer.from(signature, 'hex'), Buffer.from(this.#sign(assetId, Number(expires)), 'hex'));
  }

  #sign(assetId: string, expires: number): string {
    return createHmac('sha256', this.#secret).update(`${assetId}\n${expires}`).digest('hex');
  }
}

/**
 * 302 to the asset's original URL while it is Active and the link is signed and unexpired; 403
 * for a link that is not (forged, altered or expired); 404 for an asset that is unknown,
 * processing or failed.
 */
export function mediaRedirect(state: EmulatorState, links: MediaLinks, assetId: string, query: URLSearchParams, now: number, processingDelayMs: number): Reply {
  if (!links.admits(assetId, query, now)) return plainText(403, 'This media link is not signed by this emulator, or it has expired.\n');
  const asset = state.assets.get(assetId);
  // Re-serialized by webUrl, so a non-ASCII character arrives percent-encoded: header values are bytes.
  const location = asset && processingStateAt(asset, now, processingDelayMs).Status === 'Active' ? webUrl(asset.sourceUrl)?.href : undefined;
  if (location) return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' }, body: '' };
  return plainText(404, 'No such active asset.\n');
}

function plainText(status: number, body: string): Reply {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
}
