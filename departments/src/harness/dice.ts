// Deterministic choices for synthetic records: a Dice is a stream of hashed numbers keyed by (seed, key, salt).
import { mix } from './population'

/** FNV-1a over a string: turns a salt such as a department code into a number. */
export function hashText(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

export class Dice {
  private n = 0
  constructor(private readonly h: number) {}

  /** A uniform unsigned 32-bit integer. */
  next(): number {
    this.n += 1
    return mix(this.h, this.n)
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + (this.next() % (hi - lo + 1))
  }

  chance(p: number): boolean {
    return this.next() / 4_294_967_296 < p
  }

  pick<T>(items: readonly T[]): T {
    return items[this.next() % items.length]!
  }

  /** `length` digits. */
  digits(length: number): string {
    let out = ''
    while (out.length < length) out += String(this.next() % 10)
    return out
  }
}

/** The dice for one record family of one key (a citizen's index, a household head's, a couple's). */
export const dice = (seed: number, key: number, salt: string): Dice => new Dice(mix(mix(seed, key), hashText(salt)))
