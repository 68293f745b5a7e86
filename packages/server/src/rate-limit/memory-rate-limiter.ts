import type { Bucket, RateLimitDecision, RateLimiter, RateLimits } from './rate-limiter.js'

/** The times of the requests counted in the current window, oldest first, in a ring. */
class Window {
  readonly times: Float64Array
  start = 0
  count = 0

  constructor(limit: number) {
    this.times = new Float64Array(limit)
  }

  newest(): number {
    return this.count === 0 ? Number.NEGATIVE_INFINITY : this.times[(this.start + this.count - 1) % this.times.length]!
  }
}

/**
 * An exact rolling window per key and bucket, held in this process: right for one server on the
 * embedded store. Several instances need a shared limiter (the PostgreSQL issue).
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly #windows = new Map<string, Window>()
  readonly #sweep: NodeJS.Timeout

  constructor(readonly options: RateLimits) {
    this.#sweep = setInterval(() => this.#forgetIdle(Date.now()), options.windowMs)
    this.#sweep.unref()
  }

  async hit(keyId: string, bucket: Bucket, now: number): Promise<RateLimitDecision> {
    const limit = this.options.limits[bucket]
    const id = `${bucket}\u0000${keyId}`
    let window = this.#windows.get(id)
    if (!window) {
      window = new Window(limit)
      this.#windows.set(id, window)
    }
    const { times } = window
    const horizon = now - this.options.windowMs
    while (window.count > 0 && times[window.start]! <= horizon) {
      window.start = (window.start + 1) % times.length
      window.count--
    }
    const allowed = window.count < limit
    if (allowed) {
      times[(window.start + window.count) % times.length] = now
      window.count++
    }
    return {
      allowed,
      limit,
      remaining: limit - window.count,
      resetAt: times[window.start]! + this.options.windowMs,
    }
  }

  #forgetIdle(now: number): void {
    for (const [id, window] of this.#windows) {
      if (window.newest() <= now - this.options.windowMs) this.#windows.delete(id)
    }
  }

  close(): void {
    clearInterval(this.#sweep)
  }
}
