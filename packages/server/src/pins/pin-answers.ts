import { dataTypes, inviteRoles, pinLayouts } from '@pindown/pin-types'
import { z } from 'zod'

/**
 * What the pin operations answer inside the envelope, as schemas: the OpenAPI document and the SDK
 * coverage tests read them. Answers are written by `pin-view.ts`; a test checks them against these.
 */

const id = z
  .string()
  .meta({ description: 'Pin id: `p-` and 12 lowercase letters or digits', example: 'p-4k2m9x0q7r1z' })
const epochMs = z.number().int().meta({ description: 'Unix epoch milliseconds' })
const pinLayout = z.enum(pinLayouts)
const dataType = z.enum(dataTypes)
const config = z.record(z.string(), z.unknown())
const url = z.string().nullable().meta({ description: 'The public page, while the pin is public' })

/** A person (`user`) or a program through an API key (`app`, with the key's name). */
export const author = z
  .object({ kind: z.enum(['user', 'app']), id: z.string(), name: z.string() })
  .meta({ id: 'Author', example: { kind: 'app', id: 'key_4k2m9x0q7r1z', name: 'Nightly report' } })

const flags = {
  is_public: z.boolean(),
  allow_edit: z.boolean(),
  require_sign_in: z.boolean(),
  allow_comments: z.boolean(),
}

export const pinAnswer = z
  .object({
    id,
    pin_type: z.string(),
    pin_config: config,
    pin_layout: pinLayout,
    data_type: dataType,
    metadata: z.object({
      title: z.string(),
      tags: z.array(z.string()),
      pin_type: z.string(),
      pin_config: config,
      pin_layout: pinLayout,
    }),
    ...flags,
    pending_invites: z.record(z.string(), z.enum(inviteRoles)),
    created_at: epochMs,
    updated_at: epochMs,
    version: z.number().int().min(1),
    updated_by: author.nullable().meta({ description: 'Who made the last change (or created the pin)' }),
    shareable_url: url,
  })
  .meta({ id: 'Pin' })

export const createdAnswer = z.object({ id, data_type: dataType, created_at: epochMs, ...flags })
export const shareAnswer = z.object({ id, ...flags, shareable_url: url })
export const deletedAnswer = z.object({ id, deleted: z.literal(true) })

export const listAnswer = z.object({
  items: z.array(pinAnswer),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  next_cursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last' }),
})

const itemError = z.object({ code: z.string(), message: z.string(), details: z.array(z.unknown()).optional() })

export const batchCreateAnswer = z.object({
  created: z.array(z.object({ id, index: z.number().int(), created_at: epochMs })),
  failed: z.array(z.object({ index: z.number().int(), error: itemError })),
})
export const batchGetAnswer = z.object({
  found: z.array(pinAnswer),
  not_found: z.array(z.string()),
  permission_denied: z.array(z.string()),
})
export const batchUpdateAnswer = z.object({
  updated: z.array(z.object({ id, index: z.number().int(), updated_at: epochMs })),
  failed: z.array(z.object({ index: z.number().int(), id: z.string().nullable(), error: itemError })),
})
export const batchDeleteAnswer = z.object({
  deleted: z.array(z.string()),
  failed: z.array(z.object({ id: z.string(), error: itemError })),
})
