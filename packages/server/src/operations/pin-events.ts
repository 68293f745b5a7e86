import { z } from 'zod'
import { commentEventData } from '../comments/comment-view.js'
import { validationError } from '../errors.js'
import { isCommentEvent } from '../events/pin-events.js'
import { loadPin } from '../pins/pin-operations.js'
import { pinView } from '../pins/pin-view.js'
import { operation } from './operation.js'
import { pinIdParams } from './pins.js'

/** `Last-Event-ID` is the version the watcher last saw. */
function lastSeenVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined
  const value = Array.isArray(header) ? header[0] : header
  if (!value || !/^\d{1,15}$/.test(value))
    throw validationError([{ path: 'Last-Event-ID', message: 'Must be a pin version' }])
  return Number(value)
}

/**
 * `pin.updated`, `pin.shared` and `pin.deleted` for one pin, each with the version as its id, and its comments' events. A reconnect
 * with `Last-Event-ID` first gets the current pin if it changed meanwhile.
 */
export const watchPin = operation({
  id: 'watchPin',
  method: 'GET',
  path: '/v1/pins/:pinId/events',
  summary: 'Server-Sent Events for one pin, resumable with `Last-Event-ID`',
  access: { scope: 'pins:read', bucket: 'read' },
  params: pinIdParams,
  headers: z.object({
    'Last-Event-ID': z.string().optional().meta({ description: 'The last version seen: changes since are sent first' }),
  }),
  answer: {
    kind: 'event-stream',
    events: {
      'pin.updated': 'the pin after a change (data: the pin, id: its version)',
      'pin.shared': 'the pin after its sharing flags changed',
      'pin.deleted': 'the pin was deleted (data: `{ id }`); the stream ends',
      'comment.created': 'a comment was posted (data: the comment)',
      'comment.updated': 'a comment was edited, resolved or reopened (data: the comment)',
      'comment.deleted': 'a comment and its replies were deleted (data: `{ id, pin_id }`)',
    },
  },
  errors: ['NOT_FOUND'],
  sdk: { method: 'pins.watch' },
  async handler({ store, events, streams, publicUrl }, { params, key, request, reply }) {
    const lastSeen = lastSeenVersion(request.headers['last-event-id'])
    const pin = await loadPin(store, key.workspaceId, params.pinId)
    // A key revoked while its stream is open ends the stream before anything else is sent on it.
    const stream = streams.open(request, reply, {
      allowed: async () => (await store.findApiKeyByHash(key.hash))?.revokedAt === null,
    })
    const unsubscribe = events.subscribe(pin.id, (event) => {
      if (event.type === 'pin.deleted') {
        stream.send('pin.deleted', { id: event.id })
        stream.close()
      } else if (isCommentEvent(event)) {
        stream.send(event.type, commentEventData(event))
      } else {
        stream.send(event.type, pinView(event.pin, publicUrl()), event.pin.version)
      }
    })
    // Subscribed first, then compared: a change between the two cannot be missed.
    if (lastSeen !== undefined) {
      const current = await store.getPin(key.workspaceId, pin.id)
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
})
