// The signed links an Active asset's URL holds, shaped like the upstream's
// (`?X-Expires=<epoch seconds>&X-Signature=<hex>`, valid 12 hours), and the route they open:
// `GET /media/<assetId>` redirects to the file the asset was created from. Nothing is stored or
// served; the link needs no API key, as a signed link does not, so the signature (an HMAC with a
// secret of this emulator instance) and the expiry are what let it through.
import type { Reply } from '../../server/exchange.js';
import { processingStateAt } from '../model/asset-processing.js';
import type { EmulatorState } from '../model/state.js';
import { httpUrl } from '../../protocol/http-url.js';
import { mediaPathPrefix } from './routes.js';

const linkLifetimeSeconds = 12 * 60 * 60;
const hmac: HmacKeyGenParams = { name: 'HMAC', hash: 'SHA-256' };

/**
 * Signs with Web Crypto, so the emulator runs in browsers too. Web Crypto signs asynchronously
 * while an Action runs synchronously (concurrent calls cannot interleave halfway): a link is
 * handed out with a stand-in for its signature (`unsignedUrl`), and the reply's text gets the
 * signatures once the Action is done (`signLinksIn`). The stand-in is a secret of the instance,
 * so no text a caller stored can pass for one.
 */
export class MediaLinks {
  #key: Promise<CryptoKey> | undefined;
  readonly #standIn = hex(crypto.getRandomValues(new Uint8Array(32)));
  readonly #standIns = new RegExp(`${mediaPathPrefix}([A-Za-z0-9_-]+)\\?X-Expires=(\\d+)&X-Signature=${this.#standIn}`, 'g');
  // Signatures of the current second: a list of 100 Active assets signs each once, not per read.
  #second = Number.NaN;
  readonly #signatures = new Map<string, Promise<string>>();

  constructor() {
    if (globalThis.crypto?.subtle === undefined) {
      throw new TypeError('The emulator signs media links with Web Crypto (crypto.subtle), which only a secure context has: serve the page over https or from localhost.');
    }
  }

  /** Made on first use: an emulator that never signs a link (as many of the explorer's models) never pays for it. */
  #signingKey(): Promise<CryptoKey> {
    this.#key ??= crypto.subtle.generateKey(hmac, false, ['sign', 'verify']);
    return this.#key;
  }

  /** `origin` is a URL's `origin`, already normalised, so the link can be joined as text. */
  unsignedUrl(origin: string, assetId: string, now: number): string {
    const expires = Math.floor(now / 1000) + linkLifetimeSeconds;
    return `${origin}${mediaPathPrefix}${encodeURIComponent(assetId)}?X-Expires=${expires}&X-Signature=${this.#standIn}`;
  }

  /** The reply with each link `unsignedUrl` handed out signed. */
  async signLinksIn(reply: Reply): Promise<Reply> {
    // Most replies hold no link: a search for the stand-in is far cheaper than the pattern's.
    if (!reply.body.includes(this.#standIn)) return reply;
    const unsigned = [...reply.body.matchAll(this.#standIns)];
    if (unsigned.length === 0) return reply;
    const signatures = await Promise.all(unsigned.map(([, assetId = '', expires]) => this.#signature(assetId, Number(expires))));
    let next = 0;
    return { ...reply, body: reply.body.replace(this.#standIns, (link) => link.replace(this.#standIn, signatures[next++] ?? '')) };
  }

  /** Whether `query` is shaped as a signed link's, whoever signed it. */
  static isSigned(query: URLSearchParams): boolean {
    return query.has('X-Expires') && query.has('X-Signature');
  }

  /** Whether `query` holds a signature this emulator made for `assetId`, not yet expired at `now`. */
  async admits(assetId: string, query: URLSearchParams, now: number): Promise<boolean> {
    const expires = query.get('X-Expires') ?? '';
    const signature = query.get('X-Signature') ?? '';
    if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < now || !/^[0-9a-f]{64}$/.test(signature)) return false;
    // verify compares in constant time, so a forger learns nothing from how long a refusal takes.
    return crypto.subtle.verify(hmac, await this.#signingKey(), bytesOfHex(signature), signedText(assetId, Number(expires)));
  }

  #signature(assetId: string, expires: number): Promise<string> {
    if (expires !== this.#second) {
      this.#second = expires;
      this.#signatures.clear();
    }
    let signature = this.#signatures.get(assetId);
    if (signature === undefined) {
      signature = this.#signingKey().then(async (key) => hex(new Uint8Array(await crypto.subtle.sign(hmac, key, signedText(assetId, expires)))));
      this.#signatures.set(assetId, signature);
    }
    return signature;
  }
}

function signedText(assetId: string, expires: number): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${assetId}\n${expires}`);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function bytesOfHex(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

/**
 * 302 to the asset's original URL while it is Active and the link is signed and unexpired; 403
 * for a link that is not (forged, altered or expired); 404 for an asset that is unknown,
 * processing or failed.
 */
export async function mediaRedirect(state: EmulatorState, links: MediaLinks, assetId: string, query: URLSearchParams, now: number, processingDelayMs: number): Promise<Reply> {
  if (!(await links.admits(assetId, query, now))) return plainText(403, 'This media link is not signed by this emulator, or it has expired.\n');
  const asset = state.assets.get(assetId);
  // Re-serialized by webUrl, so a non-ASCII character arrives percent-encoded: header values are bytes.
  const location = asset && processingStateAt(asset, now, processingDelayMs).Status === 'Active' ? httpUrl(asset.sourceUrl)?.href : undefined;
  if (location) return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' }, body: '' };
  return plainText(404, 'No such active asset.\n');
}

function plainText(status: number, body: string): Reply {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
}
