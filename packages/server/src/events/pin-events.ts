import type { CommentRecord, PinRecord } from '@pindown/store'

/** What happened to a pin or its comments. Streams turn these into Server-Sent Events of the same names. */
export type PinEvent =
  | { readonly type: 'pin.updated' | 'pin.shared'; readonly pin: PinRecord }
  | { readonly type: 'pin.deleted'; readonly id: string; readonly workspaceId: string }
  | CommentEvent

export type CommentEvent =
  | {
      readonly type: 'comment.created' | 'comment.updated'
      readonly workspaceId: string
      readonly comment: CommentRecord
    }
  | { readonly type: 'comment.deleted'; readonly workspaceId: string; readonly pinId: string; readonly id: string }

export const isCommentEvent = (event: PinEvent): event is CommentEvent => event.type.startsWith('comment.')

export type PinEventListener = (event: PinEvent) => void

/**
 * Delivers pin events to whoever watches that pin. This one lives in the process; a shared
 * backend (PostgreSQL LISTEN/NOTIFY) implements the same interface for several instances.
 */
export interface PinEventBus {
  publish(event: PinEvent): void
  /** Calls `listener` for each event of this pin until the returned function is called. */
  subscribe(pinId: string, listener: PinEventListener): () => void
}

export function pinIdOf(event: PinEvent): string {
  switch (event.type) {
    case 'pin.deleted':
      return event.id
    case 'comment.deleted':
      return event.pinId
    case 'comment.created':
    case 'comment.updated':
      return event.comment.pinId
    default:
      return event.pin.id
  }
}

export class LocalPinEventBus implements PinEventBus {
  readonly #listeners = new Map<string, Set<PinEventListener>>()

  publish(event: PinEvent): void {
    for (const listener of this.#listeners.get(pinIdOf(event)) ?? []) listener(event)
  }

  subscribe(pinId: string, listener: PinEventListener): () => void {
    let set = this.#listeners.get(pinId)
    if (!set) {
      set = new Set()
      this.#listeners.set(pinId, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.#listeners.delete(pinId)
    }
  }

  /** Whether any listener watches this pin. */
  watches(pinId: string): boolean {
    return this.#listeners.has(pinId)
  }

  /** The pins that have listeners. */
  watchedIds(): string[] {
    return [...this.#listeners.keys()]
  }
}
