import type { PinChange, Store } from '@pindown/store'
import { LocalPinEventBus, type PinEvent, type PinEventBus, type PinEventListener } from './pin-events.js'

type Changes = NonNullable<Store['changes']>

/**
 * Pin events across server instances that share a store (PostgreSQL LISTEN/NOTIFY). A change is
 * announced as a small notice; each instance reads the pin from the store and tells its own watchers.
 */
export class SharedPinEventBus implements PinEventBus {
  readonly #local = new LocalPinEventBus()
  #stop: (() => Promise<void>) | undefined
  /** The last notice sent: each waits for the one before, or two pool connections could swap them. */
  #sending: Promise<void> = Promise.resolve()

  private constructor(
    private readonly store: Store,
    private readonly changes: Changes,
    private readonly onError: (error: unknown) => void,
  ) {}

  static async start(store: Store, changes: Changes, onError: (error: unknown) => void): Promise<SharedPinEventBus> {
    const bus = new SharedPinEventBus(store, changes, onError)
    bus.#stop = await changes.subscribe((change) => {
      bus.#receive(change).catch(onError)
    })
    return bus
  }

  publish(event: PinEvent): void {
    const change: PinChange =
      event.type === 'pin.deleted'
        ? { type: event.type, id: event.id, workspaceId: event.workspaceId, version: 0 }
        : { type: event.type, id: event.pin.id, workspaceId: event.pin.workspaceId, version: event.pin.version }
    // PostgreSQL notices carry at most 8,000 bytes: a larger pin is read from the store by each instance.
    const withPin = event.type === 'pin.deleted' ? change : { ...change, pin: event.pin }
    const notice = JSON.stringify(withPin).length <= 7_500 ? withPin : change
    this.#sending = this.#sending.then(() => this.changes.publish(notice)).catch(this.onError)
  }

  subscribe(pinId: string, listener: PinEventListener): () => void {
    return this.#local.subscribe(pinId, listener)
  }

  async #receive(change: PinChange): Promise<void> {
    if (change.type === 'pin.deleted') {
      this.#local.publish({ type: 'pin.deleted', id: change.id, workspaceId: change.workspaceId })
      return
    }
    const pin = change.pin ?? (await this.store.getPin(change.workspaceId, change.id))
    // This instance sends its notices in the order its writes committed: when the pin has moved on, the
    // notice of its newer version follows.
    if (pin?.version === change.version) this.#local.publish({ type: change.type, pin })
  }

  async close(): Promise<void> {
    await this.#sending
    await this.#stop?.()
  }
}
