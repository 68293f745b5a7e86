export { idempotencyStaleClaimMs, idempotencyTtlMs } from './idempotency.js'
export { type OpenStoreOptions, openStore } from './open-store.js'
export * from './records.js'
export type { IdempotencyRequest, Store } from './store.js'
