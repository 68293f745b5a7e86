import { h } from '../dom.js'
import { uniqueId } from '../ids.js'
import { inlineMarkdown } from '../markdown.js'
import type { Renderer } from '../renderer.js'
import './checklist.css'

type ChecklistConfig = Parameters<Renderer<'checklist'>>[0]
type Item = ChecklistConfig['items'][number]

function progress(done: number, total: number): HTMLElement {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100)
  const bar = h('span', { class: 'checklist-bar-fill' })
  bar.style.width = `${percent}%`
  return h(
    'div',
    { class: `checklist-progress${total > 0 && done === total ? ' checklist-complete' : ''}` },
    h(
      'span',
      { class: 'checklist-count' },
      h('strong', {}, String(done)),
      ` of ${total} done`,
      total > 0 && h('span', { class: 'checklist-percent' }, ` · ${percent}%`),
    ),
    h(
      'span',
      {
        class: 'checklist-bar',
        role: 'progressbar',
        'aria-valuemin': 0,
        'aria-valuemax': total,
        'aria-valuenow': done,
        'aria-label': 'Items done',
      },
      bar,
    ),
  )
}

function row(item: Item): HTMLElement {
  const checked = item.checked ?? false
  const textId = uniqueId('checklist-text')
  return h(
    'li',
    { class: `checklist-item${checked ? ' is-checked' : ''}`, 'data-item-id': item.id },
    h(
      'span',
      {
        class: 'checklist-box',
        role: 'checkbox',
        'aria-checked': String(checked),
        'aria-readonly': 'true',
        'aria-labelledby': textId,
      },
      checked ? '✓' : '',
    ),
    h('span', { class: 'checklist-text', id: textId }, inlineMarkdown(item.text, 'checklist-markdown')),
  )
}

const render: Renderer<'checklist'> = (config) => {
  const done = config.items.filter((item) => item.checked).length
  return h(
    'div',
    { class: 'checklist' },
    h(
      'div',
      { class: 'checklist-header' },
      config.title && h('h3', { class: 'checklist-title' }, config.title),
      progress(done, config.items.length),
    ),
    config.items.length === 0
      ? h('p', { class: 'checklist-empty muted' }, 'No items yet.')
      : h('ul', { class: 'checklist-items' }, config.items.map(row)),
  )
}
export default render
