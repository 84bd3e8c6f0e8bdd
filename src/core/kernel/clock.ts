/** Injected time and randomness: a seed and a clock replay a run exactly. */
export interface Clock {
  /** Unix seconds */
  now(): number;
}

export const systemClock: Clock = { now: () => Math.floor(Date.now() / 1000) };

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `random` query values: distinct within a run (a seeded start, then +1 mod
 * 2^32), all inside the documented 0..4294967295.
 */
export function randomParams(seed: number): () => string {
  let next = Math.floor(seededRandom(seed)() * 4294967296);
  return () => {
    const v = next;
    next = (next + 1) % 4294967296;
    return String(v);
  };
}
