// Retirement on the wire: a route whose contract is deprecated answers with `Deprecation: @<unix time>` (RFC 9745),
// `Sunset: <HTTP date>` (RFC 8594) and a `Link` to the API's docs (rel="deprecation"). No route is deprecated today.
import { bffContracts, type RouteContract } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export interface DeprecationOptions {
  /** The contracts to read `deprecated` from (every BFF contract by default) */
  contracts?: Record<string, Record<string, RouteContract>>
}

/** The headers a deprecated route's replies carry. */
export function deprecationHeaders(d: NonNullable<RouteContract['deprecated']>): Record<string, string> {
  return {
    deprecation: `@${Math.floor(Date.parse(`${d.since}T00:00:00Z`) / 1000)}`,
    sunset: new Date(`${d.sunset}T00:00:00Z`).toUTCString(),
    link: '</docs>; rel="deprecation"; type="text/html"',
  }
}

async function deprecation(app: FastifyInstance, opts: DeprecationOptions) {
  const byRoute = new Map<string, Record<string, string>>()
  const groups: Record<string, Record<string, RouteContract>> = opts.contracts ?? bffContracts
  for (const group of Object.values(groups))
    for (const c of Object.values(group))
      if (c.deprecated) byRoute.set(`${c.method} ${c.path}`, deprecationHeaders(c.deprecated))
  if (byRoute.size === 0) return
  app.addHook('onSend', async (req, reply) => {
    const headers = byRoute.get(`${req.method} ${req.routeOptions.url}`)
    if (headers) void reply.headers(headers)
  })
}

export default fp(deprecation, { name: 'deprecation' })
