// The load generator, run as its own process (pinned by the caller to its own core) so it does not share the server's
// event loop or core: autocannon against one URL. With a tokens file, each request carries a bearer token picked at
// random from it (so reads spread over many citizens); the tokens are signed and every request's headers and body are
// built before the timed window, so per request the generator only picks one (as a phone only sends its own token).
// Without one, the request is built once. Prints one JSON line: { rps, p50, p99, non2xx, errors }.
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
  const contentType: Record<string, string> = spec.body ? { 'content-type': 'application/json' } : {}
  const headerSets = tokens.map((t) => ({ ...contentType, authorization: `Bearer ${t}` }))
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    requests: [
      {
        method: spec.method,
        ...(spec.body ? { body: spec.body } : {}),
        headers: contentType,
        ...(headerSets.length > 0
          ? {
              setupRequest: (req) => ({
                ...req,
                headers: headerSets[Math.floor(Math.random() * headerSets.length)]!,
              }),
            }
          : {}),
      },
    ],
  })
  process.stdout.write(
    `${JSON.stringify({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors })}\n`,
  )
}

void main()
