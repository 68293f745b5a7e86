import { colorFor } from '../colors.js'
import { h, image } from '../dom.js'
import { initials } from '../initials.js'
import { formatPlain } from '../numbers.js'
import type { Renderer } from '../renderer.js'
import './leaderboard.css'

type Config = Parameters<Renderer<'leaderboard'>>[0]
type Entry = Config['entries'][number]

function initialsAvatar(name: string): HTMLElement {
  const color = colorFor(name)
  const avatar = h(
    'span',
    { class: 'leaderboard-avatar leaderboard-initials', 'aria-hidden': 'true' },
    initials(name) || '?',
  )
  avatar.style.color = color
  avatar.style.background = `color-mix(in srgb, ${color} 16%, transparent)`
  return avatar
}

/** The entry's picture, falling back to its initials when there is none or it fails to load. */
function avatar(entry: Entry): HTMLElement {
  const img = image(entry.avatarUrl, '')
  if (!img) return initialsAvatar(entry.name)
  img.className = 'leaderboard-avatar'
  img.addEventListener('error', () => img.replaceWith(initialsAvatar(entry.name)), { once: true })
  return img
}

function rank(position: number): HTMLElement {
  if (position > 3) return h('span', { class: 'leaderboard-rank' }, String(position))
  return h(
    'span',
    { class: `leaderboard-medal leaderboard-medal-${position}`, title: `Rank ${position}` },
    String(position),
  )
}

function change(value: number | undefined): HTMLElement | string {
  if (value === undefined) return ''
  if (value === 0)
    return h(
      'span',
      { class: 'leaderboard-change leaderboard-same', title: 'No change' },
      h('span', { 'aria-hidden': 'true' }, '–'),
    )
  const up = value > 0
  const places = Math.abs(value)
  return h(
    'span',
    {
      class: `leaderboard-change ${up ? 'leaderboard-up' : 'leaderboard-down'}`,
      title: `${up ? 'Up' : 'Down'} ${formatPlain(places)} ${places === 1 ? 'place' : 'places'}`,
    },
    h('span', { 'aria-hidden': 'true' }, up ? '▲' : '▼'),
    h('span', { class: 'leaderboard-visually-hidden' }, up ? 'up ' : 'down '),
    formatPlain(places),
  )
}

function row(entry: Entry, index: number): HTMLElement {
  const position = index + 1
  return h(
    'tr',
    { class: position <= 3 ? 'leaderboard-top' : '' },
    h('td', { class: 'leaderboard-rank-cell' }, rank(position)),
    h(
      'th',
      { scope: 'row', class: 'leaderboard-entry' },
      h('span', { class: 'leaderboard-who' }, avatar(entry), h('span', { class: 'leaderboard-name' }, entry.name)),
    ),
    h('td', { class: 'leaderboard-score' }, formatPlain(entry.score)),
    h('td', { class: 'leaderboard-change-cell' }, change(entry.change)),
  )
}

const render: Renderer<'leaderboard'> = (config) => {
  if (config.entries.length === 0) return h('p', { class: 'leaderboard-empty' }, 'No entries yet.')
  const hasChange = config.entries.some((entry) => entry.change !== undefined)
  return h(
    'div',
    { class: `scroll-x leaderboard${hasChange ? '' : ' leaderboard-no-change'}` },
    h(
      'table',
      { class: 'leaderboard-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', class: 'leaderboard-rank-cell' }, '#'),
          h('th', { scope: 'col' }, 'Name'),
          h('th', { scope: 'col', class: 'leaderboard-score' }, config.scoreLabel || 'Score'),
          h(
            'th',
            { scope: 'col', class: 'leaderboard-change-cell' },
            h('span', { class: 'leaderboard-visually-hidden' }, 'Change'),
          ),
        ),
      ),
      h('tbody', {}, config.entries.map(row)),
    ),
  )
}
export default render
