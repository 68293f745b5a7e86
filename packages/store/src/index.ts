export { type OpenStoreOptions, openStore } from './open-store.js'
export * from './records.js'
export { type IdempotencyRequest, idempotencyStaleClaimMs, idempotencyTtlMs, type Store } from './store.js'
