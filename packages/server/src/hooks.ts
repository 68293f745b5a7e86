import type { Store } from '@pindown/store'
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import { authenticate, requireScope } from './auth/authenticate.js'
import { claimIdempotency, recordIdempotency } from './idempotency.js'
import type { Access, HttpMethod } from './operations/operation.js'
import { isKeyed } from './operations/operation.js'
import { countRequest } from './rate-limit/count-request.js'
import type { RateLimiter } from './rate-limit/rate-limiter.js'

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>
export type OperationHooks = Pick<RouteOptions, 'onRequest' | 'preHandler' | 'onSend'>

/**
 * The request lifecycle of a keyed operation, in order: authenticate → count against the rate limit →
 * check the scope (so a key without the scope still counts) → parse the body → on a POST, claim the
 * idempotency key → handler → record the idempotent answer. Public operations get none of it.
 */
export function lifecycle(deps: { store: Store; limiter: RateLimiter }) {
  const claim = claimIdempotency(deps.store)
  const record = recordIdempotency(deps.store)
  return (access: Access, method: HttpMethod): OperationHooks => {
    if (!isKeyed(access)) return {}
    const { scope, bucket } = access
    const guard: Guard = async (request, reply) => {
      const key = await authenticate(deps.store, request)
      request.apiKey = key
      await countRequest(deps.limiter, key.id, bucket, reply)
      requireScope(key, scope)
    }
    return method === 'POST' ? { onRequest: guard, preHandler: claim, onSend: record } : { onRequest: guard }
  }
}

/** What every request gets: its id echoed, one log line, and no `/v1` route outside the operations table. */
export function registerHooks(app: FastifyInstance): void {
  app.decorateRequest('apiKey', null as never)
  app.decorateRequest('idempotencyKey', undefined)
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id)
    done()
  })
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/v1/') && route.config?.operationId === undefined) {
      throw new Error(`${route.method} ${route.url} is not in the operations table (packages/server/src/operations)`)
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
