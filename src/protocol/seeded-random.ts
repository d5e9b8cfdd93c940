// Randomness that can be replayed: which calls the emulator faults and how long each waits, and
// the bodies the contract's --fuzz sends. Math.random cannot be seeded, and what a run met must
// come again when it is rerun with its seed.

/** mulberry32: numbers in [0, 1), the same ones for the same seed; for tests and faults, never for secrets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A seed for a run given none; the run reports it, so that it can be replayed. */
export function pickSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}
