// Seeding helper: fills a department table from the synthetic population in batches, with a progress line.
import { person, type Person } from './population'

export interface SeedProgress {
  (done: number, total: number): void
}

/** Calls `insertBatch` with people 0..size-1 in batches; `insertBatch` should run one transaction per batch. */
export function seedPeople(
  seed: number,
  size: number,
  insertBatch: (people: Person[]) => void,
  onProgress?: SeedProgress,
  batchSize = 5000,
): void {
  for (let start = 0; start < size; start += batchSize) {
    const end = Math.min(size, start + batchSize)
    const batch: Person[] = []
    for (let i = start; i < end; i += 1) batch.push(person(seed, i))
    insertBatch(batch)
    onProgress?.(end, size)
  }
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
