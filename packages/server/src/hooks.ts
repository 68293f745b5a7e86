import type { Scope, Store } from '@pindown/store'
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import { authenticate, requireScope } from './auth/authenticate.js'
import { claimIdempotency, recordIdempotency } from './idempotency.js'
import { countRequest } from './rate-limit/count-request.js'
import type { Bucket, RateLimiter } from './rate-limit/rate-limiter.js'

type Hooks<T> = T | T[] | undefined
const withHook = <T>(hooks: Hooks<T>, hook: T): T[] => [...(hooks === undefined ? [] : [hooks].flat()), hook] as T[]

/**
 * The request lifecycle of an API route (one whose config names a scope), in order: authenticate →
 * count against the rate limit → check the scope (so a key without the scope still counts) → parse the
 * body → on a POST, claim the idempotency key → handler → record the idempotent answer. Hooks are
 * attached to the routes that need them, so public pages and the rest pay nothing for them.
 */
export function registerHooks(app: FastifyInstance, deps: { store: Store; limiter: RateLimiter }): void {
  app.decorateRequest('apiKey', null as never)
  app.decorateRequest('idempotencyKey', undefined)
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id)
    done()
  })

  // Each API route gets its own guard, with its scope and bucket taken from its config once.
  const guard =
    (scope: Scope, bucket: Bucket | undefined) =>
    async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const key = await authenticate(deps.store, request)
      request.apiKey = key
      if (bucket) await countRequest(deps.limiter, key.id, bucket, reply)
      requireScope(key, scope)
    }
  const claim = claimIdempotency(deps.store)
  const record = recordIdempotency(deps.store)
  app.addHook('onRoute', (route: RouteOptions) => {
    const scope = route.config?.scope
    if (!scope) return
    route.onRequest = withHook(route.onRequest, guard(scope, route.config?.bucket))
    if (route.method === 'POST') {
      route.preHandler = withHook(route.preHandler, claim)
      route.onSend = withHook(route.onSend, record)
    }
  })

  // One line per request at level info; at quieter levels the hook is not even attached.
  const log = app.log as { isLevelEnabled?: (level: string) => boolean }
  if (log.isLevelEnabled?.('info') ?? true) {
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(
        {
          method: request.method,
          url: request.url,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request',
      )
    })
  }
}
