// Prints this machine's LAN origins on a port, one a line (http://<LAN IPv4 address>:<port>): the addresses a phone on
// the same network opens. The BFF's own rule (lanOrigins in bff/src/platform/config.ts), for scripts/start and
// scripts/weapp --host.   pnpm exec tsx scripts/lan-origins.ts <port>
import { lanOrigins } from '@ysx/bff/config'

const port = Number(process.argv[2])
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write('usage: lan-origins.ts <port>\n')
  process.exit(2)
}
const origins = lanOrigins(port)
if (origins.length > 0) process.stdout.write(`${origins.join('\n')}\n`)
