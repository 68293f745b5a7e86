import { formatPath } from '@pindown/pin-types'
import { h } from '../dom.js'
import { type FieldLabel, groupFrame, humanise } from './field-frame.js'
import type { Shape } from './schema-node.js'
import { ABSENT, isPlainObject, put } from './values.js'
import { actionButton, type Build, messagesAt, type Widget } from './widget.js'

/**
 * An object's properties, each a field. Keys come back in the order they had; a key the schema does not
 * know is kept as it was (the check then names it), never dropped.
 */
export function objectWidget(
  shape: Extract<Shape, { kind: 'object' }>,
  value: unknown,
  label: FieldLabel,
  build: Build,
): Widget {
  const source = isPlainObject(value) ? value : {}
  const fields = new Map<string, Widget>()
  for (const [name, node] of shape.properties) {
    fields.set(
      name,
      build(node, Object.hasOwn(source, name) ? source[name] : undefined, {
        text: humanise(name),
        required: shape.required.has(name),
        hint: node.description,
      }),
    )
  }
  const frame = groupFrame(
    label,
    'pe-object',
    h(
      'div',
      { class: 'pe-fields' },
      [...fields.values()].map((f) => f.element),
    ),
  )
  const keys = () => [...new Set([...Object.keys(source), ...fields.keys()])]
  return {
    element: frame.element,
    read() {
      const out: Record<string, unknown> = {}
      for (const key of keys()) {
        const field = fields.get(key)
        const next = field ? field.read() : source[key]
        if (next !== ABSENT) put(out, key, next)
      }
      return out
    },
    problems: (path) => [...fields].flatMap(([name, field]) => field.problems([...path, name])),
    showIssues(path, issues) {
      // Unknown keys have no field: their issues are shown on the object.
      const unknown = Object.keys(source)
        .filter((key) => !fields.has(key))
        .flatMap((key) => messagesAt(issues, [...path, key]).map((m) => `${formatPath([key])}: ${m}`))
      frame.showMessages([...messagesAt(issues, path), ...unknown])
      for (const [name, field] of fields) field.showIssues([...path, name], issues)
    },
    setLabel: (text) => frame.setLabel(text),
  }
}

/**
 * An optional object or list: "Add <field>" until it is there, then the field with "Remove <field>".
 * Removing it takes the key out again.
 */
export function optionalWidget(
  value: unknown,
  label: FieldLabel,
  make: (value: unknown) => Widget,
  fresh: () => unknown,
): Widget {
  let labelText = label.text
  let inner: Widget | undefined = value === undefined ? undefined : make(value)
  const holder = h('div', { class: 'pe-optional' })
  const render = () => {
    if (inner) {
      holder.replaceChildren(
        inner.element,
        actionButton(`Remove ${labelText.toLowerCase()}`, () => {
          inner = undefined
          render()
          holder.querySelector('button')?.focus()
        }),
      )
    } else {
      holder.replaceChildren(
        h('span', { class: 'pe-label' }, labelText),
        actionButton(`Add ${labelText.toLowerCase()}`, () => {
          inner = make(fresh())
          render()
          holder.querySelector<HTMLElement>('input, select, textarea, button')?.focus()
        }),
      )
    }
  }
  render()
  return {
    element: holder,
    read: () => (inner ? inner.read() : ABSENT),
    problems: (path) => inner?.problems(path) ?? [],
    showIssues: (path, issues) => inner?.showIssues(path, issues),
    setLabel(text) {
      labelText = text
      inner?.setLabel(text)
      render()
    },
  }
}
