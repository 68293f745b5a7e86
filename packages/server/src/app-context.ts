import type { Store } from '@pindown/store'
import type { EventStreams } from './events/event-stream.js'
import type { PinEventBus } from './events/pin-events.js'
/** What every operation handler and page route is given. */
export interface AppContext {
  readonly store: Store
  /** Base of shared links: PUBLIC_URL, or the address the server listens on. */
  readonly publicUrl: () => string
  readonly events: PinEventBus
  readonly streams: EventStreams
}
