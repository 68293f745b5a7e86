import type { ApiKeyRecord, Store } from '@pindown/store'
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify'
import { authenticate, requireScope } from './auth/authenticate.js'
import { ApiError } from './errors.js'
import { idempotency } from './idempotency.js'
import type { Access, HttpMethod, KeyAccess, SessionAccess } from './operations/operation.js'
import { isKeyed, isSessionAccess, opensToPeople } from './operations/operation.js'
import { hasRole, homeMembership } from './people/access.js'
import { checkOrigin } from './people/csrf.js'
import type { Sessions } from './people/sessions.js'
import { countRequest } from './rate-limit/count-request.js'
import type { RateLimiter } from './rate-limit/rate-limiter.js'

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>
export type OperationHooks = Pick<RouteOptions, 'onRequest' | 'preHandler' | 'onSend'>

/** The rate-limit key of a request's address (behind a trusted proxy, its client's). */
const ipKey = (request: FastifyRequest) => `ip:${request.ip}`

/** Public requests (pages, their streams, public documents) count per IP address. */
export function countPublic(limiter: RateLimiter): Guard {
  return async (request, reply) => countRequest(limiter, ipKey(request), 'public', reply)
}

/**
 * The request lifecycle of a keyed operation, in order: authenticate (failures count per IP, and past
 * the limit are 429s) → count against the key's rate limit → check the scope (so a key without the
 * scope still counts) → parse the body → on a POST, claim the idempotency key → handler → record the
 * idempotent answer. Public operations only count per IP.
 */
export function lifecycle(deps: {
  store: Store
  limiter: RateLimiter
  ipLimiter: RateLimiter
  sessions: Sessions
  /** The CSRF token check (`@fastify/csrf-protection`'s hook). */
  csrf: onRequestHookHandler
  publicUrl: string
}) {
  const { claim, record } = idempotency(deps.store)
  const publicGuard = countPublic(deps.ipLimiter)
  return (access: Access, method: HttpMethod): OperationHooks => {
    if (isSessionAccess(access)) return sessionHooks(deps, access, method)
    if (!isKeyed(access)) return { onRequest: publicGuard }
    const { scope, bucket } = access
    const keyGuard: Guard = async (request, reply) => {
      let key: ApiKeyRecord
      try {
        key = await authenticate(deps.store, request)
      } catch (error) {
        // Only a refused key counts: a store that cannot answer (a database restart) must not lock the
        // address out once it is back.
        if (error instanceof ApiError) await countRequest(deps.ipLimiter, ipKey(request), 'auth-failure', reply)
        throw error
      }
      request.apiKey = key
      await countRequest(deps.limiter, key.id, bucket, reply)
      requireScope(key, scope)
    }
    const guard = opensToPeople(access) ? peopleGuard(deps, access, method, keyGuard) : keyGuard
    return method === 'POST' ? { onRequest: guard, preHandler: claim, onSend: record } : { onRequest: guard }
  }
}

/**
 * An operation open to people too: a request with an `Authorization` header is a program's (the key's
 * lifecycle); one without is a person's from a page: signed in (anonymous readers only where the
 * operation lets anyone read), a change from this site (Origin, then the CSRF token), counted per person.
 */
function peopleGuard(
  deps: Parameters<typeof lifecycle>[0],
  access: KeyAccess & { people: 'signed-in' | 'anyone' },
  method: HttpMethod,
  keyGuard: Guard,
): onRequestHookHandler[] {
  const changes = method !== 'GET'
  const publicGuard = countPublic(deps.ipLimiter)
  const guard: Guard = async (request, reply) => {
    if (request.headers.authorization !== undefined) return keyGuard(request, reply)
    const signedIn = await deps.sessions.current(request)
    if (!signedIn) {
      if (access.people === 'anyone' && !changes) return publicGuard(request, reply)
      // A program that forgot its key hears about the key, a page about signing in.
      throw new ApiError('SIGN_IN_REQUIRED', 'Sign in, or send an API key (Authorization: Bearer <key>)')
    }
    if (changes) checkOrigin(request, deps.publicUrl)
    await countRequest(deps.limiter, signedIn.user.id, access.bucket, reply)
    request.person = signedIn
  }
  const csrf: onRequestHookHandler = function (request, reply, done) {
    if (!changes || request.person === null || request.apiKey) return done()
    return deps.csrf.call(this, request, reply, done)
  }
  return [guard, csrf]
}

/**
 * A session operation: signed in (else 401), the change from this site (Origin, then the CSRF token),
 * counted per person, and the role asked for in the person's workspace (else 403).
 */
function sessionHooks(
  deps: Parameters<typeof lifecycle>[0],
  access: SessionAccess,
  method: HttpMethod,
): OperationHooks {
  const changes = method !== 'GET'
  const guard: Guard = async (request, reply) => {
    const signedIn = await deps.sessions.current(request)
    if (!signedIn) throw new ApiError('SIGN_IN_REQUIRED')
    if (changes) checkOrigin(request, deps.publicUrl)
    await countRequest(deps.limiter, signedIn.user.id, changes ? 'write' : 'read', reply)
    if (access.session === 'signed-in') {
      request.person = signedIn
      return
    }
    const member = await homeMembership(deps.store, signedIn.user.id)
    if (!member || !hasRole(member.role, access.session)) {
      throw new ApiError('ROLE_REQUIRED', `Only a workspace ${access.session} may do this`)
    }
    request.person = { ...signedIn, member }
  }
  return { onRequest: changes ? [guard, deps.csrf] : guard }
}

/**
 * What every request gets: its id echoed, nosniff, one log line, its connection closed when the server
 * is shutting down; and no `/v1` route outside the operations table.
 */
export function registerHooks(app: FastifyInstance): void {
  app.decorateRequest('apiKey', null as never)
  app.decorateRequest('idempotency', undefined)
  app.decorateRequest('signedIn', undefined)
  app.decorateRequest('person', null as never)
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id).header('X-Content-Type-Options', 'nosniff')
    done()
  })
  // Answers sent while shutting down close their connection, so that a keep-alive connection whose
  // request was in flight at the signal does not hold the shutdown open for the keep-alive timeout.
  let closing = false
  app.addHook('preClose', (done) => {
    closing = true
    done()
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('Connection', 'close')
    done(null, payload)
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
