// The BFF's typed client: openapi-fetch over the types openapi-typescript generated from GET /openapi.json
// (schema.d.ts, by generate.ts). Paths, parameters, bodies and replies — errors included — are typed by the document.
import createClient from 'openapi-fetch'
import type { paths } from './schema'

export type { components, operations, paths } from './schema'

export interface BffClientOptions {
  /** The access token to send as `Authorization: Bearer …`, read on every request (it changes on refresh) */
  token?: () => string | undefined
  /** Another fetch (a test's, a proxy's); the global one by default */
  fetch?: typeof fetch
}

/** A client of the BFF at `baseUrl` (e.g. http://localhost:3000). */
export function createBffClient(baseUrl: string, opts: BffClientOptions = {}) {
  const client = createClient<paths>({ baseUrl, ...(opts.fetch ? { fetch: opts.fetch } : {}) })
  const { token } = opts
  if (token)
    client.use({
      onRequest({ request }) {
        const value = token()
        if (value) request.headers.set('authorization', `Bearer ${value}`)
        return request
      },
    })
  return client
}

export type BffClient = ReturnType<typeof createBffClient>
