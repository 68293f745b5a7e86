import { icon } from '../content-icons.js'
import { h } from '../dom.js'
import { renderMarkdown } from '../markdown.js'
import type { Renderer } from '../renderer.js'
import './faq.css'

function question(item: { question: string; answer: string }): HTMLDetailsElement {
  return h(
    'details',
    { class: 'faq-item' },
    h(
      'summary',
      { class: 'faq-question' },
      h('span', { class: 'faq-question-text' }, item.question),
      icon('chevron', 'faq-chevron'),
    ),
    h('div', { class: 'faq-answer' }, renderMarkdown(item.answer)),
  )
}

function toggleAll(items: HTMLDetailsElement[]): HTMLElement {
  const button = h('button', { type: 'button', class: 'faq-toggle' }, 'Expand all')
  const sync = () => {
    button.textContent = items.every((item) => item.open) ? 'Collapse all' : 'Expand all'
  }
  button.addEventListener('click', () => {
    const open = !items.every((item) => item.open)
    for (const item of items) item.open = open
    sync()
  })
  for (const item of items) item.addEventListener('toggle', sync)
  return button
}

const render: Renderer<'faq'> = (config) => {
  if (config.items.length === 0) return h('p', { class: 'faq-empty muted' }, 'No questions yet.')
  const items = config.items.map(question)
  const count = items.length === 1 ? '1 question' : `${items.length.toLocaleString()} questions`
  return h(
    'div',
    { class: 'faq' },
    items.length > 1 && h('div', { class: 'faq-toolbar' }, h('span', { class: 'faq-count' }, count), toggleAll(items)),
    h('div', { class: 'faq-list' }, items),
  )
}
export default render
