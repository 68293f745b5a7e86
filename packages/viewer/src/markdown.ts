import DOMPurify from 'dompurify'
import hljs from 'highlight.js/lib/common'
import { Marked } from 'marked'
import { h } from './dom.js'

const marked = new Marked({ gfm: true, breaks: false, async: false })

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank')
    node.setAttribute('rel', 'noopener noreferrer')
  }
  if (node.tagName === 'IMG') {
    node.setAttribute('loading', 'lazy')
    node.setAttribute('referrerpolicy', 'no-referrer')
  }
})

const purifyOptions = {
  RETURN_DOM_FRAGMENT: true as const,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
  FORBID_ATTR: ['style', 'srcset'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
}

/** Highlights code in place; the language class comes from the fence (```ts). */
export function highlight(code: HTMLElement, language?: string): void {
  const lang = language ?? /language-([\w+-]+)/.exec(code.className)?.[1]
  const result =
    lang && hljs.getLanguage(lang)
      ? hljs.highlight(code.textContent ?? '', { language: lang })
      : hljs.highlightAuto(code.textContent ?? '')
  // highlight.js escapes the source; the result is sanitised again all the same.
  code.replaceChildren(
    DOMPurify.sanitize(result.value, { ...purifyOptions, ALLOWED_TAGS: ['span'], ALLOWED_ATTR: ['class'] }),
  )
  code.classList.add('hljs')
}

/** Markdown → sanitised DOM (DOMPurify), links opening safely in a new tab, code blocks highlighted. */
export function renderMarkdown(source: string): HTMLElement {
  const html = marked.parse(source) as string
  const container = document.createElement('div')
  container.className = 'markdown'
  container.append(DOMPurify.sanitize(html, purifyOptions))
  for (const code of container.querySelectorAll<HTMLElement>('pre > code')) highlight(code)
  return container
}

const blockStart = /^(#|>|[-+*](\s|$)|`{3}|~{3}|=+$|\||([*_-])\s*(\3\s*){2,}$)/

/** One line of Markdown that cannot turn into a heading, list, quote or code block. */
function asInline(source: string): string {
  const line = source.replace(/\s*\n\s*/g, ' ').trim()
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(line)
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`
  return blockStart.test(line) ? `\\${line}` : line
}

/** Inline Markdown (text with `code`, **bold**, links) as a span. */
export function inlineMarkdown(source: string, className: string): HTMLElement {
  const rendered = renderMarkdown(asInline(source))
  const only = rendered.children.length === 1 ? rendered.firstElementChild : null
  if (only?.tagName === 'P') return h('span', { class: className }, ...only.childNodes)
  rendered.classList.add(className)
  return rendered
}
