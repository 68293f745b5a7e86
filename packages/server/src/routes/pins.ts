import type { FastifyInstance } from 'fastify'
import { ok, sendOk } from '../envelope.js'
import { validationError } from '../errors.js'
import { newPinId } from '../ids.js'
import { decodeCursor, encodeCursor } from '../pins/list-cursor.js'
import { createPinBody, defaultListLimit, listPinsQuery, maxListLimit, sharePinBody } from '../pins/pin-body.js'
import { newPin } from '../pins/pin-input.js'
import { deletePins, loadPin, notFound, updatePin } from '../pins/pin-operations.js'
import { createdView, pinJson, shareView } from '../pins/pin-view.js'
import { parse } from '../validation.js'
import type { RouteContext } from './route-context.js'

type PinParams = { Params: { pinId: string } }

/** `If-Match: 3`, `"3"` or `W/"3"` (the pin's ETag): the version the update expects. */
function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header)
  if (!match) throw validationError([{ path: 'If-Match', message: 'Must be a pin version such as "3"' }])
  return Number(match[1])
}

export async function pinRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { store, publicUrl } = context
  const read = { scope: 'pins:read', bucket: 'read' } as const
  const write = { scope: 'pins:write', bucket: 'write' } as const

  app.post('/v1/pins', { config: write }, async (request, reply) => {
    const body = parse(createPinBody, request.body)
    const now = Date.now()
    const pin = newPin(body, { id: newPinId(), workspaceId: request.apiKey.workspaceId }, now)
    await store.insertPins([pin])
    reply.code(201)
    return ok(createdView(pin), 'Pin created successfully')
  })

  app.get('/v1/pins', { config: read }, async (request, reply) => {
    const query = parse(listPinsQuery, request.query)
    const limit = Math.min(query.limit ?? defaultListLimit, maxListLimit)
    const offset = query.offset ?? 0
    const page = await store.listPins(request.apiKey.workspaceId, {
      limit,
      offset,
      ...(query.cursor !== undefined && { after: decodeCursor(query.cursor) }),
      ...(query.pin_type !== undefined && { pinType: query.pin_type }),
      ...(query.tag !== undefined && { tag: query.tag }),
      ...(query.q !== undefined && query.q !== '' && { q: query.q }),
    })
    const last = page.items.at(-1)
    const base = publicUrl()
    const items = page.items.map((pin) => pinJson(pin, base)).join(',')
    const nextCursor = JSON.stringify(page.hasMore && last ? encodeCursor(last) : null)
    return sendOk(
      reply,
      `{"items":[${items}],"total":${page.total},"limit":${limit},"offset":${offset},"next_cursor":${nextCursor}}`,
    )
  })

  app.get<PinParams>('/v1/pins/:pinId', { config: read }, async (request, reply) => {
    const pin = await loadPin(store, request.apiKey.workspaceId, request.params.pinId)
    reply.header('ETag', `"${pin.version}"`)
    return sendOk(reply, pinJson(pin, publicUrl()))
  })

  app.put<PinParams>('/v1/pins/:pinId', { config: write }, async (request, reply) => {
    const ifMatch = ifMatchVersion(request.headers['if-match'])
    const pin = await updatePin(context, {
      workspaceId: request.apiKey.workspaceId,
      id: request.params.pinId,
      body: request.body,
      now: Date.now(),
      ifMatch,
    })
    reply.header('ETag', `"${pin.version}"`)
    return sendOk(reply, pinJson(pin, publicUrl()), 'Pin updated successfully')
  })

  app.delete<PinParams>('/v1/pins/:pinId', { config: write }, async (request) => {
    const { pinId } = request.params
    const [deleted] = await deletePins(context, request.apiKey.workspaceId, [pinId])
    if (deleted === undefined) throw notFound(pinId)
    return ok({ id: pinId, deleted: true }, 'Pin deleted successfully')
  })

  app.post<PinParams>(
    '/v1/pins/:pinId/share',
    { config: { scope: 'pins:share', bucket: 'write' } },
    async (request) => {
      const flags = parse(sharePinBody, request.body ?? {})
      const pin = await updatePin(context, {
        workspaceId: request.apiKey.workspaceId,
        id: request.params.pinId,
        body: flags,
        now: Date.now(),
        event: 'pin.shared',
      })
      return ok(shareView(pin, publicUrl()), 'Sharing settings updated')
    },
  )
}
