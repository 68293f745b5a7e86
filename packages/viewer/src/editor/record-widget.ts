import { formatPath } from '@pindown/pin-types'
import { h } from '../dom.js'
import { type FieldLabel, groupFrame, leafFrame } from './field-frame.js'
import { emptyValue, type SchemaNode } from './schema-node.js'
import { ABSENT, isPlainObject, put } from './values.js'
import { actionButton, type Build, type Issue, messagesAt, type Widget } from './widget.js'

interface Entry {
  /** The key as it was until the person edits it: kept exactly. */
  key: string
  readonly keyInput: HTMLInputElement
  readonly value: Widget
}

/** An object with free keys (a chart's data row): one row per key, with its value; rows are added and removed. */
export function recordWidget(node: SchemaNode, value: unknown, label: FieldLabel, build: Build): Widget {
  const list = h('div', { class: 'pe-entries' })
  const entries: Entry[] = []
  const entry = (key: string, initial: unknown): Entry => {
    const keyInput = h('input', { type: 'text', class: 'pe-key' })
    keyInput.value = key
    const made: Entry = { key, keyInput, value: build(node, initial, { text: key || 'Value', required: true }) }
    keyInput.addEventListener('input', () => {
      made.key = keyInput.value
      made.value.setLabel(keyInput.value || 'Value')
    })
    return made
  }
  for (const [key, item] of Object.entries(isPlainObject(value) ? value : {})) entries.push(entry(key, item))

  const add = actionButton('Add field', () => {
    entries.push(entry('', emptyValue(node)))
    render()
    list.lastElementChild?.querySelector('input')?.focus()
  })
  const frame = groupFrame(label, 'pe-record', list, add)
  function render() {
    list.replaceChildren(
      ...entries.map((item, i) => {
        const remove = actionButton(
          'Remove',
          () => {
            entries.splice(i, 1)
            render()
            add.focus()
          },
          { 'aria-label': `Remove field ${item.key || i + 1}` },
        )
        const name = leafFrame({ text: 'Name', required: true }, [item.keyInput]).element
        return h('div', { class: 'pe-entry' }, name, item.value.element, remove)
      }),
    )
  }
  render()

  return {
    element: frame.element,
    read() {
      const out: Record<string, unknown> = {}
      for (const item of entries) {
        const next = item.value.read()
        put(out, item.key, next === ABSENT ? undefined : next)
      }
      return out
    },
    problems(path) {
      const seen = new Set<string>()
      const out: Issue[] = []
      for (const item of entries) {
        if (seen.has(item.key)) out.push({ path: formatPath([...path, item.key]), message: 'This name is used twice' })
        seen.add(item.key)
        out.push(...item.value.problems([...path, item.key]))
      }
      return out
    },
    showIssues(path, issues) {
      frame.showMessages(messagesAt(issues, path))
      for (const item of entries) item.value.showIssues([...path, item.key], issues)
    },
    setLabel: (text) => frame.setLabel(text),
  }
}
