import { escapeHtml } from './html.js'

/** Markup already made safe: written into a template as is. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[]

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Html) return value.text
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/**
 * The web app's templates: every value is escaped unless it is `Html` (another template's output), so
 * nothing a person typed can become markup. `null`, `undefined` and `false` write nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!
  })
  return new Html(out)
}

/** An attribute written only when its value is given: `attr('value', email)` → ` value="…"`. */
export function attr(name: string, value: string | number | boolean | null | undefined): Html {
  if (value === null || value === undefined || value === false) return new Html('')
  return value === true ? new Html(` ${name}`) : new Html(` ${name}="${escapeHtml(String(value))}"`)
}
