// Runs before every test file of every jest project (jest.base.js setupFiles): fast-check draws from one fixed seed,
// so a property test tries the same cases on every run and machine, and its failure message carries the seed and the
// path that reproduce it. YSX_FC_SEED=<integer> tries another seed (to explore; a failure it finds prints it again).
import fc from 'fast-check'

/** The seed every property test starts from, unless its own fc.assert names one. */
export const DEFAULT_FC_SEED = 20261202

export function fcSeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.YSX_FC_SEED?.trim()
  if (!raw) return DEFAULT_FC_SEED
  const seed = Number(raw)
  if (!Number.isSafeInteger(seed)) throw new Error(`YSX_FC_SEED must be an integer, not "${raw}"`)
  return seed
}

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: fcSeed() })
