import { h } from '../dom.js'
import { type FieldLabel, groupFrame } from './field-frame.js'
import { emptyValue, type Shape } from './schema-node.js'
import { ABSENT } from './values.js'
import { actionButton, type Build, messagesAt, type Widget } from './widget.js'

/** A list: each item a field, with buttons to move it up or down, remove it, and add another. */
export function arrayWidget(
  shape: Extract<Shape, { kind: 'array' }>,
  value: unknown,
  label: FieldLabel,
  build: Build,
): Widget {
  const itemLabel = (i: number) => ({ text: `Item ${i + 1}`, required: true })
  const items: Widget[] = (Array.isArray(value) ? value : []).map((item, i) => build(shape.items, item, itemLabel(i)))
  const list = h('ol', { class: 'pe-items' })
  const add = actionButton('Add item', () => {
    items.push(build(shape.items, emptyValue(shape.items), itemLabel(items.length)))
    render()
    list.lastElementChild?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  })
  const frame = groupFrame(label, 'pe-array', list, add)

  // Focus follows the moved item, so moving it again is one more press.
  const move = (from: number, to: number, direction: 'up' | 'down') => {
    const [item] = items.splice(from, 1)
    items.splice(to, 0, item!)
    render()
    const tools = [...(list.children[to]?.querySelectorAll<HTMLButtonElement>('.pe-item-tools button') ?? [])]
    const [up, down] = tools
    ;((direction === 'up' ? up : down)?.disabled
      ? direction === 'up'
        ? down
        : up
      : direction === 'up'
        ? up
        : down
    )?.focus()
  }
  const row = (item: Widget, i: number) => {
    const n = i + 1
    item.setLabel(`Item ${n}`)
    const last = i === items.length - 1
    const up = actionButton('↑', () => move(i, i - 1, 'up'), { 'aria-label': `Move item ${n} up`, title: 'Move up' })
    const down = actionButton('↓', () => move(i, i + 1, 'down'), {
      'aria-label': `Move item ${n} down`,
      title: 'Move down',
    })
    const remove = actionButton(
      'Remove',
      () => {
        items.splice(i, 1)
        render()
        ;(
          list.children[Math.min(i, items.length - 1)]?.querySelector<HTMLElement>('.pe-item-tools button') ?? add
        ).focus()
      },
      { 'aria-label': `Remove item ${n}` },
    )
    up.disabled = i === 0
    down.disabled = last
    remove.disabled = items.length <= shape.minItems
    return h('li', { class: 'pe-item' }, h('div', { class: 'pe-item-tools' }, up, down, remove), item.element)
  }
  function render() {
    // The item elements are kept (with whatever the person typed); only their places and numbers change.
    list.replaceChildren(...items.map(row))
    add.disabled = items.length >= shape.maxItems
  }
  render()

  return {
    element: frame.element,
    read: () =>
      items.map((item) => {
        const next = item.read()
        // A list has no optional places: an emptied item is left for the check to name ("Required").
        return next === ABSENT ? undefined : next
      }),
    problems: (path) => items.flatMap((item, i) => item.problems([...path, i])),
    showIssues(path, issues) {
      frame.showMessages(messagesAt(issues, path))
      items.forEach((item, i) => {
        item.showIssues([...path, i], issues)
      })
    },
    setLabel: (text) => frame.setLabel(text),
  }
}
