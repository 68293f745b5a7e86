import { notify } from './notice.js'
import type { PublicPin, Reader } from './page-data.js'
import { savePin } from './pin-api.js'
import type { InlineEdit } from './renderer.js'

/** A change met a newer version this many times in a row: the page gives up and says so. */
const maxAttempts = 5

/**
 * The inline edits of one pin's card. A change is applied to the newest version the page knows and saved
 * with `If-Match`; when the pin moved on meanwhile, the change is applied again on top of the current
 * version, so neither the other person's change nor this one is lost.
 */
export function inlineEdit(
  reader: Reader,
  latest: () => PublicPin,
  saved: (pin: PublicPin) => void,
): InlineEdit<unknown> {
  return async (change) => {
    let pin = latest()
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const config = change(structuredClone(pin.pin_config))
      if (config === undefined) {
        notify('That changed meanwhile: your edit no longer applies.')
        return false
      }
      const result = await savePin(pin.id, pin.version, { pin_config: config as Record<string, unknown> }, reader.csrf)
      if (result.kind === 'saved') {
        saved(result.pin)
        return true
      }
      if (result.kind === 'refused') {
        notify(`Not saved: ${result.message}`)
        return false
      }
      pin = result.current
      saved(pin)
    }
    notify('Not saved: the pin keeps changing. Try again in a moment.')
    return false
  }
}
