import type { PinConfigByType, PinTypeId } from '@pindown/pin-types'
import type { PublicPin } from './page-data.js'
import type { Theme } from './theme.js'

export interface RenderContext {
  readonly pin: PublicPin
  /** Follows the system setting; charts and diagrams pick their colours from it. */
  readonly theme: Theme
}

/**
 * One per pin type, in `renderers/<id>.ts` as the default export: builds the pin's content from its
 * config. Everything in the config is untrusted: build DOM with `h()` (text stays text) and run any HTML
 * through `markdown.ts`'s sanitiser.
 */
export type Renderer<Id extends PinTypeId> = (
  config: PinConfigByType[Id],
  context: RenderContext,
) => Node | Promise<Node>
