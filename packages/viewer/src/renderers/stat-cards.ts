import { h } from '../dom.js'
import type { Renderer } from '../renderer.js'
import './stat-cards.css'

const arrows = { up: '▲', down: '▼', neutral: '■' } as const

const render: Renderer<'stat-cards'> = (config) =>
  h(
    'div',
    { class: 'stat-cards' },
    config.cards.map((card) =>
      h(
        'div',
        { class: 'stat-card' },
        h('div', { class: 'stat-title' }, card.title),
        h('div', { class: 'stat-value' }, typeof card.value === 'number' ? card.value.toLocaleString() : card.value),
        (card.change || card.trend) &&
          h(
            'div',
            { class: `stat-change trend-${card.trend ?? 'neutral'}` },
            card.trend && h('span', { 'aria-hidden': 'true' }, `${arrows[card.trend]} `),
            card.change ?? '',
          ),
      ),
    ),
  )
export default render
