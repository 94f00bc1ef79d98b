// The H5 app as the BFF serves it: the build's precompressed files sent as they are to a browser that accepts them,
// hashed assets cached for a year, the page itself revalidated on every load (whatever its encoding).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { build, type TestApp } from '../helper'

const PAGE =
  '<!doctype html><html lang="zh-CN"><head><title>粤省事</title></head><body><div id="app"></div></body></html>'
const SCRIPT = `console.log(${JSON.stringify('粤省事'.repeat(200))})`

let dir: string
let t: TestApp

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ysx-h5-'))
  mkdirSync(path.join(dir, 'js'))
  const files: [string, string][] = [
    ['index.html', PAGE],
    ['js/app.1234abcd.js', SCRIPT],
  ]
  for (const [file, text] of files) {
    writeFileSync(path.join(dir, file), text)
    writeFileSync(path.join(dir, `${file}.br`), brotliCompressSync(text))
    writeFileSync(path.join(dir, `${file}.gz`), gzipSync(text))
  }
  t = await build({ h5Dir: dir })
})
afterAll(async () => {
  await t?.app.close()
  rmSync(dir, { recursive: true, force: true })
})

test.each([
  ['br', 'br'],
  ['gzip, deflate', 'gzip'],
])('a browser accepting %s gets the build’s %s file of a script, cached for a year', async (accept, encoding) => {
  const res = await t.app.inject({ url: '/js/app.1234abcd.js', headers: { 'accept-encoding': accept } })
  const body = encoding === 'br' ? brotliCompressSync(SCRIPT) : gzipSync(SCRIPT)
  expect([res.statusCode, res.headers['content-encoding'], res.headers['cache-control']]).toEqual([
    200,
    encoding,
    'public, max-age=31536000, immutable',
  ])
  expect(res.headers.vary).toMatch(/accept-encoding/i)
  expect(res.rawPayload.equals(body)).toBe(true)
})

test('a client that accepts no compression gets the plain script', async () => {
  const res = await t.app.inject({ url: '/js/app.1234abcd.js', headers: { 'accept-encoding': 'identity' } })
  expect([res.statusCode, res.headers['content-encoding'], res.body]).toEqual([200, undefined, SCRIPT])
})

test.each(['br', 'gzip', 'identity'])(
  'the page itself (%s) is revalidated on every load, never cached',
  async (accept) => {
    const res = await t.app.inject({ url: '/', headers: { 'accept-encoding': accept } })
    expect([res.statusCode, res.headers['cache-control']]).toEqual([200, 'no-cache'])
  },
)

test('the page carries its full CSP (the inline boot script’s hash, the QR worker) and the other page headers', async () => {
  const res = await t.app.inject({ url: '/' })
  const csp = res.headers['content-security-policy']
  expect(csp).toMatch(/default-src 'self'/)
  expect(csp).toMatch(/script-src 'self' .*'unsafe-hashes' 'sha256-/)
  expect(csp).toMatch(/worker-src 'self' blob:(;|$)/)
  expect(csp).toMatch(/frame-ancestors 'none'/)
  expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/)
  expect(res.headers['x-content-type-options']).toBe('nosniff')
  expect(res.headers['referrer-policy']).toBe('no-referrer')
})

test('on every interface in development, the page’s CSP lets it connect to the BFF’s LAN address', async () => {
  const lan = 'http://192.168.1.20:3000'
  const onLan = await build({ h5Dir: dir, corsOrigins: ['http://localhost:3000', lan], lanOrigins: [lan] })
  try {
    const res = await onLan.app.inject({ url: '/' })
    expect(res.headers['content-security-policy']).toContain(`connect-src 'self' ${lan}`)
  } finally {
    await onLan.app.close()
  }
  expect((await t.app.inject({ url: '/' })).headers['content-security-policy']).toMatch(/connect-src 'self'(;|$)/)
})
