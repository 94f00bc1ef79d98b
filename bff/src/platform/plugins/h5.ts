// Serves the mini-program's H5 build at `/` when a build folder is configured, with the pages' security headers.
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

async function h5(app: FastifyInstance, opts: { dir: string; headers: Readonly<Record<string, string>> }) {
  await app.register(fastifyStatic, {
    root: opts.dir,
    prefix: '/',
    index: ['index.html'],
    // The build writes each asset brotli- and gzip-compressed beside itself: sent as they are to a browser that accepts
    // them (Content-Encoding, Vary: Accept-Encoding), never compressed again per request.
    preCompressed: true,
    // Hashed assets can be cached for long; index.html must be revalidated to pick up a new build.
    // The pages' security headers (security.ts pageHeaders: helmet's, the CSP included) over the API's.
    setHeaders: (res, file) => {
      res.headers(opts.headers)
      const page = /\.html(\.br|\.gz)?$/.test(file)
      res.header('cache-control', page ? 'no-cache' : 'public, max-age=31536000, immutable')
    },
  })
}

export default fp(h5, { name: 'h5' })
