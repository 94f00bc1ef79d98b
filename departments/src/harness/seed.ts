// Seeding: walks the synthetic population once in batches of whole family blocks and hands each batch — the
// people and their kinship — to every department being seeded, with a progress bar.
import { referenceDate } from './dates'
import { BLOCK, type Kin, kinship } from './family'
import { person, type Person } from './population'

export interface SeedProgress {
  (done: number, total: number): void
}

/** One batch of the population, as every department sees it. */
export interface Cohort {
  seed: number
  size: number
  /** The synthetic world's "today". */
  ref: string
  people: Person[]
  kin: Map<number, Kin>
}

/** A department being seeded: `batch` writes one cohort (in a transaction), `finish` records the (seed, size). */
export interface SeedTarget {
  name: string
  batch(cohort: Cohort): void
  finish(): void
}

/** Computes each batch of citizens once and feeds it to every target; the batch size is a multiple of BLOCK. */
export function seedPopulation(
  seed: number,
  size: number,
  targets: SeedTarget[],
  onProgress?: SeedProgress,
  batchSize = 1000 * BLOCK,
  ref = referenceDate(seed),
): void {
  for (let start = 0; start < size; start += batchSize) {
    const end = Math.min(size, start + batchSize)
    const people: Person[] = []
    for (let i = start; i < end; i += 1) people.push(person(seed, i))
    const cohort: Cohort = { seed, size, ref, people, kin: kinship(seed, ref, people) }
    for (const t of targets) t.batch(cohort)
    onProgress?.(end, size)
  }
  for (const t of targets) t.finish()
}

/** A progress bar on stderr for long seeds (1 M citizens). */
export function progressBar(label: string): SeedProgress {
  const started = Date.now()
  return (done, total) => {
    if (!process.stderr.isTTY && done !== total && done % 100_000 !== 0) return
    const width = 30
    const filled = Math.round((done / total) * width)
    const secs = ((Date.now() - started) / 1000).toFixed(1)
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${secs}s`)
    if (done === total) process.stderr.write('\n')
  }
}
