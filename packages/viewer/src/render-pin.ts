import { h } from './dom.js'
import type { PublicPin } from './page-data.js'
import type { InlineEdit, Renderer } from './renderer.js'
import { currentTheme } from './theme.js'

// Every renderer is its own chunk: a page loads only the types it shows.
const renderers = import.meta.glob<{ default: Renderer<never> }>('./renderers/*.ts')

/** The pin's content; a renderer that fails shows a notice in place of the pin, never a broken page. */
export async function renderPinContent(pin: PublicPin, edit?: InlineEdit<unknown>): Promise<Node> {
  const load = renderers[`./renderers/${pin.pin_type}.ts`]
  if (!load) return h('p', { class: 'pin-notice' }, `This viewer cannot show ${pin.pin_type} pins yet.`)
  try {
    const { default: render } = await load()
    return await render(pin.pin_config as never, { pin, theme: currentTheme(), ...(edit && { edit: edit as never }) })
  } catch (error) {
    console.warn(`Could not render ${pin.id} (${pin.pin_type})`, error)
    return h('p', { class: 'pin-notice' }, 'This pin could not be displayed.')
  }
}
