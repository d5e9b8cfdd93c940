// The signed links an Active asset's URL holds, shaped like the upstream's
// (`?X-Expires=<epoch seconds>&X-Signature=<hex>`, valid 12 hours), and the route they open:
// `GET /media/<assetId>` redirects to the file the asset was created from. Nothing is stored or
// served; the link needs no API key, as a signed link does not. The signature is an HMAC with a
// secret of this emulator instance, so links look and vary like real ones; it is not checked.
import { createHmac, randomBytes } from 'node:crypto';
import type { Reply } from '../../server/exchange.js';
import { processingStateAt } from '../model/asset-processing.js';
import type { EmulatorState } from '../model/state.js';
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
      signature = createHmac('sha256', this.#secret).update(`${assetId}\n${expires}`).digest('hex');
      this.#signatures.set(assetId, signature);
    }
    return `${origin}${mediaPathPrefix}${encodeURIComponent(assetId)}?X-Expires=${expires}&X-Signature=${signature}`;
  }
}

/** 302 to the asset's original URL while it is Active; 404 otherwise (unknown, processing, failed). */
export function mediaRedirect(state: EmulatorState, assetId: string, now: number, processingDelayMs: number): Reply {
  const asset = state.assets.get(assetId);
  if (asset && processingStateAt(asset, now, processingDelayMs).Status === 'Active' && URL.canParse(asset.sourceUrl)) {
    // Re-serialized so a non-ASCII character arrives percent-encoded: header values are bytes.
    const location = new URL(asset.sourceUrl).href;
    return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' }, body: '' };
  }
  return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'No such active asset.\n' };
}
