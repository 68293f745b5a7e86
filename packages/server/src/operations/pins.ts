import type { PinRecord } from '@pindown/store'
import { z } from 'zod'
import { ok, sendJson, sendOk } from '../envelope.js'
import { ApiError, validationError } from '../errors.js'
import { answerStored, pendingAnswer } from '../idempotency.js'
import { newPinId } from '../ids.js'
import { keyAuthor } from '../people/authors.js'
import { invitePending } from '../people/pin-invites.js'
import { decodeCursor, encodeCursor } from '../pins/list-cursor.js'
import { createdAnswer, deletedAnswer, listAnswer, pinAnswer, shareAnswer } from '../pins/pin-answers.js'
import {
  createPinBody,
  defaultListLimit,
  listPinsQuery,
  maxListLimit,
  maxPageBytes,
  sharePinBody,
  type UpdatePinBody,
  updatePinBody,
} from '../pins/pin-body.js'
import { callerOf, pinFor } from '../pins/pin-callers.js'
import { newPin } from '../pins/pin-input.js'
import { deletePins, loadPin, notFound, updatePin } from '../pins/pin-operations.js'
import { createdView, pinJson, publicPinView, shareView } from '../pins/pin-view.js'
import { operation } from './operation.js'

const read = { scope: 'pins:read', bucket: 'read' } as const
const write = { scope: 'pins:write', bucket: 'write' } as const

/** Path parameters are not checked against the id format: an id that cannot exist is simply not found. */
export const pinIdParams = z.object({
  pinId: z.string().meta({ description: 'Pin id: `p-` and 12 lowercase letters or digits', example: 'p-4k2m9x0q7r1z' }),
})

/** `If-Match: 3`, `"3"` or `W/"3"` (the pin's ETag): the version the update expects. */
function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header)
  if (!match) throw validationError([{ path: 'If-Match', message: 'Must be a pin version such as "3"' }])
  return Number(match[1])
}

const pinTypeErrors = ['INVALID_PIN_TYPE', 'PIN_CONFIG_INVALID'] as const

export const createPin = operation({
  id: 'createPin',
  method: 'POST',
  path: '/v1/pins',
  summary: 'Create a pin (201); only `metadata.title` is required',
  access: write,
  body: createPinBody,
  answer: { kind: 'envelope', status: 201, data: createdAnswer },
  errors: [...pinTypeErrors],
  sdk: { method: 'pins.create' },
  async handler(context, { body, key, request, reply }) {
    const pin = newPin(body, { id: newPinId(), workspaceId: key.workspaceId }, Date.now(), keyAuthor(key))
    const answer = JSON.stringify(ok(createdView(pin), 'Pin created successfully'))
    await context.store.insertPins([pin], pendingAnswer(request, 201, answer))
    answerStored(request)
    await invitePending(context, key, undefined, pin)
    return sendJson(reply.code(201), answer)
  },
})

export const listPins = operation({
  id: 'listPins',
  method: 'GET',
  path: '/v1/pins',
  summary: `List pins, newest first: \`limit\` (≤ ${maxListLimit}, default ${defaultListLimit}; a page stops at ${maxPageBytes / 1024 / 1024} MB), \`offset\`, \`cursor\`, \`pin_type\`, \`tag\`, \`q\``,
  access: read,
  query: listPinsQuery,
  answer: { kind: 'envelope', status: 200, data: listAnswer },
  errors: [],
  sdk: { method: 'pins.list' },
  async handler({ store, publicUrl }, { query, key, reply }) {
    const limit = Math.min(query.limit ?? defaultListLimit, maxListLimit)
    const offset = query.offset ?? 0
    const page = await store.listPins(key.workspaceId, {
      limit,
      offset,
      ...(query.cursor !== undefined && { after: decodeCursor(query.cursor) }),
      ...(query.pin_type !== undefined && { pinType: query.pin_type }),
      ...(query.tag !== undefined && { tag: query.tag }),
      ...(query.q !== undefined && query.q !== '' && { q: query.q }),
    })
    // A page stops early, with a cursor to the rest, once its pins come to `maxPageBytes`.
    const base = publicUrl()
    const items: string[] = []
    let bytes = 0
    for (const pin of page.items) {
      if (items.length > 0 && bytes >= maxPageBytes) break
      const json = pinJson(pin, base)
      items.push(json)
      bytes += json.length
    }
    const cut = items.length < page.items.length
    const last = page.items[items.length - 1]
    const nextCursor = JSON.stringify((page.hasMore || cut) && last ? encodeCursor(last) : null)
    return sendOk(
      reply,
      `{"items":[${items.join(',')}],"total":${page.total},"limit":${cut ? items.length : limit},"offset":${offset},"next_cursor":${nextCursor}}`,
    )
  },
})

