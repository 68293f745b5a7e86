import type { IdempotentAnswer } from './records.js'

export const idempotencyTtlMs = 24 * 60 * 60 * 1000

/** Thrown by a write given an answer for a key that already holds one: nothing was written. */
export class IdempotencyKeyTaken extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} already holds an answer`)
    this.name = 'IdempotencyKeyTaken'
  }
}

/** An `idempotency_keys` row as the store reads it (PostgreSQL gives the BIGINT as text). */
export interface IdempotencyRow {
  fingerprint: string
  status: number | null
  body: string | null
  created_at: number | string
}

/**
 * Stores an answer unless the key holds a live one. Rows left with no answer (claims written by
 * earlier versions) and expired rows give way. `?` parameters: the answer's six columns, then the
 * creation time before which a row has expired.
 */
export const recordAnswerSql = `INSERT INTO idempotency_keys (api_key_id, key, fingerprint, status, body, created_at)
  VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (api_key_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, status = excluded.status,
    body = excluded.body, created_at = excluded.created_at
  WHERE idempotency_keys.status IS NULL OR idempotency_keys.created_at <= ?`

export const recordAnswerParams = (answer: IdempotentAnswer): unknown[] => [
  answer.apiKeyId,
  answer.key,
  answer.fingerprint,
  answer.response.status,
  answer.response.body,
  answer.createdAt,
  answer.createdAt - idempotencyTtlMs,
]

/** A stored row as an answer, unless it has expired or holds no answer. */
export function liveAnswer(
  apiKeyId: string,
  key: string,
  row: IdempotencyRow | undefined,
  now: number,
): IdempotentAnswer | undefined {
  if (!row || row.status === null || Number(row.created_at) <= now - idempotencyTtlMs) return undefined
  return {
    apiKeyId,
    key,
    fingerprint: row.fingerprint,
    createdAt: Number(row.created_at),
    response: { status: row.status, body: row.body ?? '' },
  }
}
