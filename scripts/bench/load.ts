// The load generator, run as its own process (pinned by the caller to its own core) so it does not share the server's
// event loop or core: autocannon against one URL. With a tokens file, each request carries a bearer token picked at
// random from it (so reads spread over many citizens); the tokens are signed and every request's headers and body are
// built before the timed window, so per request the generator only picks one (as a phone only sends its own token).
// Without one, the request is built once. With a bodies file, each request sends its next line as the body, once
// (one-use requests, made before the window). A tokens file's line may carry an If-None-Match after a tab (`<token>\t<etag>`:
// a conditional display); `expect` names the one status every reply must have (default: any 2xx), and `non2xx`
// then counts the replies with another. Prints one JSON line: { rps, replies, p50, p99, non2xx, errors }.
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import type { LoadSpec } from './lib'

/** What runLoad (lib.ts) hands over: the spec it was given, with the window's size */
type Spec = LoadSpec & { connections: number; seconds: number }

async function main() {
  const spec = JSON.parse(process.argv[2]!) as Spec
  const tokens = spec.tokensFile ? readFileSync(spec.tokensFile, 'utf8').split('\n').filter(Boolean) : []
  const bodies = spec.bodiesFile ? readFileSync(spec.bodiesFile, 'utf8').split('\n').filter(Boolean) : []
  let nextBody = 0
  const contentType: Record<string, string> =
    spec.body || bodies.length > 0 ? { 'content-type': 'application/json' } : {}
  const headerSets = tokens.map((line) => {
    const [t, etag] = line.split('\t')
    return { ...contentType, authorization: `Bearer ${t}`, ...(etag ? { 'if-none-match': etag } : {}) }
  })
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    // A reply slower than this counts as an error (autocannon's default is 10 s; 核验 on a loaded machine nears it).
    timeout: 30,
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
        ...(bodies.length > 0
          ? { setupRequest: (req) => ({ ...req, body: bodies[nextBody++ % bodies.length]! }) }
          : {}),
      },
    ],
  })
  const counts = Object.values(result.statusCodeStats as Record<string, { count: number }>).map((s) => s.count)
  const replies = counts.reduce((a, b) => a + b, 0)
  const expected = (result.statusCodeStats as Record<string, { count: number } | undefined>)[String(spec.expect)]
  const non2xx = spec.expect === undefined ? result.non2xx : replies - (expected?.count ?? 0)
  process.stdout.write(
    `${JSON.stringify({ rps: result.requests.average, replies, p50: result.latency.p50, p99: result.latency.p99, non2xx, errors: result.errors })}\n`,
  )
}

void main()
