import type { Store } from '@pindown/store'
import type { Config } from './config.js'
import type { EventStreams } from './events/event-stream.js'
import type { PinEventBus } from './events/pin-events.js'
import type { Mailer } from './people/mailer.js'
import type { Sessions } from './people/sessions.js'
/** What every operation handler and page route is given. */
export interface AppContext {
  readonly store: Store
  /** Base of shared links: PUBLIC_URL, or the address the server listens on. */
  readonly publicUrl: () => string
  readonly events: PinEventBus
  readonly streams: EventStreams
  readonly config: Config
  readonly sessions: Sessions
  /** Sends invites when SMTP_URL is set; without it, invite links are shown to the person inviting. */
  readonly mailer: Mailer | undefined
}
