import type { ChangeFeedStatus, PinChange, Store } from '@pindown/store'
import { LocalPinEventBus, type PinEvent, type PinEventBus, type PinEventListener, pinIdOf } from './pin-events.js'

type Changes = NonNullable<Store['changes']>

/** Where the bus reports: the app's logger. */
export interface BusLog {
  error(details: object, message: string): void
  warn(details: object, message: string): void
  info(details: object, message: string): void
}

/** PostgreSQL notices carry at most 8,000 bytes: a larger pin or comment is read from the store by each instance. */
const noticeBytes = 7_500

/** The notice of an event: the record travels with it when small enough. */
function noticeOf(event: PinEvent): PinChange {
  const fits = <T extends object>(full: T, bare: T): T => (JSON.stringify(full).length <= noticeBytes ? full : bare)
  switch (event.type) {
    case 'pin.deleted':
      return { type: event.type, id: event.id, workspaceId: event.workspaceId, version: 0 }
    case 'comment.deleted':
      return { type: event.type, id: event.pinId, workspaceId: event.workspaceId, commentId: event.id }
    case 'comment.created':
    case 'comment.updated': {
      const { comment } = event
      const bare = { type: event.type, id: comment.pinId, workspaceId: event.workspaceId, commentId: comment.id }
      return fits<PinChange>({ ...bare, comment }, bare)
    }
    default: {
      const { pin } = event
      const bare = { type: event.type, id: pin.id, workspaceId: pin.workspaceId, version: pin.version }
      return fits<PinChange>({ ...bare, pin }, bare)
    }
  }
}

/** Watched pins read per query when catching up. */
const catchUpBatch = 500
/** Wait before a catch-up that failed is tried again. */
const catchUpRetryMs = 1_000

/**
 * Pin events across server instances that share a store (PostgreSQL LISTEN/NOTIFY). A change is
 * announced as a small notice; each instance reads the pin from the store and tells its own watchers.
 *
 * Notices sent while this instance's listener was reconnecting are lost: when it is back, the bus
 * re-reads every pin it has watchers for and sends what they have not seen.
 */
export class SharedPinEventBus implements PinEventBus {
  readonly #local = new LocalPinEventBus()
  /**
   * Of each watched pin, what was last delivered here (version `Infinity`: its deletion). Events of a
   * version already delivered are dropped: a notice and a catch-up may carry the same change.
   */
  readonly #delivered = new Map<string, { version: number; workspaceId: string }>()
  #stop: (() => Promise<void>) | undefined
  /** The last notice sent: each waits for the one before, or two pool connections could swap them. */
  #sending: Promise<void> = Promise.resolve()
  /** The catch-up under way, and whether another must follow it (the listener came back again). */
  #catchingUp: Promise<void> | undefined
  #behind = false
  #cancelPause: (() => void) | undefined
  #closed = false

  private constructor(
    private readonly store: Store,
    private readonly changes: Changes,
    private readonly log: BusLog,
  ) {}

