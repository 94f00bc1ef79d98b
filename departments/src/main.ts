// Starts every department in the registry, each on its own port with its own SQLite file (seeding the population
// departments first if needed).
import closeWithGrace from 'close-with-grace'
import { loadDepartmentsConfig, progressBar, seedDepartments } from './harness'
import { departmentOptions, loadStandIns, loginServerOptions } from './stand-ins'

async function main() {
  const config = loadDepartmentsConfig()
  if (config.callerKeys.length === 0)
    throw new Error('DEPT_BFF_PUBLIC_JWK is not set: every call from the BFF would be refused (scripts/start sets it)')
  const options = departmentOptions(config)
  const standIns = await loadStandIns()
  // One walk over the population seeds every department that needs it, before any is built.
  const seedables = standIns.flatMap((s) => (s.population ? [s.seedable] : []))
  seedDepartments(seedables, options, progressBar(`seeding ${config.size} citizens`))
  const running = standIns.map((s) => ({
    code: s.code,
    dept: s.population ? s.build(options(s.code)) : s.build(loginServerOptions(config, s.code)),
  }))
  closeWithGrace({ delay: 5000 }, async () => {
    await Promise.all(running.map(({ dept }) => dept.app.close()))
  })
  for (const { code, dept } of running) {
    const address = await dept.app.listen({ host: config.host, port: config.ports[code] })
    // Fastify answers with one address; on every interface (DEPT_HOST=0.0.0.0, a phone on the LAN) say so.
    const where = config.host === '0.0.0.0' ? `every interface (${address})` : address
    process.stdout.write(`department ${code} listening on ${where}\n`)
  }
}

void main()
