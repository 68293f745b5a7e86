import type { Store } from '@pindown/store'
/** What every route plugin is given. */
export interface RouteContext {
  readonly store: Store
  /** Base of shared links: PUBLIC_URL, or the address the server listens on. */
  readonly publicUrl: () => string
}
