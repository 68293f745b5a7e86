import { isDeepStrictEqual } from 'node:util'
import { type DataType, isPinTypeId, type PinTypeId, validatePinConfig } from '@pindown/pin-types'
import type { ChangeAuthor, PinRecord } from '@pindown/store'
import { ApiError, pinConfigError, validationError } from '../errors.js'
import type { CreatePinBody, UpdatePinBody } from './pin-body.js'

type Placement = Pick<CreatePinBody, 'pin_type' | 'pin_config' | 'pin_layout'>

/** `pin_type`, `pin_config` and `pin_layout` may sit at the root or in `metadata`; where both, they must agree. */
function placementOf(body: Placement & { metadata?: Placement | undefined }): Placement {
  const out: Record<string, unknown> = {}
  for (const field of ['pin_type', 'pin_config', 'pin_layout'] as const) {
    const root = body[field]
    const meta = body.metadata?.[field]
    if (root !== undefined && meta !== undefined && !isDeepStrictEqual(root, meta)) {
      throw validationError([
        { path: `metadata.${field}`, message: `Must match the root ${field} when both are given` },
      ])
    }
    out[field] = root ?? meta
  }
  return out as Placement
}

/** The hosted API's `data_type` when none is given: `markdown` for markdown pins, `pin-card` for the rest. */
function defaultDataType(pinType: PinTypeId): DataType {
  return pinType === 'markdown' ? 'markdown' : 'pin-card'
}

function pinTypeOf(id: string): PinTypeId {
  if (!isPinTypeId(id)) {
    throw new ApiError('INVALID_PIN_TYPE', `Unknown pin_type "${id}": GET /v1/pin-types lists the valid ids`, [
      { path: 'pin_type', message: 'Unknown pin type' },
    ])
  }
  return id
}

function validConfig(type: PinTypeId, config: unknown): Record<string, unknown> {
  const result = validatePinConfig(type, config)
  if (!result.ok) throw pinConfigError(type, result.issues)
  return result.value
}

/** Turns a validated create body into the pin to store, checking the config against its type. */
export function newPin(
  body: CreatePinBody,
  ids: { id: string; workspaceId: string },
  now: number,
  author: ChangeAuthor,
): PinRecord {
  const placement = placementOf(body)
  const pinType = pinTypeOf(placement.pin_type ?? 'markdown')
  return {
    id: ids.id,
    workspaceId: ids.workspaceId,
    pinType,
    pinConfig: validConfig(pinType, placement.pin_config ?? {}),
    pinLayout: placement.pin_layout ?? '1x1',
    dataType: body.data_type ?? defaultDataType(pinType),
    title: body.metadata.title,
    tags: body.metadata.tags ?? [],
    isPublic: body.is_public ?? false,
    allowEdit: body.allow_edit ?? false,
    requireSignIn: body.require_sign_in ?? false,
    allowComments: body.allow_comments ?? false,
    pendingInvites: body.pending_invites ?? {},
    createdAt: now,
    updatedAt: now,
    version: 1,
    updatedBy: author,
  }
}

/**
 * Applies a partial update: only given fields change. A new `pin_type` or `pin_config` is validated
 * (the config against the type it will have). Answers the same object when nothing changes.
 */
export function updatedPin(current: PinRecord, body: UpdatePinBody, now: number, author: ChangeAuthor): PinRecord {
  const placement = placementOf(body)
  const pinType = placement.pin_type === undefined ? (current.pinType as PinTypeId) : pinTypeOf(placement.pin_type)
  const typeChanged = pinType !== current.pinType
  const pinConfig =
    placement.pin_config !== undefined || typeChanged
      ? validConfig(pinType, placement.pin_config ?? current.pinConfig)
      : current.pinConfig
  const next: PinRecord = {
    ...current,
    pinType,
    pinConfig,
    pinLayout: placement.pin_layout ?? current.pinLayout,
    dataType: body.data_type ?? (typeChanged ? defaultDataType(pinType) : current.dataType),
    title: body.metadata?.title ?? current.title,
    tags: body.metadata?.tags ?? current.tags,
    isPublic: body.is_public ?? current.isPublic,
    allowEdit: body.allow_edit ?? current.allowEdit,
    requireSignIn: body.require_sign_in ?? current.requireSignIn,
    allowComments: body.allow_comments ?? current.allowComments,
    pendingInvites: body.pending_invites ?? current.pendingInvites,
  }
  if (isDeepStrictEqual(next, current)) return current
  return { ...next, updatedAt: Math.max(now, current.updatedAt), version: current.version + 1, updatedBy: author }
}
