import type { PinRecord } from '@pindown/store'
import type { FastifyInstance } from 'fastify'
import { ok } from '../envelope.js'
import { ApiError } from '../errors.js'
import { newPinId, pinIdPattern } from '../ids.js'
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
import type { RouteContext } from './route-context.js'

function checkSize(count: number, limit: number, what: string): void {
  if (count > limit) throw new ApiError('BATCH_TOO_LARGE', `At most ${limit} ${what} per batch; got ${count}`)
}

/** The item's error as batch answers list it; anything that is not an `ApiError` is a real failure. */
function itemError(error: unknown) {
  if (error instanceof ApiError) return error.toJSON()
  throw error
}

/** Each item succeeds or fails on its own; only a malformed or oversized batch fails as a whole. */
export async function pinBatchRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { store, publicUrl } = context
  const write = { scope: 'pins:write', bucket: 'write' } as const

  app.post('/v1/pins/batch', { config: write }, async (request) => {
    const { pins: items } = parse(batchCreateBody, request.body)
    checkSize(items.length, batchLimits.write, 'pins')
    const now = Date.now()
    const workspaceId = request.apiKey.workspaceId
    const valid: { pin: PinRecord; index: number }[] = []
    const failed: { index: number; error: ReturnType<typeof itemError> }[] = []
    items.forEach((item, index) => {
      try {
        valid.push({ pin: newPin(parse(createPinBody, item), { id: newPinId(), workspaceId }, now), index })
      } catch (error) {
        failed.push({ index, error: itemError(error) })
      }
    })
    await store.insertPins(valid.map((v) => v.pin))
    const created = valid.map(({ pin, index }) => ({ id: pin.id, index, created_at: pin.createdAt }))
    return ok({ created, failed }, `${created.length} created, ${failed.length} failed`)
  })

  app.post('/v1/pins/batch/get', { config: { scope: 'pins:read', bucket: 'batch-read' } }, async (request) => {
    const { ids } = parse(batchGetBody, request.body)
    checkSize(ids.length, batchLimits.read, 'ids')
    const unique = [...new Set(ids)]
    const pins = await store.getPins(
      request.apiKey.workspaceId,
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
  })

  app.patch('/v1/pins/batch', { config: write }, async (request) => {
    const { updates } = parse(batchUpdateBody, request.body)
    checkSize(updates.length, batchLimits.write, 'updates')
    const now = Date.now()
    const results = await Promise.all(
      updates.map(async (item, index) => {
        const id = typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : undefined
        try {
          const { id: pinId, ...changes } = parse(batchUpdateItem, item)
          const pin = await updatePin(context, {
            workspaceId: request.apiKey.workspaceId,
            id: pinId,
            body: changes,
            now,
          })
          return { ok: true as const, value: { id: pin.id, index, updated_at: pin.updatedAt } }
        } catch (error) {
          return { ok: false as const, value: { index, id: id ?? null, error: itemError(error) } }
        }
      }),
    )
    const updated = results.flatMap((r) => (r.ok ? [r.value] : []))
    const failed = results.flatMap((r) => (r.ok ? [] : [r.value]))
    return ok({ updated, failed }, `${updated.length} updated, ${failed.length} failed`)
  })

  app.delete('/v1/pins/batch', { config: write }, async (request) => {
    const { ids } = parse(batchDeleteBody, request.body)
    checkSize(ids.length, batchLimits.write, 'ids')
    const unique = [...new Set(ids)]
    const deleted = await deletePins(context, request.apiKey.workspaceId, unique)
    const gone = new Set(deleted)
    const failed = unique.filter((id) => !gone.has(id)).map((id) => ({ id, error: notFound(id).toJSON() }))
    return ok({ deleted, failed }, `${deleted.length} deleted, ${failed.length} failed`)
  })
}
