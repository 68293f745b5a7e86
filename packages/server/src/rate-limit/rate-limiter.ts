/** Which limit a keyed request counts against (api.md, "Rate limits"). */
export type KeyBucket = 'read' | 'batch-read' | 'write' | 'comment'
/** Every limit: per key, and per IP address for public requests and failed authentication. */
export type Bucket = KeyBucket | 'public' | 'auth-failure' | 'sign-in-account' | 'sign-in-ip'

export interface RateLimitDecision {
  readonly allowed: boolean
  readonly limit: number
  readonly remaining: number
  /** When the oldest counted request leaves the window (epoch ms): a slot frees then. */
  readonly resetAt: number
}

export interface RateLimiter {
  /** Counts one request for the key (unless it is refused) and says whether it may go ahead. */
  hit(keyId: string, bucket: Bucket, now: number): Promise<RateLimitDecision>
  close(): void
}

export interface RateLimits {
  readonly windowMs: number
  readonly limits: Readonly<Record<Bucket, number>>
}
