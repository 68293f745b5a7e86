import { h } from '../dom.js'
import { isBranch, type JsonValue, jsonScalar } from '../json-value.js'
import type { Renderer } from '../renderer.js'
import './json-viewer.css'

type Branch = JsonValue[] | { [key: string]: JsonValue }

// Children are built on first open, so a large document costs nothing until someone looks inside.
const fillers = new WeakMap<HTMLDetailsElement, () => void>()

function entriesOf(value: Branch): [string, JsonValue][] {
  return Array.isArray(value) ? value.map((item, i) => [String(i), item]) : Object.entries(value)
}

function countLabel(value: Branch): string {
  const n = Array.isArray(value) ? value.length : Object.keys(value).length
  if (Array.isArray(value)) return n === 1 ? '1 item' : `${n} items`
  return n === 1 ? '1 key' : `${n} keys`
}

function keyLabel(key: string | undefined, inArray: boolean): Node[] {
  if (key === undefined) return []
  const label = inArray ? h('span', { class: 'json-tree-index' }, key) : h('span', { class: 'json-key' }, `"${key}"`)
  return [label, h('span', { class: 'json-tree-colon' }, ': ')]
}

function leaf(key: string | undefined, value: JsonValue, inArray: boolean): HTMLElement {
  const shown = isBranch(value)
    ? h('span', { class: 'json-tree-bracket' }, Array.isArray(value) ? '[]' : '{}')
    : jsonScalar(value)
  return h('div', { class: 'json-tree-leaf' }, keyLabel(key, inArray), shown)
}

function branch(key: string | undefined, value: Branch, inArray: boolean, depth: number, openDepth: number) {
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  const children = h('div', { class: 'json-tree-children' })
  const details = h(
    'details',
    { class: 'json-tree-node' },
    h(
      'summary',
      {},
      keyLabel(key, inArray),
      h('span', { class: 'json-tree-bracket' }, open),
      h('span', { class: 'json-tree-ellipsis' }, '…', close),
      h('span', { class: 'json-tree-count' }, countLabel(value)),
    ),
    children,
    h('div', { class: 'json-tree-close json-tree-bracket' }, close),
  )
  let filled = false
  const fill = () => {
    if (filled) return
    filled = true
    children.append(...entriesOf(value).map(([k, v]) => node(k, v, Array.isArray(value), depth + 1, openDepth)))
  }
  fillers.set(details, fill)
  details.addEventListener('toggle', () => {
    if (details.open) fill()
  })
  if (depth < openDepth) {
    fill()
    details.open = true
  }
  return details
}

function node(key: string | undefined, value: JsonValue, inArray: boolean, depth: number, openDepth: number) {
  const empty = isBranch(value) && entriesOf(value).length === 0
  return isBranch(value) && !empty ? branch(key, value, inArray, depth, openDepth) : leaf(key, value, inArray)
}

function expandAll(tree: HTMLElement): void {
  // Each pass opens one more level: children of a node exist only once it has been filled.
  for (let pass = 0; pass < 1000; pass++) {
    const closed = [...tree.querySelectorAll<HTMLDetailsElement>('details:not([open])')]
    if (closed.length === 0) return
    for (const details of closed) {
      fillers.get(details)?.()
      details.open = true
    }
  }
}

function collapseAll(tree: HTMLElement): void {
  const root = tree.firstElementChild
  for (const details of tree.querySelectorAll<HTMLDetailsElement>('details')) details.open = details === root
}

function summaryText(data: JsonValue): string {
  if (Array.isArray(data)) return `Array · ${countLabel(data)}`
  if (isBranch(data)) return `Object · ${countLabel(data)}`
  return data === null ? 'null' : typeof data
}

async function copy(button: HTMLButtonElement, data: JsonValue): Promise<void> {
  try {
    await navigator.clipboard.writeText(JSON.stringify(data, null, 2))
    button.textContent = 'Copied'
  } catch {
    button.textContent = 'Copy failed'
  }
  setTimeout(() => {
    button.textContent = 'Copy'
  }, 1500)
}

function toolButton(label: string, action: () => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'json-viewer-button' }, label)
  button.addEventListener('click', action)
  return button
}

const render: Renderer<'json-viewer'> = (config) => {
  const data = (config.data ?? null) as JsonValue
  const tree = h('div', { class: 'json-tree' }, node(undefined, data, false, 0, config.expandDepth ?? 1))
  const copyButton = toolButton('Copy', () => void copy(copyButton, data))
  const tools = isBranch(data)
    ? [toolButton('Expand all', () => expandAll(tree)), toolButton('Collapse all', () => collapseAll(tree))]
    : []
  return h(
    'div',
    { class: 'json-viewer' },
    h(
      'div',
      { class: 'json-viewer-bar' },
      h('span', { class: 'json-viewer-summary' }, summaryText(data)),
      h('span', { class: 'json-viewer-tools' }, tools, copyButton),
    ),
    tree,
  )
}
export default render
