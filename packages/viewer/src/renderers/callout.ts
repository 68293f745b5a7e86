import { icon } from '../content-icons.js'
import { h } from '../dom.js'
import { renderMarkdown } from '../markdown.js'
import type { Renderer } from '../renderer.js'
import './callout.css'

const tones = {
  info: { label: 'Note', icon: 'info' },
  success: { label: 'Success', icon: 'success' },
  warning: { label: 'Warning', icon: 'warning' },
  danger: { label: 'Danger', icon: 'danger' },
} as const

const render: Renderer<'callout'> = (config) => {
  const tone = config.tone ?? 'info'
  const { label, icon: iconName } = tones[tone]
  return h(
    'aside',
    { class: `callout callout-${tone}`, 'aria-label': label },
    h(
      'div',
      { class: 'callout-heading' },
      icon(iconName, 'callout-icon'),
      h('span', { class: 'callout-title' }, config.title || label),
    ),
    h('div', { class: 'callout-text' }, renderMarkdown(config.text)),
  )
}
export default render
