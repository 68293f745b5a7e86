import type { ApiKeyRecord, Scope } from '@pindown/store'
import type { Bucket } from './rate-limit/rate-limiter.js'

/** What a route declares about itself; routes without `scope` are public. */
export interface PindownRouteConfig {
  readonly scope?: Scope
  readonly bucket?: Bucket
}

declare module 'fastify' {
  interface FastifyContextConfig extends PindownRouteConfig {}
  interface FastifyRequest {
    /** The API key that authenticated this request; set by the auth hook on every scoped route. */
    apiKey: ApiKeyRecord
  }
}
