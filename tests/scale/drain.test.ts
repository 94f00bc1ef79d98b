// A BFF replica drains on SIGTERM: a real BFF process with logins held in flight at its WeChat upstream (a gate in
// front of the WeChat stand-in, released by the test) is sent SIGTERM; it leaves the load balancer's rotation (its
// /readyz stops answering 200), refuses new work, gives every request in flight its whole 200 reply, and exits 0.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { APP_ID, APP_SECRET, wechatStandIn } from '../support/system'

const TSX = path.resolve(__dirname, '../../bff/node_modules/.bin/tsx')
const SERVER = path.resolve(__dirname, '../../bff/src/server.ts')
const IN_FLIGHT = 3

/**
 * One request on a connection of its own (no keep-alive), as a load balancer's probe: its status and whole body. A
 * connection refused or reset before any reply rejects with its code; a reply cut short rejects with HALF_REPLY.
 */
function request(base: string, method: string, url: string, body?: unknown, agent: http.Agent | false = false) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = http.request(
      `${base}${url}`,
      {
        method,
        agent,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        const chunks: Buffer[] = []
        const half = () => reject(Object.assign(new Error('half reply'), { code: 'HALF_REPLY' }))
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('aborted', half)
        res.on('error', half)
        res.on('end', () => {
          if (res.complete) resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })
          else half()
        })
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

/**
 * What became of a request: served (200), refused (a complete 503 reply), no connection (refused, or reset unanswered:
 * a connection the kernel took in as the listener closed), or anything else by its status or error code.
 */
async function outcome(reply: ReturnType<typeof request>): Promise<string> {
  try {
    const { status, body } = await reply
    if (status === 200) return 'served'
    if (status === 503 && JSON.parse(body)) return 'refused'
    return `status ${status}`
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error'
    return code === 'ECONNREFUSED' || code === 'ECONNRESET' ? 'no connection' : code
  }
}

test('on SIGTERM a replica leaves rotation, refuses new work, finishes every request in flight, then exits 0', async () => {
  const wechat = await wechatStandIn()
  const wechatUrl = await wechat.app.listen({ host: '127.0.0.1', port: 0 })
  // The gate: holds every call the BFF makes to WeChat until released, and tells the test when each one arrived.
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let arrived = 0
  let allArrived!: () => void
  const inFlight = new Promise<void>((resolve) => (allArrived = resolve))
  const gate = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      arrived += 1
      if (arrived === IN_FLIGHT) allArrived()
      void released
        .then(() =>
          fetch(`${wechatUrl}${req.url ?? '/'}`, {
            method: req.method ?? 'GET',
            headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
            ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
          }),
        )
        .then(async (upstream) => {
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' })
          res.end(await upstream.text())
        })
        .catch(() => res.destroy())
    })
  })
  gate.listen(0, '127.0.0.1')
  await once(gate, 'listening')
  const gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`

  const child = spawn(TSX, [SERVER], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'development',
      BFF_DB_FILE: path.join(mkdtempSync(path.join(tmpdir(), 'ysx-drain-')), 'bff.sqlite'),
      BFF_PORT: '0',
      BFF_RETENTION_INTERVAL_MS: '0',
      BFF_WECHAT_APPID: APP_ID,
      BFF_WECHAT_SECRET: APP_SECRET,
      DEPT_WECHAT_URL: gateUrl,
      // The held calls are not the upstream failing, nor the machine overloaded: no timeout or shedding cuts them.
      BFF_UPSTREAM_TIMEOUT_MS: '600000',
      BFF_MAX_EVENT_LOOP_DELAY_MS: '600000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // A load balancer keeps its connections alive: the drain closes each one after its reply.
  const keepAlive = new http.Agent({ keepAlive: true })
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
  try {
    const bff = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8')
        const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
        if (listening) resolve(listening[1]!)
      })
      void exited.then(([code]) => reject(new Error(`the BFF exited (${code}) before listening`)))
    })
    expect((await request(bff, 'GET', '/readyz')).status).toBe(200)

    // Logins in flight: each one's code2session call is held at the gate.
    const codes: string[] = []
    for (let i = 0; i < IN_FLIGHT; i += 1) {
      const res = await wechat.app.inject({
        method: 'POST',
        url: '/sns/device-login',
        payload: { appid: APP_ID, account: `drain-${i}` },
      })
      codes.push(res.json().code as string)
    }
    const logins = codes.map((code) => request(bff, 'POST', '/v1/auth/login', { code }, keepAlive))
    await inFlight

    child.kill('SIGTERM')
    // The load balancer's view: /readyz stops answering 200 (503, or no connection at all) while the logins still wait.
    let probe = 'served'
    while (probe === 'served') probe = await outcome(request(bff, 'GET', '/readyz'))
    expect(['refused', 'no connection']).toContain(probe)
    // New work after the signal: refused whole (a complete 503) or no connection, never a half reply.
    expect(['refused', 'no connection']).toContain(await outcome(request(bff, 'POST', '/v1/auth/login', { code: 'x' })))
    expect(arrived).toBe(IN_FLIGHT)

    release()
    const replies = await Promise.all(logins)
    for (const reply of replies) {
      expect(reply.status).toBe(200)
      expect(JSON.parse(reply.body)).toEqual(
        expect.objectContaining({ accessToken: expect.any(String), refreshToken: expect.any(String) }),
      )
    }
    expect(await exited).toEqual([0, null])
  } finally {
    release()
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
    keepAlive.destroy()
    gate.close()
    await wechat.app.close()
  }
}, 60_000)
