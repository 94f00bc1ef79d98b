// Starts every stand-in department, each on its own port with its own SQLite file (seeding it first if needed).
import path from 'node:path'
import closeWithGrace from 'close-with-grace'
import { loadDepartmentsConfig, progressBar } from './harness'
import { buildGonganApp } from './gongan/app'

async function main() {
  const config = loadDepartmentsConfig()
  const gongan = buildGonganApp({
    dbFile: path.join(config.dataDir, 'gongan.sqlite'),
    seed: config.seed,
    size: config.size,
    logLevel: config.logLevel,
    onSeedProgress: progressBar('公安 seeding'),
  })
  const running = [{ name: 'gongan', dept: gongan, port: config.ports.gongan }]
  closeWithGrace({ delay: 5000 }, async () => {
    await Promise.all(running.map(({ dept }) => dept.app.close()))
  })
  for (const { name, dept, port } of running) {
    const address = await dept.app.listen({ host: config.host, port })
    process.stdout.write(`department ${name} listening on ${address}\n`)
  }
}

void main()
