/** Building DOM from untrusted pin data: text always goes in as text, URLs are checked, never HTML strings. */

type Child = Node | string | number | null | undefined | false
type Attributes = Record<string, string | number | boolean | null | undefined>

/** Creates an element. Attribute values are set as attributes (never parsed as HTML); `class` takes a string. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue
    if (/^on/i.test(name)) throw new Error(`refusing event handler attribute ${name}`)
    element.setAttribute(name, value === true ? '' : String(value))
  }
  append(element, children)
  return element
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
}

const safeSchemes = /^(https?:|mailto:)/i
const safeImage = /^(https?:|data:image\/(png|jpeg|gif|webp);base64,)/i

/** The URL if it is http(s) (or mailto), else undefined: `javascript:` and friends never reach an attribute. */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined
  const trimmed = url.trim()
  return safeSchemes.test(trimmed) ? trimmed : undefined
}

export function safeImageUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined
  const trimmed = url.trim()
  return safeImage.test(trimmed) ? trimmed : undefined
}

/** A link that opens in a new tab without giving the target a handle on this page; plain text if unsafe. */
export function link(url: unknown, text: Child): HTMLElement {
  const href = safeUrl(url)
  if (!href) return h('span', {}, text)
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text)
}

/** An image, or nothing when its source is not an allowed URL. */
export function image(url: unknown, alt: unknown): HTMLImageElement | null {
  const src = safeImageUrl(url)
  if (!src) return null
  return h('img', { src, alt: typeof alt === 'string' ? alt : '', loading: 'lazy', referrerpolicy: 'no-referrer' })
}

export function formatNumber(value: number, style: 'number' | 'currency' | 'percent' = 'number'): string {
  if (style === 'currency')
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(
      value,
    )
  if (style === 'percent')
    return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 }).format(value)
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 }).format(value)
}

export function formatDate(value: string | number): string {
  const date = new Date(typeof value === 'string' && value.length === 10 ? `${value}T00:00:00` : value)
  if (Number.isNaN(date.getTime())) return String(value)
  const hasTime = typeof value === 'number' || value.length > 10
  return hasTime
    ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
    : date.toLocaleDateString(undefined, { dateStyle: 'medium' })
}

/** A small coloured label. */
export function badge(text: string, tone = text): HTMLElement {
  return h('span', { class: `badge badge-${tone.replace(/[^a-z0-9-]/gi, '')}` }, text)
}

/** Series colours that read well on light and dark backgrounds, for charts and labels. */
export const palette = [
  '#1f6feb',
  '#2da44e',
  '#d4a72c',
  '#cf222e',
  '#8250df',
  '#1b7c83',
  '#bc4c00',
  '#bf3989',
  '#57606a',
] as const

const namedColors: Record<string, string> = {
  blue: '#1f6feb',
  green: '#2da44e',
  yellow: '#d4a72c',
  red: '#cf222e',
  purple: '#8250df',
  teal: '#1b7c83',
  orange: '#bc4c00',
  amber: '#d4a72c',
  pink: '#bf3989',
  gray: '#57606a',
  grey: '#57606a',
}

/** A colour from a pin (`#1f6feb` or a palette name) as a CSS colour, or the i-th palette colour. */
export function pinColor(value: unknown, index = 0): string {
  if (typeof value === 'string') {
    if (/^#[0-9a-fA-F]{3,8}$/.test(value)) return value
    const named = namedColors[value.toLowerCase()]
    if (named) return named
  }
  return palette[index % palette.length]!
}
