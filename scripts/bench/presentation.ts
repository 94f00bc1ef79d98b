// Benchmark: presentation (亮证) issue and online verify throughput, as ratios to a bare Fastify hello-world measured
// in the same run with the same load loop (these machines are noisy; only ratios compare).
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import { presentationText, proofSigningInput } from '@ysx/shared/credential'
import Fastify from 'fastify'
import { drivers, measure, percentile, startBff, startDepartments } from './lib'

const N = Number(process.env.BENCH_N ?? 3000)
const CONCURRENCY = 16
const SEED = 20_261_123

async function throughput(label: string, n: number, once: () => Promise<unknown>) {
  await measure(Math.min(200, n), CONCURRENCY, once) // warm-up
  const started = performance.now()
  const times = await measure(n, CONCURRENCY, once)
  const seconds = (performance.now() - started) / 1000
  return { label, rps: n / seconds, p99: percentile(times, 99) }
}

async function main() {
  const bare = Fastify()
  bare.get('/', async () => ({ hello: 'world' }))
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 })

  const { urls, stop } = await startDepartments(5200, 1000)
  const { app, url: bff } = await startBff(urls, {
    rateLimit: { max: 100_000_000, windowMs: 60_000 },
    verifyRateLimitMax: 100_000_000,
  })
  try {
    const [{ token, cardId }] = (await drivers({ bff, wechat: urls.wechat, jiaoguan: urls.jiaoguan }, SEED, 1)) as [
      { token: string; cardId: string },
    ]
    const device = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const deviceKey = device.publicKey.export({ format: 'jwk' })
    const post = (path: string, body: unknown, auth = true) =>
      fetch(`${bff}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
    const issueOnce = async () =>
      (await post(`/v1/wallet/${cardId}/credentials`, { profile: 'traffic_police', deviceKey })).json() as Promise<{
        credential: string
      }>
    const { credential } = await issueOnce()
    // The phone's QR, in the shared credential format, signed with node:crypto.
    const present = () => {
      const at = { iat: Math.floor(Date.now() / 1000), jti: randomBytes(9).toString('base64url') }
      const input = proofSigningInput(credential, at)
      const signature = sign('sha256', Buffer.from(input), { key: device.privateKey, dsaEncoding: 'ieee-p1363' })
      return presentationText(credential, input, signature.toString('base64url'))
    }

    const hello = await throughput('bare Fastify hello-world', N, () => fetch(bareUrl).then((r) => r.arrayBuffer()))
    const issue = await throughput('issue credential', Math.max(200, N / 5), async () => {
      const res = await post(`/v1/wallet/${cardId}/credentials`, { profile: 'traffic_police', deviceKey })
      if (res.status !== 201) throw new Error(`issue ${res.status}`)
      await res.arrayBuffer()
    })
    const verify = await throughput('verify presentation online', N, async () => {
      const res = await post('/v1/verify', { presentation: present() }, false)
      if (res.status !== 200) throw new Error(`verify ${res.status} ${await res.text()}`)
      await res.arrayBuffer()
    })
    console.log(`presentation benchmark (concurrency ${CONCURRENCY}, load loop in the same process)`)
    for (const r of [hello, issue, verify]) {
      console.log(
        `  ${r.label.padEnd(28)} ${r.rps.toFixed(0).padStart(6)} req/s · p99 ${r.p99.toFixed(1)} ms · ratio to bare ${(r.rps / hello.rps).toFixed(2)}`,
      )
    }
    console.log(`  QR size: ${Buffer.byteLength(present())} bytes`)
  } finally {
    await app.close()
    await bare.close()
    stop()
  }
}

void main()
