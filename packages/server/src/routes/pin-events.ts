import type { FastifyInstance } from 'fastify'
import { validationError } from '../errors.js'
import { loadPin } from '../pins/pin-operations.js'
import { pinView } from '../pins/pin-view.js'
import type { RouteContext } from './route-context.js'

/** `Last-Event-ID` is the version the watcher last saw. */
function lastSeenVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined
  const value = Array.isArray(header) ? header[0] : header
  if (!value || !/^\d{1,15}$/.test(value))
    throw validationError([{ path: 'Last-Event-ID', message: 'Must be a pin version' }])
  return Number(value)
}

/**
 * `GET /v1/pins/:pinId/events`: `pin.updated`, `pin.shared` and `pin.deleted` for one pin, each with the
 * version as its id. A reconnect with `Last-Event-ID` first gets the current pin if it changed meanwhile.
 */
export async function pinEventRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { store, events, streams, publicUrl } = context

  app.get<{ Params: { pinId: string } }>(
    '/v1/pins/:pinId/events',
    { config: { scope: 'pins:read', bucket: 'read' } },
    async (request, reply) => {
      const workspaceId = request.apiKey.workspaceId
      const lastSeen = lastSeenVersion(request.headers['last-event-id'])
      const pin = await loadPin(store, workspaceId, request.params.pinId)
      const stream = streams.open(request, reply)
      const unsubscribe = events.subscribe(pin.id, (event) => {
        if (event.type === 'pin.deleted') {
          stream.send('pin.deleted', { id: event.id })
          stream.close()
        } else {
          stream.send(event.type, pinView(event.pin, publicUrl()), event.pin.version)
        }
      })
      // Subscribed first, then compared: a change between the two cannot be missed.
      if (lastSeen !== undefined) {
        const current = await store.getPin(workspaceId, pin.id)
        if (!current) {
          stream.send('pin.deleted', { id: pin.id })
          stream.close()
        } else if (current.version > lastSeen) {
          stream.send('pin.updated', pinView(current, publicUrl()), current.version)
        }
      }
      await stream.closed
      unsubscribe()
    },
  )
}
