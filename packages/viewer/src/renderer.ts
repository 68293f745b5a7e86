import type { PinConfigByType, PinTypeId } from '@pindown/pin-types'
import type { PublicPin } from './page-data.js'
import type { Theme } from './theme.js'

/**
 * Applies a change to the pin's latest config and saves it. `change` may run more than once: when the
 * pin moved on meanwhile, it is applied again on top of the newer version (so nobody's change is lost);
 * it answers undefined when the change no longer applies (the item it touches is gone). Resolves true
 * once saved, false when the change was not saved (the page says why).
 */
export type InlineEdit<Config> = (change: (config: Config) => Config | undefined) => Promise<boolean>

export interface RenderContext<Config = unknown> {
  readonly pin: PublicPin
  /** Follows the system setting; charts and diagrams pick their colours from it. */
  readonly theme: Theme
  /** Present only when the reader may edit this pin: renderers offer their inline edits through it. */
  readonly edit?: InlineEdit<Config>
}

/**
 * One per pin type, in `renderers/<id>.ts` as the default export: builds the pin's content from its
 * config. Everything in the config is untrusted: build DOM with `h()` (text stays text) and run any HTML
 * through `markdown.ts`'s sanitiser.
 */
export type Renderer<Id extends PinTypeId> = (
  config: PinConfigByType[Id],
  context: RenderContext<PinConfigByType[Id]>,
) => Node | Promise<Node>
