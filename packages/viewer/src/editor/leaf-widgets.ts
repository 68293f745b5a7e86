import { h } from '../dom.js'
import type { FieldLabel } from './field-frame.js'
import { leafFrame } from './field-frame.js'
import type { Shape } from './schema-node.js'
import { ABSENT } from './values.js'
import { leafWidget, type Widget } from './widget.js'

/** What a text field holds when the person empties it: an optional key goes away, a required one is "". */
const fromText = (text: string, label: FieldLabel) => (text === '' && !label.required ? ABSENT : text)

const initial = (value: unknown): unknown => (value === undefined ? ABSENT : value)

const shownAsText = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)

const hexColour = (text: string): string | undefined => {
  if (/^#[0-9a-fA-F]{6}$/.test(text)) return text.toLowerCase()
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(text)
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase() : undefined
}

const datePart = /^\d{4}-\d{2}-\d{2}/

/**
 * Text; with a colour or date picker beside it when the schema asks. The text stays editable because the
 * pickers cover only part of what is valid (palette tokens like `blue`, date-times).
 */
export function stringWidget(shape: Extract<Shape, { kind: 'string' }>, value: unknown, label: FieldLabel): Widget {
  let current = initial(value)
  const text = shownAsText(value)
  const input =
    shape.multiline || /[\r\n]/.test(text)
      ? h('textarea', { class: 'pe-text', rows: Math.min(12, Math.max(text === '' ? 3 : 1, text.split('\n').length)) })
      : h('input', { type: 'text', class: 'pe-text' })
  input.value = text
  const controls: HTMLElement[] = [input]
  const set = (next: string) => {
    current = fromText(next, label)
  }
  if (shape.picker === 'color') {
    const picker = h('input', { type: 'color', class: 'pe-picker', 'aria-label': `${label.text}: pick a colour` })
    picker.value = hexColour(text) ?? '#000000'
    picker.addEventListener('input', () => {
      input.value = picker.value
      set(picker.value)
    })
    input.addEventListener('input', () => {
      const hex = hexColour(input.value)
      if (hex) picker.value = hex
    })
    controls.push(picker)
  } else if (shape.picker === 'date') {
    const picker = h('input', { type: 'date', class: 'pe-picker', 'aria-label': `${label.text}: pick a date` })
    picker.value = datePart.exec(text)?.[0] ?? ''
    picker.addEventListener('input', () => {
      if (!picker.value) return
      // A date-time keeps its time: the picker changes the date only.
      const next = /^\d{4}-\d{2}-\d{2}[T ]/.test(input.value) ? picker.value + input.value.slice(10) : picker.value
      input.value = next
      set(next)
    })
    input.addEventListener('input', () => {
      picker.value = datePart.exec(input.value)?.[0] ?? ''
    })
    controls.push(picker)
  }
  input.addEventListener('input', () => set(input.value))
  return leafWidget(leafFrame(label, controls), () => current)
}

export function numberWidget(shape: Extract<Shape, { kind: 'number' }>, value: unknown, label: FieldLabel): Widget {
  let current = initial(value)
  const input = h('input', {
    type: 'number',
    class: 'pe-number',
    step: shape.integer ? 1 : 'any',
    min: shape.min,
    max: shape.max,
  })
  input.value = typeof value === 'number' ? String(value) : ''
  input.addEventListener('input', () => {
    current = input.value === '' ? ABSENT : Number(input.value)
  })
  return leafWidget(
    leafFrame(label, [input]),
    () => current,
    () => (input.validity.badInput ? 'Must be a number' : undefined),
  )
}

/** A select; a value the schema does not list (older data) stays selectable, so it is never dropped. */
export function enumWidget(shape: Extract<Shape, { kind: 'enum' }>, value: unknown, label: FieldLabel): Widget {
  let current = initial(value)
  const choices: unknown[] = [...shape.options]
  if (value !== undefined && !choices.includes(value)) choices.push(value)
  const select = h(
    'select',
    { class: 'pe-select' },
    (!label.required || value === undefined) && h('option', { value: '' }, label.required ? 'Choose…' : '(not set)'),
    choices.map((choice, i) =>
      h('option', { value: String(i) }, typeof choice === 'string' ? choice : JSON.stringify(choice)),
    ),
  )
  select.value = value === undefined ? '' : String(choices.indexOf(value))
  select.addEventListener('change', () => {
    current = select.value === '' ? ABSENT : choices[Number(select.value)]
  })
  return leafWidget(leafFrame(label, [select]), () => current)
}

export function booleanWidget(value: unknown, label: FieldLabel): Widget {
  let current = initial(value)
  const box = h('input', { type: 'checkbox', class: 'pe-check' })
  box.checked = value === true
  box.addEventListener('change', () => {
    current = box.checked
  })
  return leafWidget(leafFrame(label, [box], { inline: true }), () => current)
}

export function nullWidget(label: FieldLabel): Widget {
  return leafWidget(leafFrame(label, [h('output', { class: 'pe-null' }, 'empty')]), () => null)
}

/** Free-form JSON as text that must parse; untouched, the value comes back as it was. */
export function jsonWidget(value: unknown, label: FieldLabel): Widget {
  const area = h('textarea', { class: 'pe-json', spellcheck: 'false' })
  area.value = value === undefined ? '' : JSON.stringify(value, null, 2)
  area.rows = Math.min(16, Math.max(1, area.value.split('\n').length))
  let touched = false
  area.addEventListener('input', () => {
    touched = true
  })
  const parse = (): { ok: true; value: unknown } | { ok: false; message: string } => {
    if (!touched) return { ok: true, value: initial(value) }
    if (area.value.trim() === '') return { ok: true, value: ABSENT }
    try {
      return { ok: true, value: JSON.parse(area.value) }
    } catch (error) {
      return { ok: false, message: `Not valid JSON: ${(error as Error).message}` }
    }
  }
  return leafWidget(
    leafFrame(label, [area]),
    () => {
      const parsed = parse()
      return parsed.ok ? parsed.value : undefined
    },
    () => {
      const parsed = parse()
      return parsed.ok ? undefined : parsed.message
    },
  )
}
