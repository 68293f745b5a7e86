import type { FastifyReply } from 'fastify'
import { ApiError } from '../errors.js'
import type { Bucket, RateLimiter } from './rate-limiter.js'

/** Counts a request against its key's window and sets the `X-RateLimit-*` headers; 429 when over. */
export async function countRequest(limiter: RateLimiter, keyId: string, bucket: Bucket, reply: FastifyReply) {
  const now = Date.now()
  const decision = await limiter.hit(keyId, bucket, now)
  reply.header('X-RateLimit-Limit', decision.limit)
  reply.header('X-RateLimit-Remaining', decision.remaining)
  reply.header('X-RateLimit-Reset', Math.ceil(decision.resetAt / 1000))
  if (!decision.allowed) {
    const retryAfter = Math.max(1, Math.ceil((decision.resetAt - now) / 1000))
    throw new ApiError(
      'RATE_LIMITED',
      `Rate limit of ${decision.limit} ${bucket} requests exceeded; retry in ${retryAfter} s`,
      undefined,
      { 'Retry-After': String(retryAfter) },
    )
  }
}
