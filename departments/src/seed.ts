// Seed-only entry: fills every population department's SQLite file for DEPT_SEED and DEPT_SIZE (skipping those
// already holding exactly that), walking the population once, with a progress bar; then exits.
import { loadDepartmentsConfig, progressBar, seedDepartments } from './harness'
import { departmentOptions, loadPopulationStandIns } from './stand-ins'

async function main() {
  const config = loadDepartmentsConfig()
  const started = Date.now()
  const seedables = (await loadPopulationStandIns()).map((s) => s.seedable)
  const label = `seeding ${seedables.length} departments`
  const seeded = seedDepartments(seedables, departmentOptions(config), progressBar(label))
  const secs = ((Date.now() - started) / 1000).toFixed(1)
  process.stdout.write(
    seeded.length > 0
      ? `seeded ${seeded.join(', ')} with ${config.size} citizens (seed ${config.seed}) in ${secs}s\n`
      : `every department already holds ${config.size} citizens for seed ${config.seed}\n`,
  )
}

void main()
