// The OpenAPI document as the BFF serves it at GET /openapi.json (a BFF built from the test config, no department).
import { buildApp } from '@ysx/bff/app'
import { testConfig } from '@ysx/bff/config'

export interface Operation {
  operationId?: string
  security?: Record<string, string[]>[]
  parameters?: { in: string; name: string; example?: unknown; schema?: unknown }[]
  requestBody?: { content: Record<string, { schema?: unknown; example?: unknown }> }
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema?: unknown; example?: unknown; examples?: unknown }> }
  >
}

export interface OpenApiDocument {
  openapi: string
  info: Record<string, unknown>
  servers?: unknown[]
  tags?: { name: string; description?: string }[]
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> }
}

export async function servedDocument(): Promise<OpenApiDocument> {
  const app = await buildApp(testConfig())
  try {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' })
    if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}`)
    return res.json()
  } finally {
    await app.close()
  }
}

/** A contract's path in the document (`/v1/wallet/:id` → `/v1/wallet/{id}`). */
export const documentPath = (path: string) => path.replace(/:(\w+)/g, '{$1}')
