// Weekly availability as 336 bits (11 × 32-bit words) so that "slots a whole team
// shares" is a handful of ANDs and popcounts instead of string scans.
import { SLOTS_PER_WEEK } from "~/availability/slots";

export const WORDS = Math.ceil(SLOTS_PER_WEEK / 32);
export type Bits = Uint32Array;

export function bitsFromSlots(slots: string | null | undefined): Bits {
  const bits = new Uint32Array(WORDS);
  if (!slots) return bits;
  const n = Math.min(slots.length, SLOTS_PER_WEEK);
  for (let i = 0; i < n; i++) if (slots.charCodeAt(i) === 49) bits[i >>> 5] |= 1 << (i & 31);
  return bits;
}

export function slotsFromBits(bits: Bits): string {
  let out = "";
  for (let i = 0; i < SLOTS_PER_WEEK; i++) out += (bits[i >>> 5] >>> (i & 31)) & 1 ? "1" : "0";
  return out;
}

export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export function count(bits: Bits): number {
  let n = 0;
  for (let w = 0; w < WORDS; w++) n += popcount32(bits[w]);
  return n;
}

/** Slots shared by all of `sets` (all slots when there are none). */
export function andAll(sets: Bits[]): Bits {
  const out = new Uint32Array(WORDS).fill(0xffffffff);
  for (const s of sets) for (let w = 0; w < WORDS; w++) out[w] &= s[w];
  // keep bits past slot 335 clear
  out[WORDS - 1] &= (1 << (SLOTS_PER_WEEK % 32 || 32)) - 1 || 0xffffffff;
  return out;
}

/** popcount(a ∧ b) without allocating. */
export function countAnd(a: Bits, b: Bits): number {
  let n = 0;
  for (let w = 0; w < WORDS; w++) n += popcount32(a[w] & b[w]);
  return n;
}
