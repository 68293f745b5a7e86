import type { PinRecord } from '@pindown/store'
import { ok, sendJson } from '../envelope.js'
import { ApiError } from '../errors.js'
import { answerStored, pendingAnswer } from '../idempotency.js'
import { newPinId, pinIdPattern } from '../ids.js'
import { keyAuthor } from '../people/authors.js'
import { invitePending } from '../people/pin-invites.js'
import { batchCreateAnswer, batchDeleteAnswer, batchGetAnswer, batchUpdateAnswer } from '../pins/pin-answers.js'
import {
  batchCreateBody,
  batchDeleteBody,
  batchGetBody,
  batchLimits,
  batchUpdateBody,
  batchUpdateItem,
  createPinBody,
} from '../pins/pin-body.js'
import { newPin } from '../pins/pin-input.js'
import { deletePins, notFound, updatePin } from '../pins/pin-operations.js'
import { pinView } from '../pins/pin-view.js'
import { parse } from '../validation.js'
import { operation } from './operation.js'

/** Each item succeeds or fails on its own; only a malformed or oversized batch fails as a whole. */

const write = { scope: 'pins:write', bucket: 'write' } as const

function checkSize(count: number, limit: number, what: string): void {
  if (count > limit) throw new ApiError('BATCH_TOO_LARGE', `At most ${limit} ${what} per batch; got ${count}`)
}

/** The item's error as batch answers list it; anything that is not an `ApiError` is a real failure. */
function itemError(error: unknown) {
  if (error instanceof ApiError) return error.toJSON()
  throw error
}

export const batchCreatePins = operation({
  id: 'batchCreatePins',
  method: 'POST',
  path: '/v1/pins/batch',
  summary: `Create up to ${batchLimits.write} pins; each item succeeds or fails alone`,
  access: write,
  body: batchCreateBody,
  answer: { kind: 'envelope', status: 200, data: batchCreateAnswer },
  errors: ['BATCH_TOO_LARGE'],
  sdk: { method: 'pins.batch.create' },
  async handler(context, { body, key, request, reply }) {
    const items = body.pins
    checkSize(items.length, batchLimits.write, 'pins')
    const now = Date.now()
    const valid: { pin: PinRecord; index: number }[] = []
    const failed: { index: number; error: ReturnType<typeof itemError> }[] = []
    items.forEach((item, index) => {
      try {
        const input = parse(createPinBody, item)
        valid.push({ pin: newPin(input, { id: newPinId(), workspaceId: key.workspaceId }, now, keyAuthor(key)), index })
      } catch (error) {
        failed.push({ index, error: itemError(error) })
      }
    })
    const created = valid.map(({ pin, index }) => ({ id: pin.id, index, created_at: pin.createdAt }))
    const answer = JSON.stringify(ok({ created, failed }, `${created.length} created, ${failed.length} failed`))
    await context.store.insertPins(
      valid.map((v) => v.pin),
      pendingAnswer(request, 200, answer),
    )
    answerStored(request)
    for (const { pin } of valid) await invitePending(context, key, undefined, pin)
    return sendJson(reply, answer)
  },
})

export const batchGetPins = operation({
  id: 'batchGetPins',
  method: 'POST',
  path: '/v1/pins/batch/get',
  summary: `Read up to ${batchLimits.read} pins by id`,
  access: { scope: 'pins:read', bucket: 'batch-read' },
  body: batchGetBody,
  answer: { kind: 'envelope', status: 200, data: batchGetAnswer },
  errors: ['BATCH_TOO_LARGE'],
  sdk: { method: 'pins.batch.get' },
  async handler({ store, publicUrl }, { body, key }) {
    checkSize(body.ids.length, batchLimits.read, 'ids')
    const unique = [...new Set(body.ids)]
    const pins = await store.getPins(
      key.workspaceId,
      unique.filter((id) => pinIdPattern.test(id)),
    )
    const byId = new Map(pins.map((pin) => [pin.id, pin]))
    return ok({
      found: unique.flatMap((id) => {
        const pin = byId.get(id)
        return pin ? [pinView(pin, publicUrl())] : []
      }),
      not_found: unique.filter((id) => !byId.has(id)),
      // Pins of another workspace are reported as not found; this list is for collaborators' pins (not yet).
      permission_denied: [] as string[],
    })
  },
})

export const batchUpdatePins = operation({
  id: 'batchUpdatePins',
  method: 'PATCH',
  path: '/v1/pins/batch',
  summary: `Update up to ${batchLimits.write} pins`,
  access: write,
  body: batchUpdateBody,
  answer: { kind: 'envelope', status: 200, data: batchUpdateAnswer },
  errors: ['BATCH_TOO_LARGE'],
  sdk: { method: 'pins.batch.update' },
  async handler(context, { body, key }) {
    checkSize(body.updates.length, batchLimits.write, 'updates')
    const now = Date.now()
    const results = await Promise.all(
      body.updates.map(async (item, index) => {
        const id =
          typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' ? item.id : null
        try {
          const { id: pinId, ...changes } = parse(batchUpdateItem, item)
          const pin = await updatePin(context, {
            workspaceId: key.workspaceId,
            id: pinId,
            changes,
            now,
            author: keyAuthor(key),
            changed: (previous, next) => invitePending(context, key, previous, next),
          })
          return { ok: true as const, value: { id: pin.id, index, updated_at: pin.updatedAt } }
        } catch (error) {
          return { ok: false as const, value: { index, id, error: itemError(error) } }
        }
      }),
    )
    const updated = results.flatMap((r) => (r.ok ? [r.value] : []))
    const failed = results.flatMap((r) => (r.ok ? [] : [r.value]))
    return ok({ updated, failed }, `${updated.length} updated, ${failed.length} failed`)
  },
})

export const batchDeletePins = operation({
  id: 'batchDeletePins',
  method: 'DELETE',
  path: '/v1/pins/batch',
  summary: `Delete up to ${batchLimits.write} pins`,
  access: write,
  body: batchDeleteBody,
  answer: { kind: 'envelope', status: 200, data: batchDeleteAnswer },
  errors: ['BATCH_TOO_LARGE'],
  sdk: { method: 'pins.batch.delete' },
  async handler(context, { body, key }) {
    checkSize(body.ids.length, batchLimits.write, 'ids')
    const unique = [...new Set(body.ids)]
    const deleted = await deletePins(context, key.workspaceId, unique)
    const gone = new Set(deleted)
    const failed = unique.filter((id) => !gone.has(id)).map((id) => ({ id, error: notFound(id).toJSON() }))
    return ok({ deleted, failed }, `${deleted.length} deleted, ${failed.length} failed`)
  },
})
