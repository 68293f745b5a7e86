import { h } from '../dom.js'
import type { FieldLabel } from './field-frame.js'
import { leafFrame } from './field-frame.js'
import type { SchemaNode } from './schema-node.js'
import { emptyValue } from './schema-node.js'
import { ABSENT } from './values.js'
import { type Build, leafWidget, type Widget } from './widget.js'

const kindNames: Record<string, string> = {
  string: 'Text',
  number: 'Number',
  integer: 'Whole number',
  boolean: 'Yes / no',
  null: 'Empty',
}

function fits(value: unknown, branch: SchemaNode): boolean {
  switch (branch.type) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number'
    case 'integer':
      return Number.isInteger(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    default:
      return false
  }
}

/** The person's value carried over to another kind where it makes sense (`"37"` → 37), else a new one. */
function convert(value: unknown, branch: SchemaNode): unknown {
  if (fits(value, branch)) return value
  if (branch.type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value)
  if ((branch.type === 'number' || branch.type === 'integer') && typeof value === 'string' && value.trim() !== '') {
    const number = Number(value)
    if (Number.isFinite(number) && (branch.type === 'number' || Number.isInteger(number))) return number
  }
  if (branch.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true'
  return emptyValue(branch)
}

/**
 * A value of one of several kinds (text or number, say): the kind matching the value is picked, and a
 * select beside the field switches it.
 */
export function unionWidget(branches: readonly SchemaNode[], value: unknown, label: FieldLabel, build: Build): Widget {
  let labelText = label.text
  let chosen =
    value === undefined && !label.required
      ? -1
      : Math.max(
          0,
          branches.findIndex((b) => fits(value, b)),
        )
  const select = h(
    'select',
    { class: 'pe-kind' },
    !label.required && h('option', { value: '-1' }, '(not set)'),
    branches.map((branch, i) => h('option', { value: String(i) }, kindNames[branch.type ?? ''] ?? `Kind ${i + 1}`)),
  )
  select.value = String(chosen)
  const labelFor = (): FieldLabel => ({ ...label, text: labelText, required: true, extra: [select] })
  const nameSelect = () => select.setAttribute('aria-label', `${labelText}: kind`)
  const make = (v: unknown): Widget => {
    const branch = branches[chosen]
    if (branch) return build(branch, v, labelFor())
    // Not set: only the select, labelled by the field.
    return leafWidget(leafFrame({ ...label, text: labelText }, [select]), () => ABSENT)
  }
  let inner = make(value)
  nameSelect()
  const holder = h('div', { class: 'pe-union' }, inner.element)
  select.addEventListener('change', () => {
    const before = inner.read()
    chosen = Number(select.value)
    const branch = branches[chosen]
    inner = make(branch ? convert(before === ABSENT ? undefined : before, branch) : undefined)
    nameSelect()
    holder.replaceChildren(inner.element)
    select.focus()
  })
  return {
    element: holder,
    read: () => inner.read(),
    problems: (path) => inner.problems(path),
    showIssues: (path, issues) => inner.showIssues(path, issues),
    setLabel(text) {
      labelText = text
      inner.setLabel(text)
      nameSelect()
    },
  }
}