export const getPin = operation({
  id: 'getPin',
  method: 'GET',
  path: '/v1/pins/:pinId',
  summary: 'One pin, with `ETag: "<version>"`',
  access: { ...read, people: 'signed-in' },
  params: pinIdParams,
  answer: { kind: 'envelope', status: 200, data: pinAnswer },
  errors: ['NOT_FOUND'],
  sdk: { method: 'pins.get' },
  async handler({ store, publicUrl }, { params, key, person, reply }) {
    if (!key) {
      // A person reading from a page gets what pages show: not the sharing settings or invited addresses.
      const { pin } = await pinFor(store, callerOf({ key, person }), params.pinId, 'view')
      reply.header('ETag', `"${pin.version}"`)
      return ok(publicPinView(pin))
    }
    const pin = await loadPin(store, key.workspaceId, params.pinId)
    reply.header('ETag', `"${pin.version}"`)
    return sendOk(reply, pinJson(pin, publicUrl()))
  },
})

export const updatePinOperation = operation({
  id: 'updatePin',
  method: 'PUT',
  path: '/v1/pins/:pinId',
  summary: 'Partial update; `If-Match: "<version>"` makes it conditional (409 when stale)',
  access: { ...write, people: 'signed-in' },
  params: pinIdParams,
  headers: z.object({
    'If-Match': z.string().optional().meta({ description: 'The version the update expects, e.g. "3"' }),
  }),
  body: updatePinBody,
  answer: { kind: 'envelope', status: 200, data: pinAnswer },
  errors: [...pinTypeErrors, 'NOT_FOUND', 'VERSION_CONFLICT', 'ROLE_REQUIRED', 'EDITING_DISABLED'],
  sdk: { method: 'pins.update' },
  async handler(context, { params, body, key, person, request, reply }) {
    const ifMatch = ifMatchVersion(request.headers['if-match'])
    if (!key) {
      // An editor on the pin's page changes what the page shows; sharing stays with keys (pins:share).
      refuseSharingChanges(body)
      const caller = callerOf({ key, person })
      const { pin: current } = await pinFor(context.store, caller, params.pinId, 'edit')
      if (caller.kind !== 'person') throw new ApiError('SIGN_IN_REQUIRED')
      const pin = await updatePin(context, {
        workspaceId: current.workspaceId,
        id: current.id,
        changes: body,
        now: Date.now(),
        author: caller.author,
        ifMatch,
      })
      reply.header('ETag', `"${pin.version}"`)
      return ok(publicPinView(pin), 'Pin updated successfully')
    }
    const pin = await updatePin(context, {
      workspaceId: key.workspaceId,
      id: params.pinId,
      changes: body,
      now: Date.now(),
      author: keyAuthor(key),
      ifMatch,
      changed: (previous, next) => invitePending(context, key, previous, next),
    })
    reply.header('ETag', `"${pin.version}"`)
    return sendOk(reply, pinJson(pin, context.publicUrl()), 'Pin updated successfully')
  },
})

/** What a page may change: the content (config, layout, title, tags), not the type or who sees the pin. */
function refuseSharingChanges(body: UpdatePinBody): void {
  const editable = new Set(['pin_config', 'pin_layout', 'metadata'])
  const issues = [
    ...Object.keys(body).filter((field) => !editable.has(field)),
    ...Object.keys(body.metadata ?? {})
      .filter((field) => field === 'pin_type')
      .map((field) => `metadata.${field}`),
  ].map((path) => ({ path, message: 'Not editable from a page: programs change it with an API key' }))
  if (issues.length > 0) throw validationError(issues)
}

export const deletePin = operation({
  id: 'deletePin',
  method: 'DELETE',
  path: '/v1/pins/:pinId',
  summary: 'Delete a pin',
  access: write,
  params: pinIdParams,
  answer: { kind: 'envelope', status: 200, data: deletedAnswer },
  errors: ['NOT_FOUND'],
  sdk: { method: 'pins.delete' },
  async handler(context, { params, key }) {
    const [deleted] = await deletePins(context, key.workspaceId, [params.pinId])
    if (deleted === undefined) throw notFound(params.pinId)
    return ok({ id: params.pinId, deleted: true }, 'Pin deleted successfully')
  },
})

export const sharePin = operation({
  id: 'sharePin',
  method: 'POST',
  path: '/v1/pins/:pinId/share',
  summary: 'Set `is_public`, `allow_edit`, `require_sign_in`, `allow_comments`',
  access: { scope: 'pins:share', bucket: 'write' },
  params: pinIdParams,
  body: sharePinBody.default({}),
  answer: { kind: 'envelope', status: 200, data: shareAnswer },
  errors: ['NOT_FOUND'],
  sdk: { method: 'pins.share' },
  async handler(context, { params, body, key, request, reply }) {
    const answer = (pin: PinRecord) =>
      JSON.stringify(ok(shareView(pin, context.publicUrl()), 'Sharing settings updated'))
    const pin = await updatePin(context, {
      workspaceId: key.workspaceId,
      id: params.pinId,
      changes: body,
      now: Date.now(),
      author: keyAuthor(key),
      event: 'pin.shared',
      answer: { of: (next) => pendingAnswer(request, 200, answer(next)), stored: () => answerStored(request) },
    })
    return sendJson(reply, answer(pin))
  },
})
