// Fresh identifiers in the upstream's shapes. Every id the emulator ever issued is remembered,
// so a deleted group's id is never handed out again.
import { compactStamp } from './timestamps.js';

const lowerAlphanumerics = 'abcdefghijklmnopqrstuvwxyz0123456789';
const upperAlphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export class IdIssuer {
  readonly #issued = new Set<string>();

  /** `group-YYYYMMDDhhmmss-xxxxx` */
  groupId(now: number): string {
    return this.#unique(() => `group-${compactStamp(now)}-${randomString(lowerAlphanumerics, 5)}`);
  }

  /** `asset-YYYYMMDDhhmmss-xxxxx` */
  assetId(now: number): string {
    return this.#unique(() => `asset-${compactStamp(now)}-${randomString(lowerAlphanumerics, 5)}`);
  }

  /** `YYYYMMDDhhmmss` and 8 upper-case alphanumerics, like `20260516170000EXAMPLE`. */
  bytedToken(now: number): string {
    return this.#unique(() => `${compactStamp(now)}${randomString(upperAlphanumerics, 8)}`);
  }

  #unique(candidate: () => string): string {
    // 36^5 ids per second: a clash is rare, and a frozen test clock must still get fresh ids.
    for (;;) {
      const id = candidate();
      if (!this.#issued.has(id)) {
        this.#issued.add(id);
        return id;
      }
    }
  }
}

function randomString(alphabet: string, length: number): string {
  let text = '';
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 36).
  const ceiling = 256 - (256 % alphabet.length);
  while (text.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < ceiling && text.length < length) text += alphabet[byte % alphabet.length];
    }
  }
  return text;
}
