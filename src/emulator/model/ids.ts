// Fresh identifiers in the upstream's shapes. Each id begins with the second it was issued in, so
// two ids can only clash within one second: the ids of the current second are remembered, and no
// more (a deleted group's id cannot come back, since its second never does).
import { compactStamp } from './timestamps.js';

const lowerAlphanumerics = 'abcdefghijklmnopqrstuvwxyz0123456789';
const upperAlphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export class IdIssuer {
  #second = '';
  readonly #issued = new Set<string>();

  /** `group-YYYYMMDDhhmmss-xxxxx` */
  groupId(now: number): string {
    return this.#unique(now, (stamp) => `group-${stamp}-${randomString(lowerAlphanumerics, 5)}`);
  }

  /** `asset-YYYYMMDDhhmmss-xxxxx` */
  assetId(now: number): string {
    return this.#unique(now, (stamp) => `asset-${stamp}-${randomString(lowerAlphanumerics, 5)}`);
  }

  /** `YYYYMMDDhhmmss` and 8 upper-case alphanumerics, like `20260516170000EXAMPLE`. */
  bytedToken(now: number): string {
    return this.#unique(now, (stamp) => `${stamp}${randomString(upperAlphanumerics, 8)}`);
  }

  /** How many ids are remembered: those of the current second. */
  get remembered(): number {
    return this.#issued.size;
  }

  #unique(now: number, candidate: (stamp: string) => string): string {
    const stamp = compactStamp(now);
    if (stamp !== this.#second) {
      this.#second = stamp;
      this.#issued.clear();
    }
    // 36^5 ids per second: a clash is rare, and a frozen test clock must still get fresh ids.
    for (;;) {
      const id = candidate(stamp);
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
    const byte = randomBytes.next();
    if (byte < ceiling) text += alphabet[byte % alphabet.length];
  }
  return text;
}

/** Random bytes drawn a block at a time: one getRandomValues call an id cost more than the rest of a create. */
const randomBytes = {
  block: new Uint8Array(1024),
  used: 1024,
  next(): number {
    if (this.used === this.block.length) {
      crypto.getRandomValues(this.block);
      this.used = 0;
    }
    return this.block[this.used++] ?? 0;
  },
};
