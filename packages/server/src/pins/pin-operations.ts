import type { ChangeAuthor, IdempotentAnswer, PinRecord, Store } from '@pindown/store'
import { ApiError } from '../errors.js'
import type { PinEventBus } from '../events/pin-events.js'
import { pinIdPattern } from '../ids.js'
import type { UpdatePinBody } from './pin-body.js'
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

/** What pin writes need: where pins live, and who is told when one changes. */
export interface PinWrites {
  readonly store: Store
  readonly events: PinEventBus
}

export interface PinUpdate {
  readonly workspaceId: string
  readonly id: string
  readonly changes: UpdatePinBody
  readonly now: number
  /** Who makes the change: recorded as the pin's `updated_by`. */
  readonly author: ChangeAuthor
  /** The version the caller expects the pin to be at (`If-Match`). */
  readonly ifMatch?: number | undefined
  /** The request's idempotent answer for the pin it writes, stored in the write's transaction. */
  readonly answer?: {
    readonly of: (next: PinRecord) => IdempotentAnswer | undefined
    readonly stored: () => void
  }
  /** The event a change is announced as: `pin.shared` for sharing changes. */
  readonly event?: 'pin.updated' | 'pin.shared'
  /** Runs once the change is stored and announced (to send the invites it adds, say). */
  readonly changed?: (previous: PinRecord, next: PinRecord) => Promise<void>
}

/**
 * Applies a partial update and announces it. With `ifMatch`, a pin whose version moved on is a
 * `VERSION_CONFLICT`; without, a concurrent change is merged by reading the pin again, so no update is lost.
 */
export async function updatePin({ store, events }: PinWrites, update: PinUpdate): Promise<PinRecord> {
  const { workspaceId, id, ifMatch, changes } = update
  for (let attempt = 0; ; attempt++) {
    const current = await loadPin(store, workspaceId, id)
    if (ifMatch !== undefined && current.version !== ifMatch) throw versionConflict(current)
    const next = updatedPin(current, changes, update.now, update.author)
    if (next === current) return current
    const result = await store.updatePin(next, current.version, update.answer?.of(next))
    if (result === 'updated') {
      update.answer?.stored()
      events.publish({ type: update.event ?? 'pin.updated', pin: next })
      await update.changed?.(current, next)
      return next
    }
    if (result === 'not-found') throw notFound(id)
    if (ifMatch !== undefined || attempt >= 10) throw versionConflict(current)
  }
}

/** Deletes the workspace's pins among `ids` and announces each; answers the ids deleted. */
export async function deletePins({ store, events }: PinWrites, workspaceId: string, ids: readonly string[]) {
  const deleted = await store.deletePins(
    workspaceId,
    ids.filter((id) => pinIdPattern.test(id)),
  )
  for (const id of deleted) events.publish({ type: 'pin.deleted', id, workspaceId })
  return deleted
}

/** 409 with the pin's current version as its ETag, so the caller can re-read or retry without guessing. */
function versionConflict(current: PinRecord): ApiError {
  return new ApiError(
    'VERSION_CONFLICT',
    `Pin ${current.id} is at version ${current.version}, not the version If-Match gives`,
    undefined,
    { ETag: `"${current.version}"` },
  )
}
