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
  // SIGTERM/SIGINT: drain. app.close() stops listening (a load balancer's next /readyz cannot connect; one on a kept-alive
  // connection is answered 503), closes idle connections, waits for every request in flight, then the database;
  // close-with-grace then exits 0. A second signal, or the delay passing first, exits 1 at once.
  closeWithGrace({ delay: 10_000, logger: app.log }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'closing after error')
    else app.log.info({ signal }, 'draining: finishing the requests in flight, then exiting')
    await app.close()
  })
  await app.listen({ host: config.host, port: config.port })
  // Development on every interface: the addresses a phone on the same network opens (README, "Open on a phone").
  if (config.lanOrigins.length > 0)
    app.log.warn({ lanOrigins: config.lanOrigins }, 'listening on every interface: reachable from this network')
}

void main()