  static async start(store: Store, changes: Changes, log: BusLog): Promise<SharedPinEventBus> {
    const bus = new SharedPinEventBus(store, changes, log)
    bus.#stop = await changes.subscribe(
      (change) => {
        bus.#receive(change).catch((error) => bus.#failed(error))
      },
      (status) => bus.#onStatus(status),
    )
    return bus
  }

  publish(event: PinEvent): void {
    const notice = noticeOf(event)
    this.#sending = this.#sending.then(() => this.changes.publish(notice)).catch((error) => this.#failed(error))
  }

  subscribe(pinId: string, listener: PinEventListener): () => void {
    const unsubscribe = this.#local.subscribe(pinId, listener)
    return () => {
      unsubscribe()
      if (!this.#local.watches(pinId)) this.#delivered.delete(pinId)
    }
  }

  async close(): Promise<void> {
    this.#closed = true
    await this.#sending
    await this.#stop?.()
    this.#cancelPause?.()
    await this.#catchingUp
  }

  async #receive(change: PinChange): Promise<void> {
    switch (change.type) {
      case 'pin.deleted':
        this.#deliver({ type: 'pin.deleted', id: change.id, workspaceId: change.workspaceId })
        return
      case 'comment.deleted':
        this.#local.publish({
          type: change.type,
          workspaceId: change.workspaceId,
          pinId: change.id,
          id: change.commentId,
        })
        return
      case 'comment.created':
      case 'comment.updated': {
        if (!this.#local.watches(change.id)) return
        // Comments carry no version: a comment changed again meanwhile is sent as it is now, twice at worst.
        const comment = change.comment ?? (await this.store.comments.getComment(change.id, change.commentId))
        if (comment) this.#local.publish({ type: change.type, workspaceId: change.workspaceId, comment })
        return
      }
      default: {
        const pin = change.pin ?? (await this.store.getPin(change.workspaceId, change.id))
        // This instance sends its notices in the order its writes committed: when the pin has moved on, the
        // notice of its newer version follows.
        if (pin?.version === change.version) this.#deliver({ type: change.type, pin })
      }
    }
  }

  /** Tells this instance's watchers, at most once per version of a pin. */
  #deliver(event: Extract<PinEvent, { type: 'pin.updated' | 'pin.shared' | 'pin.deleted' }>): void {
    const id = pinIdOf(event)
    if (!this.#local.watches(id)) return
    const last = this.#delivered.get(id)
    if (event.type === 'pin.deleted') {
      if (last?.version === Number.POSITIVE_INFINITY) return
      this.#delivered.set(id, { version: Number.POSITIVE_INFINITY, workspaceId: event.workspaceId })
    } else {
      if (last && event.pin.version <= last.version) return
      this.#delivered.set(id, { version: event.pin.version, workspaceId: event.pin.workspaceId })
    }
    this.#local.publish(event)
  }

  #onStatus(status: ChangeFeedStatus): void {
    if (status.state === 'lost') {
      const { error, attempt, retryInMs } = status
      this.log.warn(
        { err: error, attempt, retryInMs },
        attempt === 1
          ? 'pin events: lost the database connection that receives changes; reconnecting'
          : 'pin events: could not reconnect to the database; retrying',
      )
      return
    }
    this.log.info(
      { attempts: status.attempts, downMs: status.downMs },
      'pin events: reconnected to the database; catching up on changes missed meanwhile',
    )
    this.#behind = true
    this.#catchingUp ??= this.#catchUpWhileBehind().finally(() => {
      this.#catchingUp = undefined
    })
  }

  async #catchUpWhileBehind(): Promise<void> {
    while (this.#behind && !this.#closed) {
      this.#behind = false
      try {
        await this.#catchUp()
      } catch (error) {
        if (this.#closed) return
        this.log.error({ err: error }, 'pin events: catching up failed; retrying')
        this.#behind = true
        await this.#pause(catchUpRetryMs)
      }
    }
  }

  /**
   * Reads every watched pin and sends what its watchers have not seen: the pin if newer than the last
   * version delivered here (or if none was), `pin.deleted` if it is gone. The listener is back before
   * this reads, so a change after the read arrives as a notice.
   */
  async #catchUp(): Promise<void> {
    const ids = this.#local.watchedIds()
    for (let i = 0; i < ids.length; i += catchUpBatch) {
      const batch = ids.slice(i, i + catchUpBatch)
      const found = new Map((await this.store.findPins(batch)).map((pin) => [pin.id, pin]))
      for (const id of batch) {
        const pin = found.get(id)
        if (pin) this.#deliver({ type: 'pin.updated', pin })
        // A pin nothing was delivered of has no known workspace here; watchers go by its id.
        else this.#deliver({ type: 'pin.deleted', id, workspaceId: this.#delivered.get(id)?.workspaceId ?? '' })
      }
    }
  }

  #pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      this.#cancelPause = () => {
        clearTimeout(timer)
        resolve()
      }
    }).finally(() => {
      this.#cancelPause = undefined
    })
  }

  #failed(error: unknown): void {
    this.log.error({ err: error }, 'pin event delivery failed')
  }
}
