import { h, link } from './dom.js'
import { safeUrl } from './urls.js'
import './json-value.css'

/** JSON values of the json-viewer and json-list pin types: colouring and short previews. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object'

export function jsonKind(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  const type = typeof value
  if (type === 'string' || type === 'number' || type === 'boolean') return type
  return 'object'
}

/** A string, number, boolean or null coloured by its type; web addresses become links. */
export function jsonScalar(value: unknown, quoted = true): HTMLElement {
  const kind = jsonKind(value)
  if (kind === 'string') {
    const text = String(value)
    const shown = quoted ? JSON.stringify(text) : text
    const content = safeUrl(text) && /^https?:/i.test(text) ? link(text, shown) : shown
    return h('span', { class: 'json-string' }, content)
  }
  if (kind === 'number' || kind === 'boolean') return h('span', { class: `json-${kind}` }, String(value))
  if (kind === 'null') return h('span', { class: 'json-null' }, 'null')
  return h('span', { class: 'json-compact' }, compactJson(value))
}

/** The value as one line of JSON, cut at `max` characters. */
export function compactJson(value: unknown, max = 160): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

export function isBranch(value: unknown): value is JsonValue[] | { [key: string]: JsonValue } {
  const kind = jsonKind(value)
  return kind === 'array' || kind === 'object'
}
