import { PindownError } from './errors.js'
import { parseEventStream } from './event-stream.js'
import type { Transport } from './transport.js'
import type { Comment, Pin } from './types.js'

export type PinEvent =
  | { readonly type: 'pin.updated' | 'pin.shared'; readonly pin: Pin }
  | { readonly type: 'pin.deleted'; readonly id: string }

/** A comment posted, edited, resolved or reopened, or deleted (with its replies). */
export type CommentEvent =
  | { readonly type: 'comment.created' | 'comment.updated'; readonly comment: Comment }
  | { readonly type: 'comment.deleted'; readonly id: string; readonly pin_id: string }

export const isCommentEvent = (event: PinEvent | CommentEvent): event is CommentEvent =>
  event.type.startsWith('comment.')

export interface WatchOptions {
  /** The version you already have: changes after it are delivered first. */
  sinceVersion?: number
  /** Called when the stream fails for good (the pin is gone, the key lost access). */
  onError?: (error: PindownError) => void
  /** Wait before reconnecting after the stream drops. Default 1,000 ms. */
  reconnectDelayMs?: number
  /** Called each time the stream is open (again): from then on no change is missed. */
  onOpen?: () => void
}

export interface Watcher {
  /** Stops watching. */
  close(): void
  /** Settles when watching ends: closed, the pin deleted, or a lasting error. */
  readonly done: Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Follows one pin's events, reconnecting with `Last-Event-ID` when the stream drops so that no change
 * is missed. Ends when the pin is deleted or `close()` is called.
 */
export function watchPin(
  transport: Transport,
  id: string,
  onEvent: (event: PinEvent | CommentEvent) => void,
  options: WatchOptions = {},
): Watcher {
  const controller = new AbortController()
  let lastEventId = options.sinceVersion === undefined ? undefined : String(options.sinceVersion)
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await transport.stream(`/v1/pins/${encodeURIComponent(id)}/events`, {
          ...(lastEventId !== undefined && { lastEventId }),
          signal: controller.signal,
        })
        options.onOpen?.()
        for await (const message of parseEventStream(response.body!)) {
          if (message.id !== undefined) lastEventId = message.id
          if (message.event === 'pin.deleted') {
            onEvent({ type: 'pin.deleted', id })
            return
          }
          if (message.event === 'pin.updated' || message.event === 'pin.shared') {
            onEvent({ type: message.event, pin: JSON.parse(message.data) as Pin })
          } else if (message.event === 'comment.created' || message.event === 'comment.updated') {
            onEvent({ type: message.event, comment: JSON.parse(message.data) as Comment })
          } else if (message.event === 'comment.deleted') {
            onEvent({ type: message.event, ...(JSON.parse(message.data) as { id: string; pin_id: string }) })
          }
        }
      } catch (error) {
        if (controller.signal.aborted) return
        if (error instanceof PindownError && error.status >= 400 && error.status < 500 && error.status !== 429) {
          options.onError?.(error)
          return
        }
      }
      await sleep(options.reconnectDelayMs ?? 1_000)
    }
  }
  const done = run()
  return { close: () => controller.abort(), done }
}
