import { createHash } from 'node:crypto'
import type { IdempotentAnswer, Store } from '@pindown/store'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ApiError, validationError } from './errors.js'

interface Claim {
  readonly apiKeyId: string
  readonly key: string
  readonly fingerprint: string
  readonly createdAt: number
  /** Set once a write has stored the answer along with itself. */
  stored: boolean
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set while this request runs under an `Idempotency-Key`: its answer is to be stored. */
    idempotency?: Claim
  }
}

/**
 * `POST` with `Idempotency-Key`: a retry with the same key and body (the same bytes) gets the first
 * answer again, the same key with another body is a 409, and a retry while the first is still running
 * is a 409 too. The answer to a write is stored in the write's own transaction (see `pendingAnswer`),
 * so a crash leaves either both or neither: a retry after it never writes twice. A request running here
 * is known only to this process, so a crash leaves no claim behind to wait out.
 */
export function idempotency(store: Store) {
  const running = new Set<string>()

  const claim = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const header = request.headers['idempotency-key']
    // Keys are per API key: a person's request from a page has none to keep them under.
    if (header === undefined || !request.apiKey) return
    const key = Array.isArray(header) ? header[0] : header
    if (!key || key.length > 255) {
      throw validationError([{ path: 'Idempotency-Key', message: 'Must be 1 to 255 characters' }])
    }
    // The body's own bytes, as received: nothing here walks a (possibly deep) parsed body.
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n`)
      .update(request.rawBody ?? '')
      .digest('hex')
    const apiKeyId = request.apiKey.id
    const now = Date.now()
    const found = await store.findIdempotentAnswer(apiKeyId, key, now)
    if (found) {
      if (found.fingerprint !== fingerprint) throw new ApiError('IDEMPOTENCY_CONFLICT')
      const { status, body } = found.response
      reply.header('Idempotent-Replayed', 'true').code(status).type('application/json; charset=utf-8')
      return reply.send(body)
    }
    const id = `${apiKeyId}\u0000${key}`
    if (running.has(id)) throw inProgress()
    running.add(id)
    reply.raw.once('close', () => running.delete(id))
    request.idempotency = { apiKeyId, key, fingerprint, createdAt: now, stored: false }
  }

  /** Stores the answer of a claimed key that no write stored: an error, or a request that changed nothing. */
  const record = async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const claimed = request.idempotency
    request.idempotency = undefined
    if (!claimed || claimed.stored || reply.statusCode >= 500 || typeof payload !== 'string') return payload
    await store.recordIdempotentAnswer(answerOf(claimed, reply.statusCode, payload))
    return payload
  }

  return { claim, record }
}

const inProgress = () =>
  new ApiError('IDEMPOTENCY_CONFLICT', 'A request with this Idempotency-Key is still being processed')

/**
 * The answer to store with this request's write, in the same transaction; undefined without a key.
 * `body` must be the exact text the request answers. Call `answerStored` once the write committed.
 */
export function pendingAnswer(request: FastifyRequest, status: number, body: string): IdempotentAnswer | undefined {
  return request.idempotency && answerOf(request.idempotency, status, body)
}

function answerOf({ stored: _, ...claim }: Claim, status: number, body: string): IdempotentAnswer {
  return { ...claim, response: { status, body } }
}

export function answerStored(request: FastifyRequest): void {
  if (request.idempotency) request.idempotency.stored = true
}

/** A write refused because another request with the key (on another instance) answered first. */
export const answeredMeanwhile = () =>
  new ApiError(
    'IDEMPOTENCY_CONFLICT',
    'A request with this Idempotency-Key was answered meanwhile: retry to get its answer',
  )
