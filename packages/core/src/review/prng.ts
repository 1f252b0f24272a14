import { randomBytes } from 'node:crypto';

/*
 * The draw's random numbers: xoshiro128** (Blackman & Vigna, 2018), a small, well-studied 32-bit generator that
 * anyone can re-implement from the published reference in a few lines, so a draw can be checked outside this
 * system as well.
 *
 * Seed derivation (documented so that a third party can reproduce a draw): the seed is 32 hexadecimal digits
 * (128 bits, taken from the operating system's cryptographic random source at draw time). The four state words
 * are the seed's four 8-digit groups read as big-endian unsigned 32-bit integers, in order. An all-zero state
 * (which xoshiro cannot leave) is replaced by s0 = 1. The first 16 outputs are discarded.
 * Integers below n use rejection sampling on the 32-bit output (no modulo bias).
 */

export const drawAlgorithm = 'xoshiro128ss-v1';

export function newSeed(): string {
  return randomBytes(16).toString('hex');
}

export interface Prng {
  /** next unsigned 32-bit output */
  next(): number;
  /** a uniform integer in [0, n) */
  below(n: number): number;
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

export function xoshiro128ss(seed: string): Prng {
  if (!/^[0-9a-f]{32}$/.test(seed)) throw new Error('seed must be 32 lowercase hex digits');
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) s[i] = Number.parseInt(seed.slice(i * 8, i * 8 + 8), 16);
  if (s.every((w) => w === 0)) s[0] = 1;

  function next(): number {
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const s2 = s[2] as number;
    const s3 = s[3] as number;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    let n2 = (s2 ^ s0) >>> 0;
    let n3 = (s3 ^ s1) >>> 0;
    const n1 = (s1 ^ n2) >>> 0;
    const n0 = (s0 ^ n3) >>> 0;
    n2 = (n2 ^ t) >>> 0;
    n3 = rotl(n3, 11);
    s[0] = n0;
    s[1] = n1;
    s[2] = n2;
    s[3] = n3;
    return result;
  }

  function below(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 0x100000000) throw new Error(`below(${n})`);
    // the largest multiple of n not above 2^32; outputs at or above it are rejected
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = next();
      if (x < limit) return x % n;
    }
  }

  for (let i = 0; i < 16; i++) next();
  return { next, below };
}
