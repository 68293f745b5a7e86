import type { Store } from '@pindown/store'
import type { FastifyInstance } from 'fastify'
import { authenticate, requireScope } from './auth/authenticate.js'
import { claimIdempotency, recordIdempotency } from './idempotency.js'
import { rateLimit } from './rate-limit/rate-limit-hook.js'
import type { RateLimiter } from './rate-limit/rate-limiter.js'

/**
 * The request lifecycle, in order: authenticate → count against the rate limit → check the scope
 * (so a key without the scope still counts) → parse the body → claim the idempotency key → handler →
 * record the idempotent answer → one log line.
 */
export function registerHooks(app: FastifyInstance, deps: { store: Store; limiter: RateLimiter }): void {
  app.decorateRequest('apiKey', null as never)
  app.decorateRequest('idempotencyKey', undefined)
  app.addHook('onRequest', authenticate(deps.store))
  app.addHook('onRequest', rateLimit(deps.limiter))
  app.addHook('onRequest', requireScope)
  app.addHook('preHandler', claimIdempotency(deps.store))
  app.addHook('onSend', recordIdempotency(deps.store))
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Request-Id', request.id)
    return payload
  })
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
