export { IdempotencyKeyTaken, idempotencyTtlMs } from './idempotency.js'
export { type OpenStoreOptions, openStore } from './open-store.js'
export * from './records.js'
export type { Store } from './store.js'
