import { icon } from '../content-icons.js'
import { h, image, link } from '../dom.js'
import type { Renderer } from '../renderer.js'
import './intro.css'

function callToAction(cta: { label: string; url: string }): HTMLElement {
  const button = link(cta.url, h('span', {}, cta.label))
  button.classList.add('intro-cta')
  button.append(icon('arrow', 'intro-cta-icon'))
  return button
}

const render: Renderer<'intro'> = (config) => {
  const picture = image(config.imageUrl, '')
  return h(
    'section',
    { class: `intro${picture ? ' intro-with-image' : ''}` },
    h(
      'div',
      { class: 'intro-layout' },
      h(
        'div',
        { class: 'intro-text' },
        h('h2', { class: 'intro-title' }, config.title),
        config.subtitle && h('p', { class: 'intro-subtitle' }, config.subtitle),
        config.description && h('p', { class: 'intro-description' }, config.description),
        config.cta && h('div', { class: 'intro-actions' }, callToAction(config.cta)),
      ),
      picture && h('div', { class: 'intro-media' }, picture),
    ),
  )
}
export default render
