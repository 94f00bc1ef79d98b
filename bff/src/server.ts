// BFF entry point: load config, build the app, listen, and close gracefully on signals.
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app'
import { ConfigError, loadConfig } from './platform/config'

async function main() {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`bff: ${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
  const app = await buildApp(config)
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'closing after error')
    await app.close()
  })
  await app.listen({ host: config.host, port: config.port })
  // Development on every interface: the addresses a phone on the same network opens (README, "Open on a phone").
  if (config.lanOrigins.length > 0)
    app.log.warn({ lanOrigins: config.lanOrigins }, 'listening on every interface: reachable from this network')
}

void main()
