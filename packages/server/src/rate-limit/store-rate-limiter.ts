import type { Store } from '@pindown/store'
import type { Bucket, RateLimitDecision, RateLimiter, RateLimits } from './rate-limiter.js'

/** Rolling windows counted in the shared store, so that several server instances enforce one limit. */
export class StoreRateLimiter implements RateLimiter {
  constructor(
    private readonly limits: NonNullable<Store['rateLimits']>,
    private readonly options: RateLimits,
  ) {}

  async hit(keyId: string, bucket: Bucket, now: number): Promise<RateLimitDecision> {
    const limit = this.options.limits[bucket]
    const count = await this.limits.hit({ keyId, bucket, now, windowMs: this.options.windowMs, limit })
    return {
      allowed: count.allowed,
      limit,
      remaining: limit - count.used,
      resetAt: count.oldest + this.options.windowMs,
    }
  }

  close(): void {}
}
