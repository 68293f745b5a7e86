import type { IdempotencyClaim } from './records.js'
import type { IdempotencyRequest } from './store.js'

export const idempotencyTtlMs = 24 * 60 * 60 * 1000
export const idempotencyStaleClaimMs = 60 * 1000

/** An `idempotency_keys` row as the claim reads it (PostgreSQL gives the BIGINT as text). */
export interface IdempotencyRow {
  fingerprint: string
  status: number | null
  body: string | null
  created_at: number | string
}

/**
 * What claiming a stored key answers, or undefined when the key is free again: its first request was
 * made over 24 hours ago, or left its claim pending for a minute (it crashed). The caller then claims it.
 */
export function heldClaim(row: IdempotencyRow, request: IdempotencyRequest): IdempotencyClaim | undefined {
  const createdAt = Number(row.created_at)
  if (createdAt <= request.now - idempotencyTtlMs) return undefined
  if (row.status === null && createdAt <= request.now - idempotencyStaleClaimMs) return undefined
  if (row.fingerprint !== request.fingerprint) return { state: 'mismatch' }
  if (row.status === null) return { state: 'in-progress' }
  return { state: 'replay', response: { status: row.status, body: row.body ?? '' } }
}
