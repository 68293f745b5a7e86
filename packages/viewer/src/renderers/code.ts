import hljs from 'highlight.js/lib/common'
import { icon } from '../content-icons.js'
import { h } from '../dom.js'
import { highlight } from '../markdown.js'
import type { Renderer } from '../renderer.js'
import './code.css'

function lineCount(code: string): number {
  const lines = code.split('\n').length
  // A final newline does not start a visible line.
  return code.endsWith('\n') && lines > 1 ? lines - 1 : lines
}

function gutter(code: string): HTMLElement {
  const numbers = Array.from({ length: lineCount(code) }, (_, i) => i + 1).join('\n')
  return h('div', { class: 'code-gutter', 'aria-hidden': 'true' }, numbers)
}

function selectText(element: HTMLElement): void {
  const range = document.createRange()
  range.selectNodeContents(element)
  const selection = getSelection()
  selection?.removeAllRanges()
  selection?.addRange(range)
}

function copyButton(code: string, codeElement: HTMLElement): HTMLElement {
  const label = h('span', {}, 'Copy')
  const button = h('button', { type: 'button', class: 'code-copy', title: 'Copy code' }, icon('copy'), label)
  let reset: ReturnType<typeof setTimeout> | undefined
  const show = (text: string) => {
    label.textContent = text
    clearTimeout(reset)
    reset = setTimeout(() => {
      label.textContent = 'Copy'
    }, 1600)
  }
  button.addEventListener('click', () => {
    if (!navigator.clipboard) {
      selectText(codeElement)
      show('Press Ctrl+C')
      return
    }
    navigator.clipboard.writeText(code).then(
      () => show('Copied'),
      () => {
        selectText(codeElement)
        show('Press Ctrl+C')
      },
    )
  })
  return button
}

/** The highlighter's name for the language, or undefined when it does not know it (shown as plain text). */
function knownLanguage(language: string | undefined): string | undefined {
  if (!language) return undefined
  return hljs.getLanguage(language) ? language : undefined
}

function languageName(language: string): string {
  return hljs.getLanguage(language)?.name ?? language
}

const render: Renderer<'code'> = (config) => {
  const language = knownLanguage(config.language)
  const code = h('code', {})
  code.textContent = config.code
  if (language) highlight(code, language)
  const lines = lineCount(config.code)
  return h(
    'figure',
    { class: 'code-block' },
    h(
      'figcaption',
      { class: 'code-header' },
      config.filename && h('span', { class: 'code-filename' }, icon('file'), h('span', {}, config.filename)),
      h('span', { class: 'code-language' }, config.language ? languageName(config.language) : 'Plain text'),
      h('span', { class: 'code-lines-count' }, lines === 1 ? '1 line' : `${lines.toLocaleString()} lines`),
      copyButton(config.code, code),
    ),
    h(
      'div',
      { class: 'code-scroll', tabindex: 0, role: 'region', 'aria-label': config.filename ?? 'Code' },
      h(
        'div',
        { class: `code-inner${config.showLineNumbers ? ' code-numbered' : ''}` },
        config.showLineNumbers && gutter(config.code),
        h('pre', { class: 'code-pre' }, code),
      ),
    ),
  )
}
export default render
