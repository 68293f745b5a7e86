import { dataTypes, inviteRoles, pinLayouts } from '@pindown/pin-types'
import { z } from 'zod'

/** Request bodies of the pin routes. `pin_config` is only shape-checked here; its type's schema validates it. */

const pinConfig = z.record(z.string(), z.unknown())
const pinType = z.string().max(100)
const pinLayout = z.enum(pinLayouts)

const title = z.string().trim().min(1).max(200)
const tags = z.array(z.string().trim().min(1).max(50)).max(20)

const flags = {
  is_public: z.boolean().optional(),
  allow_edit: z.boolean().optional(),
  require_sign_in: z.boolean().optional(),
  allow_comments: z.boolean().optional(),
}

export const maxPendingInvites = 100
const pendingInvites = z
  .record(z.email({ message: 'Not a valid email address' }).max(254), z.enum(inviteRoles))
  .refine((invites) => Object.keys(invites).length <= maxPendingInvites, {
    message: `At most ${maxPendingInvites} invites at once`,
  })

const placement = {
  pin_type: pinType.optional(),
  pin_config: pinConfig.optional(),
  pin_layout: pinLayout.optional(),
}

export const createPinBody = z.strictObject({
  ...placement,
  data_type: z.enum(dataTypes).optional(),
  ...flags,
  metadata: z.strictObject({ title, tags: tags.optional(), ...placement }),
  pending_invites: pendingInvites.optional(),
})
export type CreatePinBody = z.output<typeof createPinBody>

export const updatePinBody = z.strictObject({
  ...placement,
  data_type: z.enum(dataTypes).optional(),
  ...flags,
  metadata: z.strictObject({ title: title.optional(), tags: tags.optional(), ...placement }).optional(),
  pending_invites: pendingInvites.optional(),
})
export type UpdatePinBody = z.output<typeof updatePinBody>

export const sharePinBody = z.strictObject(flags)

export const batchLimits = { write: 50, read: 100 } as const

/** Batch bodies: items are validated one by one so that one bad item fails alone. */
export const batchCreateBody = z.strictObject({ pins: z.array(z.unknown()).min(1) })
export const batchGetBody = z.strictObject({ ids: z.array(z.string().max(100)).min(1) })
export const batchUpdateBody = z.strictObject({ updates: z.array(z.unknown()).min(1) })
export const batchUpdateItem = updatePinBody.extend({ id: z.string().max(100) })
export const batchDeleteBody = z.strictObject({ ids: z.array(z.string().max(100)).min(1) })

/** Query text, which reaches SQL: no NUL, which PostgreSQL refuses. */
export const queryText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !text.includes('\u0000'), 'Must not contain NUL (%00)')

export const listPinsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  cursor: queryText(200).optional(),
  pin_type: queryText(100).optional(),
  tag: queryText(50).optional(),
  q: queryText(200).optional(),
})

export const maxListLimit = 100
/** A list page holds pins until their JSON reaches this many characters, then ends with a cursor. */
export const maxPageBytes = 4 * 1024 * 1024
export const defaultListLimit = 50
