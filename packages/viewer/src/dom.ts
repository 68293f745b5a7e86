/** Building DOM from untrusted pin data: text always goes in as text, URLs are checked, never HTML strings. */
import { safeImageUrl, safeUrl } from './urls.js'

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

function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
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
