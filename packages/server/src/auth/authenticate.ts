import type { Store } from '@pindown/store'
import type { FastifyRequest } from 'fastify'
import { ApiError } from '../errors.js'
import { hashApiKey, isWellFormedKey } from './api-keys.js'

const bearer = /^Bearer\s+(\S+)\s*$/i

/** Finds the request's API key; a missing, malformed, unknown or revoked key is 401 `Invalid API key`. */
export function authenticate(store: Store) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!request.routeOptions.config.scope) return
    const match = bearer.exec(request.headers.authorization ?? '')
    const key = match?.[1]
    if (!key || !isWellFormedKey(key)) throw new ApiError('UNAUTHORIZED')
    const record = await store.findApiKeyByHash(hashApiKey(key))
    if (!record || record.revokedAt !== null) throw new ApiError('UNAUTHORIZED')
    request.apiKey = record
  }
}

/** 403 naming the scope when the key lacks the route's scope. Runs after the rate limiter, so it still counts. */
export async function requireScope(request: FastifyRequest): Promise<void> {
  const scope = request.routeOptions.config.scope
  if (scope && !request.apiKey.scopes.includes(scope)) {
    throw new ApiError('SCOPE_REQUIRED', `This API key lacks the ${scope} scope`, [
      { path: 'Authorization', message: `Needs scope ${scope}` },
    ])
  }
}
