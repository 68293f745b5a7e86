import { icon } from '../content-icons.js'
import { h, link } from '../dom.js'
import type { Renderer } from '../renderer.js'
import './alert-action.css'

const severities = {
  info: { label: 'Info', icon: 'info' },
  warning: { label: 'Warning', icon: 'warning' },
  critical: { label: 'Critical', icon: 'danger' },
} as const

function actionButton(action: { label: string; url: string }): HTMLElement {
  const button = link(action.url, h('span', {}, action.label))
  button.classList.add('alert-action-button')
  button.append(icon('external', 'alert-action-button-icon'))
  return button
}

const render: Renderer<'alert-action'> = (config) => {
  const severity = config.severity ?? 'info'
  const { label, icon: iconName } = severities[severity]
  return h(
    'div',
    { class: 'alert-action', role: severity === 'info' ? 'status' : 'alert' },
    h(
      'div',
      { class: `alert-action-box alert-action-${severity}` },
      h('div', { class: 'alert-action-icon' }, icon(iconName)),
      h(
        'div',
        { class: 'alert-action-body' },
        h(
          'div',
          { class: 'alert-action-heading' },
          h('span', { class: 'alert-action-severity' }, label),
          config.title && h('strong', { class: 'alert-action-title' }, config.title),
        ),
        h('p', { class: 'alert-action-message' }, config.message),
      ),
      config.action && actionButton(config.action),
    ),
  )
}
export default render
