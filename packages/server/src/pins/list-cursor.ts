import type { PinRecord } from '@pindown/store'
import { validationError } from '../errors.js'

/** An opaque keyset position: the `(created_at, id)` of the last pin of a page. */
export function encodeCursor(pin: Pick<PinRecord, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([pin.createdAt, pin.id])).toString('base64url')
}

export function decodeCursor(cursor: string): { createdAt: number; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[]
    if (Number.isSafeInteger(createdAt) && typeof id === 'string') return { createdAt: createdAt as number, id }
  } catch {}
  throw validationError([{ path: 'cursor', message: 'Not a cursor from a previous page (use next_cursor as given)' }])
}
