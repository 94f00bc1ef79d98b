// The load generator, run as its own process so it does not share the server's event loop: autocannon against one
// URL, each request with a bearer token picked at random from a file (so reads spread over many citizens).
// Prints one JSON line: { rps, p50, p99, non2xx, errors }.
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

interface LoadSpec {
  url: string
  method: 'GET' | 'POST'
  body?: string
  tokensFile?: string
  connections: number
  seconds: number
}

async function main() {
  const spec = JSON.parse(process.argv[2]!) as LoadSpec
  const tokens = spec.tokensFile ? readFileSync(spec.tokensFile, 'utf8').split('\n').filter(Boolean) : []
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    requests: [
      {
        method: spec.method,
        ...(spec.body ? { body: spec.body } : {}),
        setupRequest: (req) => ({
          ...req,
          headers: {
            ...(spec.body ? { 'content-type': 'application/json' } : {}),
            ...(tokens.length > 0
              ? { authorization: `Bearer ${tokens[Math.floor(Math.random() * tokens.length)]}` }
              : {}),
          },
        }),
      },
    ],
  })
  process.stdout.write(
    `${JSON.stringify({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors })}\n`,
  )
}

void main()
