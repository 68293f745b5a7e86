import { h } from '../dom.js'
import { uniqueId } from '../ids.js'
import { inlineMarkdown } from '../markdown.js'
import type { InlineEdit, Renderer } from '../renderer.js'
import './checklist.css'

type ChecklistConfig = Parameters<Renderer<'checklist'>>[0]
type Item = ChecklistConfig['items'][number]
type Edit = InlineEdit<ChecklistConfig>

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

/** Where `item` (seen at `index`) is in a newer list: by id, else by its text, preferring the same place. */
function findItem(items: readonly Item[], item: Item, index: number): number {
  if (item.id !== undefined) return items.findIndex((other) => other.id === item.id)
  const same = (other: Item | undefined) => other !== undefined && other.id === undefined && other.text === item.text
  return same(items[index]) ? index : items.findIndex(same)
}

function withChecked(config: ChecklistConfig, item: Item, index: number, checked: boolean) {
  const at = findItem(config.items, item, index)
  if (at === -1) return undefined
  const next = structuredClone(config)
  next.items[at]!.checked = checked
  return next
}

function readOnlyBox(checked: boolean, textId: string): HTMLElement {
  return h(
    'span',
    {
      class: 'checklist-box',
      role: 'checkbox',
      'aria-checked': String(checked),
      'aria-readonly': 'true',
      'aria-labelledby': textId,
    },
    checked ? '✓' : '',
  )
}

/** A real checkbox: ticking it saves at once, and it goes back when the save does not land. */
function editableBox(item: Item, index: number, textId: string, edit: Edit): HTMLElement {
  const box = h('input', {
    type: 'checkbox',
    class: 'checklist-check',
    checked: item.checked ?? false,
    'aria-labelledby': textId,
  })
  box.addEventListener('change', async () => {
    const wanted = box.checked
    const row = box.closest('.checklist-item')
    row?.classList.toggle('is-checked', wanted)
    const saved = await edit((config) => withChecked(config, item, index, wanted))
    if (saved) return
    box.checked = !wanted
    row?.classList.toggle('is-checked', !wanted)
  })
  return box
}

function row(item: Item, index: number, edit: Edit | undefined): HTMLElement {
  const checked = item.checked ?? false
  const textId = uniqueId('checklist-text')
  return h(
    'li',
    { class: `checklist-item${checked ? ' is-checked' : ''}`, 'data-item-id': item.id },
    edit ? editableBox(item, index, textId, edit) : readOnlyBox(checked, textId),
    h('span', { class: 'checklist-text', id: textId }, inlineMarkdown(item.text, 'checklist-markdown')),
  )
}

const render: Renderer<'checklist'> = (config, { edit }) => {
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
      : h(
          'ul',
          { class: 'checklist-items' },
          config.items.map((item, i) => row(item, i, edit)),
        ),
  )
}
export default render
