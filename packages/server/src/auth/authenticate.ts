import type { ApiKeyRecord, Scope, Store } from '@pindown/store'
import type { FastifyRequest } from 'fastify'
import { ApiError } from '../errors.js'
import { hashApiKey, isWellFormedKey } from './api-keys.js'

const bearer = /^Bearer\s+(\S+)\s*$/i

/** The request's API key; a missing, malformed, unknown or revoked key is 401 `Invalid API key`. */
export async function authenticate(store: Store, request: FastifyRequest): Promise<ApiKeyRecord> {
  const key = bearer.exec(request.headers.authorization ?? '')?.[1]
  if (!key || !isWellFormedKey(key)) throw new ApiError('UNAUTHORIZED')
  const record = await store.findApiKeyByHash(hashApiKey(key))
  if (!record || record.revokedAt !== null) throw new ApiError('UNAUTHORIZED')
  const now = Date.now()
  // "Last used" is kept to the minute, so that it costs a write a minute per key, not one per request.
  if (record.lastUsedAt === null || now - record.lastUsedAt >= lastUsedResolutionMs) {
    store.touchApiKey(record.id, now).catch(() => {})
  }
  return record
}

const lastUsedResolutionMs = 60_000

/** 403 naming the scope when the key lacks it. Runs after the rate limiter, so such a request still counts. */
export function requireScope(key: ApiKeyRecord, scope: Scope): void {
  if (!key.scopes.includes(scope)) {
    throw new ApiError('SCOPE_REQUIRED', `This API key lacks the ${scope} scope`, [
      { path: 'Authorization', message: `Needs scope ${scope}` },
    ])
  }
}
