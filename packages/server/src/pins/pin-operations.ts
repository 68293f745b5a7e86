import type { PinRecord, Store } from '@pindown/store'
import { ApiError } from '../errors.js'
import { pinIdPattern } from '../ids.js'
import { parse } from '../validation.js'
import { updatePinBody } from './pin-body.js'
import { updatedPin } from './pin-input.js'

/** The operations on one pin that single and batch routes share. Another workspace's pin is simply not found. */

export function notFound(id: string): ApiError {
  return new ApiError('NOT_FOUND', `No pin ${id} in this workspace`)
}

export async function loadPin(store: Store, workspaceId: string, id: string): Promise<PinRecord> {
  const pin = pinIdPattern.test(id) ? await store.getPin(workspaceId, id) : undefined
  if (!pin) throw notFound(id)
  return pin
}

/**
 * Applies a partial update. With `ifMatch`, a pin whose version moved on is a `VERSION_CONFLICT`;
 * without, a concurrent change is merged by reading the pin again, so no update is ever lost.
 */
export async function updatePin(
  store: Store,
  workspaceId: string,
  id: string,
  body: unknown,
  now: number,
  ifMatch?: number,
  prefix: readonly PropertyKey[] = [],
): Promise<PinRecord> {
  const changes = parse(updatePinBody, body, prefix)
  for (let attempt = 0; ; attempt++) {
    const current = await loadPin(store, workspaceId, id)
    if (ifMatch !== undefined && current.version !== ifMatch) throw versionConflict(current)
    const next = updatedPin(current, changes, now)
    if (next === current) return current
    const result = await store.updatePin(next, current.version)
    if (result === 'updated') return next
    if (result === 'not-found') throw notFound(id)
    if (ifMatch !== undefined || attempt >= 10) throw versionConflict(current)
  }
}

function versionConflict(current: PinRecord): ApiError {
  return new ApiError('VERSION_CONFLICT', `Pin ${current.id} is at a newer version than If-Match gives`)
}
