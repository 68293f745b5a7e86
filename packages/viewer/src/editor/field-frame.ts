import { h } from '../dom.js'
import { uniqueId } from '../ids.js'

/** `showLineNumbers` → "Show line numbers", `x_key` → "X key". */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
  return words ? words[0]!.toUpperCase() + words.slice(1) : name
}

/** How a field is introduced: by its parent (a property name, "Item 2", a record key). */
export interface FieldLabel {
  text: string
  required: boolean
  hint?: string | undefined
  /** Controls shown after the field's own (a union's choice of kind). */
  extra?: HTMLElement[] | undefined
}

/** The label, hint and issue text around one field; what a widget shows its messages in. */
export interface Frame {
  readonly element: HTMLElement
  setLabel(text: string): void
  showMessages(messages: readonly string[]): void
}

function labelParts(label: FieldLabel) {
  const text = h('span', {}, label.text)
  // Hidden from the accessible name: controls say `aria-required` instead.
  const mark = label.required && h('span', { class: 'pe-required', 'aria-hidden': 'true' }, ' *')
  const hintId = uniqueId('pe-hint')
  const issueId = uniqueId('pe-issue')
  const hint = label.hint ? h('p', { class: 'pe-hint', id: hintId }, label.hint) : null
  const issue = h('p', { class: 'pe-issue', id: issueId, hidden: true })
  const describedBy = [hint && hintId, issueId].filter(Boolean).join(' ')
  return { text, mark, hint, issue, describedBy }
}

function show(issue: HTMLElement, controls: readonly HTMLElement[], messages: readonly string[]): void {
  issue.textContent = messages.join(' · ')
  issue.hidden = messages.length === 0
  for (const control of controls) {
    if (messages.length) control.setAttribute('aria-invalid', 'true')
    else control.removeAttribute('aria-invalid')
  }
}

/**
 * A single value: `<label for>` on the first control; the others (a colour picker beside its text) name
 * themselves with `aria-label`. Checkboxes put their label after the box.
 */
export function leafFrame(label: FieldLabel, controls: HTMLElement[], options: { inline?: boolean } = {}): Frame {
  const parts = labelParts(label)
  const [main] = controls
  const id = uniqueId('pe-input')
  main!.id = id
  for (const control of controls) {
    control.setAttribute('aria-describedby', parts.describedBy)
    if (label.required) control.setAttribute('aria-required', 'true')
  }
  // The mark sits beside the label, not in it: the label is the control's name, exactly.
  const labelElement = h('span', {}, h('label', { for: id, class: 'pe-label' }, parts.text), parts.mark)
  const row = options.inline
    ? h('div', { class: 'pe-inline' }, ...controls, labelElement, ...(label.extra ?? []))
    : [labelElement, h('div', { class: 'pe-controls' }, ...controls, ...(label.extra ?? []))]
  const element = h('div', { class: 'pe-field' }, row, parts.hint, parts.issue)
  return {
    element,
    setLabel(text) {
      parts.text.textContent = text
    },
    showMessages: (messages) => show(parts.issue, controls, messages),
  }
}

/** An object, list or record: a fieldset whose legend is the label. */
export function groupFrame(label: FieldLabel, className: string, ...content: HTMLElement[]): Frame {
  const parts = labelParts(label)
  const element = h(
    'fieldset',
    { class: `pe-group ${className}`, 'aria-describedby': parts.describedBy },
    h('legend', { class: 'pe-label' }, parts.text, parts.mark),
    parts.hint,
    parts.issue,
    ...content,
  )
  return {
    element,
    setLabel(text) {
      parts.text.textContent = text
    },
    showMessages: (messages) => show(parts.issue, [element], messages),
  }
}
