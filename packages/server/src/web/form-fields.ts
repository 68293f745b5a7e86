import { attr, type Html, html } from './html-template.js'

/** What went wrong with a posted form: a message for the whole form, and one for each field it names. */
export interface FormProblem {
  readonly message: string
  readonly fields: Readonly<Record<string, string>>
}

export interface FieldOptions {
  readonly name: string
  readonly label: string
  /** Unique on the page; the name by default. */
  readonly id?: string
  readonly type?: 'text' | 'email' | 'password' | 'search'
  readonly value?: string
  readonly autocomplete?: string
  readonly required?: boolean
  readonly readonly?: boolean
  readonly minlength?: number
  readonly hint?: string
}

/**
 * A labelled input. Its hint and error are tied to it by `aria-describedby`, and a field in error is
 * `aria-invalid` (and focused, when it is the first); the settings script fills `#<id>-error` the same way.
 */
export function field(options: FieldOptions, problem?: FormProblem): Html {
  const id = options.id ?? options.name
  const error = problem?.fields[options.name]
  const first = error !== undefined && Object.keys(problem?.fields ?? {})[0] === options.name
  const described = [options.hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(' ')
  return html`<div class="field">
<label for="${id}">${options.label}</label>
<input id="${id}" name="${options.name}" type="${options.type ?? 'text'}"${attr('value', options.value)}${attr('autocomplete', options.autocomplete)}${attr('required', options.required)}${attr('readonly', options.readonly)}${attr('minlength', options.minlength)} aria-describedby="${described}"${attr('aria-invalid', error !== undefined && 'true')}${attr('autofocus', first)}>
${options.hint ? html`<p class="field-hint" id="${id}-hint">${options.hint}</p>` : ''}
<p class="field-error" id="${id}-error">${error}</p>
</div>`
}

export interface SelectOptions {
  readonly name: string
  readonly label: string
  readonly id?: string
  readonly options: readonly (string | { readonly value: string; readonly text: string })[]
  readonly value?: string
  /** Label read by screen readers only (a select in a table row, whose column says what it is). */
  readonly hiddenLabel?: boolean
}

export function selectField(options: SelectOptions): Html {
  const id = options.id ?? options.name
  const items = options.options.map((o) => (typeof o === 'string' ? { value: o, text: o } : o))
  return html`<div class="field${options.hiddenLabel ? ' field-inline' : ''}">
<label for="${id}"${attr('class', options.hiddenLabel && 'visually-hidden')}>${options.label}</label>
<select id="${id}" name="${options.name}" aria-describedby="${id}-error">
${items.map((o) => html`<option value="${o.value}"${attr('selected', o.value === options.value)}>${o.text}</option>`)}
</select>
<p class="field-error" id="${id}-error"></p>
</div>`
}

/** The hidden token every posted form carries. */
export const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`

/** The form's own message: the server's after a post (an alert, so it is read out), the settings script's after a call. */
export function formStatus(problem?: FormProblem): Html {
  const message = problem?.message ?? ''
  if (message) return html`<p class="form-status is-error" role="alert">${message}</p>`
  return html`<p class="form-status" role="status" aria-live="polite"></p>`
}
