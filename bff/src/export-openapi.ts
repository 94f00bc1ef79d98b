// Prints the OpenAPI document the BFF serves at /openapi.json (built from the contracts; no database or department
// is reached): `pnpm --filter @ysx/bff run openapi > openapi.json`. The typed client is generated from it.
import { buildApp } from './app'
import { testConfig } from './platform/config'

async function main() {
  const app = await buildApp(testConfig())
  try {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' })
    if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}`)
    process.stdout.write(`${JSON.stringify(res.json(), null, 2)}\n`)
  } finally {
    await app.close()
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`)
  process.exitCode = 1
})
