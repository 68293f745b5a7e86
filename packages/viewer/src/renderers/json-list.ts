import { h, link } from '../dom.js'
import { compactJson, isBranch, type JsonValue, jsonKind } from '../json-value.js'
import type { Renderer } from '../renderer.js'
import { safeUrl } from '../urls.js'
import './json-list.css'

type Item = Record<string, JsonValue>

// Status-like words get a coloured pill, as a tracker would show them.
const tones: Record<string, string> = {
  critical: 'bad',
  high: 'bad',
  error: 'bad',
  failed: 'bad',
  failing: 'bad',
  blocked: 'bad',
  down: 'bad',
  medium: 'warn',
  warning: 'warn',
  pending: 'warn',
  running: 'warn',
  'in-progress': 'warn',
  'in progress': 'warn',
  degraded: 'warn',
  low: 'info',
  info: 'info',
  open: 'info',
  new: 'info',
  ok: 'good',
  done: 'good',
  success: 'good',
  passed: 'good',
  active: 'good',
  healthy: 'good',
  resolved: 'good',
  closed: 'good',
  up: 'good',
}

function toneOf(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && Object.hasOwn(tones, value.toLowerCase()) ? tones[value.toLowerCase()] : undefined
}

function has(item: Item, key: string | undefined): key is string {
  return key !== undefined && Object.hasOwn(item, key)
}

function titleKeyOf(item: Item, titleKey: string | undefined): string | undefined {
  if (titleKey !== undefined) return titleKey
  return ['title', 'name'].find((key) => has(item, key))
}

function asText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : compactJson(value)
}

function pill(text: string, tone: string): HTMLElement {
  return h('span', { class: `json-list-pill json-list-tone-${tone}` }, text)
}

function chips(values: JsonValue[]): HTMLElement {
  return h(
    'span',
    { class: 'json-list-chips' },
    values.map((v) => h('span', { class: 'json-list-chip' }, asText(v))),
  )
}

function fieldValue(value: JsonValue): Node | string {
  const tone = toneOf(value)
  if (tone) return pill(String(value), tone)
  switch (jsonKind(value)) {
    case 'string':
      return safeUrl(value) && /^https?:/i.test(String(value))
        ? link(value, String(value))
        : h('span', { class: 'json-list-text' }, String(value))
    case 'number':
      return h('span', { class: 'json-list-number' }, String(value))
    case 'boolean':
      return value ? h('span', { class: 'json-list-yes' }, '✓ true') : h('span', { class: 'json-list-no' }, '✗ false')
    case 'null':
      return h('span', { class: 'json-list-null', title: 'null' }, '—')
    case 'array': {
      const list = value as JsonValue[]
      if (list.length === 0) return h('span', { class: 'json-list-null' }, 'none')
      if (list.length <= 12 && !list.some(isBranch)) return chips(list)
      return h('code', { class: 'json-list-json' }, compactJson(value, 240))
    }
    default:
      return h('code', { class: 'json-list-json' }, compactJson(value, 240))
  }
}

function description(value: JsonValue | undefined): HTMLElement | null {
  if (value === undefined || value === null || value === '') return null
  const tone = toneOf(value)
  if (tone) return h('div', { class: 'json-list-desc' }, pill(String(value), tone))
  return h('p', { class: 'json-list-desc' }, asText(value))
}

function card(item: Item, index: number, titleKey: string | undefined, descriptionKey: string): HTMLElement {
  const tKey = titleKeyOf(item, titleKey)
  const title = has(item, tKey) ? asText(item[tKey]) : ''
  const dKey = has(item, descriptionKey) && descriptionKey !== tKey ? descriptionKey : undefined
  const id = !has(item, 'id') || tKey === 'id' || dKey === 'id' || isBranch(item.id) ? undefined : asText(item.id)
  const shown = new Set([tKey, dKey, id === undefined ? undefined : 'id'])
  const rest = Object.entries(item).filter(([key]) => !shown.has(key))
  return h(
    'article',
    { class: 'json-list-card' },
    (title || id) &&
      h(
        'header',
        { class: 'json-list-head' },
        title ? h('h3', { class: 'json-list-title' }, title) : h('span', { class: 'json-list-untitled' }, ''),
        id && h('span', { class: 'json-list-id' }, id),
      ),
    dKey && description(item[dKey]),
    rest.length > 0 &&
      h(
        'dl',
        { class: 'json-list-fields' },
        rest.flatMap(([key, value]) => [h('dt', {}, key), h('dd', {}, fieldValue(value))]),
      ),
    !title && !id && !dKey && rest.length === 0 && h('p', { class: 'json-list-empty' }, `Item ${index + 1} is empty`),
  )
}

const render: Renderer<'json-list'> = (config) => {
  const items = config.items as Item[]
  if (items.length === 0) return h('p', { class: 'json-list-none' }, 'No items yet.')
  const descriptionKey = config.descriptionKey ?? 'description'
  return h(
    'div',
    { class: 'json-list' },
    items.map((item, i) => card(item, i, config.titleKey, descriptionKey)),
  )
}
export default render
