import type { PinConfigByType } from '@pindown/pin-types'
import { h } from '../dom.js'
import { renderMarkdown } from '../markdown.js'
import { formatNumber } from '../numbers.js'
import type { Renderer } from '../renderer.js'
import './mastra.css'

type Config = PinConfigByType['mastra']
type Step = NonNullable<Config['steps']>[number]
type Status = NonNullable<Step['status']>

const statusText: Record<Status, string> = { ok: 'Completed', error: 'Failed', running: 'Running' }
const stepIcon: Record<Status, string> = { ok: '✓', error: '✕', running: '' }

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 60) return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

function overall(steps: Step[]): Status | undefined {
  if (steps.length === 0) return undefined
  if (steps.some((s) => s.status === 'error')) return 'error'
  if (steps.some((s) => s.status === 'running')) return 'running'
  return 'ok'
}

function section(label: string, ...children: (Node | null | false)[]): HTMLElement {
  return h('section', { class: 'mastra-section' }, h('h4', { class: 'mastra-label' }, label), ...children)
}

function header(config: Config, steps: Step[]): HTMLElement {
  const status = overall(steps)
  const timed = steps.filter((s) => typeof s.durationMs === 'number')
  const total = timed.reduce((sum, s) => sum + (s.durationMs ?? 0), 0)
  return h(
    'header',
    { class: 'mastra-head' },
    h('div', { class: 'mastra-avatar', 'aria-hidden': 'true' }, '✦'),
    h(
      'div',
      { class: 'mastra-id' },
      h('div', { class: 'mastra-name' }, config.agent.name),
      h(
        'div',
        { class: 'mastra-sub' },
        config.agent.model && h('span', { class: 'mastra-model' }, config.agent.model),
        status && h('span', { class: `mastra-status mastra-${status}` }, statusText[status]),
      ),
    ),
    (steps.length > 0 || timed.length > 0) &&
      h(
        'dl',
        { class: 'mastra-stats' },
        timed.length > 0 && h('div', {}, h('dt', {}, 'Duration'), h('dd', {}, formatDuration(total))),
        steps.length > 0 && h('div', {}, h('dt', {}, 'Steps'), h('dd', {}, formatNumber(steps.length))),
      ),
  )
}

function stepItem(step: Step, index: number, longest: number): HTMLElement {
  const status = step.status ?? 'ok'
  const bar = h('span', { class: 'mastra-bar-fill' })
  if (typeof step.durationMs === 'number' && longest > 0) {
    bar.style.width = `${Math.max(1, (step.durationMs / longest) * 100).toFixed(1)}%`
  }
  return h(
    'li',
    { class: `mastra-step mastra-${status}` },
    h('span', { class: 'mastra-dot', 'aria-label': statusText[status], role: 'img' }, stepIcon[status]),
    h(
      'div',
      { class: 'mastra-step-main' },
      h(
        'div',
        { class: 'mastra-step-line' },
        h('span', { class: 'mastra-step-n' }, String(index + 1)),
        h('span', { class: 'mastra-step-name' }, step.name),
        status !== 'ok' && h('span', { class: `mastra-status mastra-${status}` }, statusText[status]),
        typeof step.durationMs === 'number' &&
          h('span', { class: 'mastra-step-time' }, formatDuration(step.durationMs)),
      ),
      typeof step.durationMs === 'number' && h('span', { class: 'mastra-bar' }, bar),
      step.detail && h('p', { class: 'mastra-detail' }, step.detail),
    ),
  )
}

function usage(config: Config): HTMLElement | null {
  const { inputTokens, outputTokens } = config.usage ?? {}
  if (inputTokens === undefined && outputTokens === undefined) return null
  const stat = (label: string, value: number) =>
    h('div', { class: 'mastra-usage-stat' }, h('dt', {}, label), h('dd', {}, formatNumber(value)))
  return h(
    'footer',
    { class: 'mastra-usage' },
    h('span', { class: 'mastra-usage-title' }, 'Tokens'),
    h(
      'dl',
      {},
      inputTokens !== undefined && stat('Input', inputTokens),
      outputTokens !== undefined && stat('Output', outputTokens),
      inputTokens !== undefined && outputTokens !== undefined && stat('Total', inputTokens + outputTokens),
    ),
  )
}

const render: Renderer<'mastra'> = (config) => {
  const steps = config.steps ?? []
  const longest = Math.max(0, ...steps.map((s) => s.durationMs ?? 0))
  return h(
    'div',
    { class: 'mastra' },
    header(config, steps),
    config.input?.trim() && section('Input', h('p', { class: 'mastra-input' }, config.input)),
    steps.length > 0 &&
      section(
        'Steps',
        h(
          'ol',
          { class: 'mastra-steps' },
          steps.map((step, i) => stepItem(step, i, longest)),
        ),
      ),
    section(
      'Output',
      config.output.trim()
        ? h('div', { class: 'mastra-output' }, renderMarkdown(config.output))
        : h('p', { class: 'mastra-blank' }, 'No output.'),
    ),
    usage(config),
  )
}
export default render
