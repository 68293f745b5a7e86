import type { ApiKeyRecord } from '@pindown/store'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on every route registered from the operations table. */
    readonly operationId?: string
  }
  interface FastifyRequest {
    /** The API key that authenticated this request; set by the guard of every keyed operation. */
    apiKey: ApiKeyRecord
  }
}
