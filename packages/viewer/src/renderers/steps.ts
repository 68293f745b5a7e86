import { icon } from '../content-icons.js'
import { h } from '../dom.js'
import { renderMarkdown } from '../markdown.js'
import type { Renderer } from '../renderer.js'
import './steps.css'

type Step = { title: string; description?: string | undefined; status?: 'todo' | 'current' | 'done' | undefined }

const statusLabels = { todo: 'To do', current: 'Current step', done: 'Done' } as const

function marker(step: Step, number: number): HTMLElement {
  return h(
    'span',
    { class: 'steps-marker', 'aria-hidden': 'true' },
    step.status === 'done' ? icon('check') : number.toLocaleString(),
  )
}

function item(step: Step, index: number): HTMLElement {
  const status = step.status ?? 'plain'
  return h(
    'li',
    { class: `steps-item steps-${status}`, 'aria-current': step.status === 'current' ? 'step' : null },
    marker(step, index + 1),
    h(
      'div',
      { class: 'steps-content' },
      h(
        'div',
        { class: 'steps-heading' },
        h('span', { class: 'steps-title' }, step.title),
        step.status === 'current' && h('span', { class: 'steps-status' }, statusLabels.current),
        (step.status === 'todo' || step.status === 'done') &&
          h('span', { class: 'steps-sr' }, `(${statusLabels[step.status]})`),
      ),
      step.description && h('div', { class: 'steps-description' }, renderMarkdown(step.description)),
    ),
  )
}

function progress(steps: Step[]): HTMLElement | null {
  if (!steps.some((step) => step.status)) return null
  const done = steps.filter((step) => step.status === 'done').length
  const bar = h('span', { class: 'steps-bar-fill' })
  bar.style.width = `${(done / steps.length) * 100}%`
  return h(
    'div',
    { class: 'steps-progress' },
    h('span', { class: 'steps-progress-text' }, `${done.toLocaleString()} of ${steps.length.toLocaleString()} done`),
    h(
      'span',
      {
        class: 'steps-bar',
        role: 'progressbar',
        'aria-valuemin': 0,
        'aria-valuemax': steps.length,
        'aria-valuenow': done,
        'aria-label': 'Steps done',
      },
      bar,
    ),
  )
}

const render: Renderer<'steps'> = (config) => {
  if (config.steps.length === 0) return h('p', { class: 'steps-empty muted' }, 'No steps yet.')
  return h('div', { class: 'steps' }, progress(config.steps), h('ol', { class: 'steps-list' }, config.steps.map(item)))
}
export default render
