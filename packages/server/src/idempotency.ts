import { createHash } from 'node:crypto'
import type { Store } from '@pindown/store'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ApiError, validationError } from './errors.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this request claimed an `Idempotency-Key` and must record its answer. */
    idempotencyKey?: string
  }
}

/**
 * `POST` with `Idempotency-Key`: a retry with the same key and body (the same bytes) gets the first answer again, the
 * same key with another body is a 409, and a retry while the first is still running is a 409 too.
 */
export function claimIdempotency(store: Store) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const header = request.headers['idempotency-key']
    if (header === undefined) return
    const key = Array.isArray(header) ? header[0] : header
    if (!key || key.length > 255) {
      throw validationError([{ path: 'Idempotency-Key', message: 'Must be 1 to 255 characters' }])
    }
    // The body's own bytes, hashed as they were parsed: nothing here walks a (possibly deep) parsed body.
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${request.bodyHash ?? ''}`)
      .digest('hex')
    const claim = await store.claimIdempotency({ apiKeyId: request.apiKey.id, key, fingerprint, now: Date.now() })
    switch (claim.state) {
      case 'claimed':
        request.idempotencyKey = key
        return
      case 'replay':
        reply.header('Idempotent-Replayed', 'true').code(claim.response.status).type('application/json; charset=utf-8')
        return reply.send(claim.response.body)
      case 'in-progress':
        throw new ApiError('IDEMPOTENCY_CONFLICT', 'A request with this Idempotency-Key is still being processed')
      case 'mismatch':
        throw new ApiError('IDEMPOTENCY_CONFLICT')
    }
  }
}

/** Records the first answer of a claimed key (or frees the key after a server error, so a retry can run). */
export function recordIdempotency(store: Store) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const key = request.idempotencyKey
    if (key === undefined) return payload
    request.idempotencyKey = undefined
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await store.releaseIdempotency(request.apiKey.id, key)
    } else {
      await store.completeIdempotency(request.apiKey.id, key, { status: reply.statusCode, body: payload })
    }
    return payload
  }
}
