import type { PinConfigByType } from '@pindown/pin-types'
import { h } from '../dom.js'
import type { Renderer } from '../renderer.js'
import './decision-matrix.css'

type Config = PinConfigByType['decision-matrix']

interface Result {
  option: string
  total: number
  rank: number
}

const scoreFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })
const totalFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const shareFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 })

/** The score given, or undefined; own keys only, so an option named `constructor` finds nothing inherited. */
function scoreOf(config: Config, option: string, criterion: string): number | undefined {
  const row = Object.hasOwn(config.scores, option) ? config.scores[option] : undefined
  const score = row && Object.hasOwn(row, criterion) ? row[criterion] : undefined
  return typeof score === 'number' && Number.isFinite(score) ? score : undefined
}

/** Σ(weight × score) / Σ weight, a missing score counting as 0. */
function weightedTotal(config: Config, option: string): number {
  let sum = 0
  let weights = 0
  for (const { name, weight } of config.criteria) {
    sum += weight * (scoreOf(config, option, name) ?? 0)
    weights += weight
  }
  return weights > 0 ? sum / weights : 0
}

function rank(config: Config): Result[] {
  const results = config.options.map((option) => ({ option, total: weightedTotal(config, option), rank: 0 }))
  const sorted = [...results].sort((a, b) => b.total - a.total)
  sorted.forEach((result, i) => {
    const previous = sorted[i - 1]
    result.rank = previous && Math.abs(previous.total - result.total) < 1e-9 ? previous.rank : i + 1
  })
  return sorted
}

function winnerLabel(results: Result[]): string | undefined {
  const top = results.filter((r) => r.rank === 1).length
  if (top === results.length && results.length > 1) return undefined
  return top === 1 ? 'Best choice' : 'Tied best'
}

function percent(value: number, max: number): string {
  return `${Math.max(0, Math.min(100, max > 0 ? (value / max) * 100 : 0)).toFixed(1)}%`
}

function ranking(results: Result[], maxScore: number, label: string | undefined): HTMLElement {
  return h(
    'ol',
    { class: 'dm-ranking' },
    results.map((result) => {
      const winner = label !== undefined && result.rank === 1
      const fill = h('span', { class: 'dm-bar-fill' })
      fill.style.width = percent(result.total, maxScore)
      return h(
        'li',
        { class: winner ? 'dm-rank dm-winner' : 'dm-rank' },
        h('span', { class: 'dm-rank-n', 'aria-label': `Rank ${result.rank}` }, String(result.rank)),
        h(
          'span',
          { class: 'dm-rank-main' },
          h(
            'span',
            { class: 'dm-rank-line' },
            h('span', { class: 'dm-rank-name' }, result.option),
            winner && h('span', { class: 'dm-badge' }, label),
          ),
          h('span', { class: 'dm-bar' }, fill),
        ),
        h(
          'span',
          { class: 'dm-rank-score' },
          totalFormat.format(result.total),
          h('span', { class: 'dm-of' }, ` / ${scoreFormat.format(maxScore)}`),
        ),
      )
    }),
  )
}

function scoreCell(score: number | undefined, maxScore: number, winner: boolean): HTMLElement {
  const className = winner ? 'dm-score dm-win-col' : 'dm-score'
  if (score === undefined) return h('td', { class: `${className} dm-missing`, title: 'Not scored: counts as 0' }, '—')
  const cell = h('td', { class: className }, h('span', { class: 'dm-heat' }, scoreFormat.format(score)))
  const heat = maxScore > 0 ? Math.max(0, Math.min(1, score / maxScore)) : 0
  cell.style.setProperty('--heat', `${Math.round(6 + heat * 44)}%`)
  return cell
}

function grid(config: Config, results: Result[], maxScore: number, label: string | undefined): HTMLElement {
  const totals = new Map(results.map((r) => [r.option, r]))
  const isWinner = (option: string) => label !== undefined && totals.get(option)?.rank === 1
  const weightSum = config.criteria.reduce((sum, c) => sum + c.weight, 0)
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'dm-crit-head' }, 'Criterion'),
    h('th', { scope: 'col', class: 'num' }, 'Weight'),
    config.options.map((option) =>
      h('th', { scope: 'col', class: isWinner(option) ? 'dm-opt dm-win-col' : 'dm-opt' }, option),
    ),
  )
  const rows = config.criteria.map((criterion) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row', class: 'dm-crit' }, criterion.name),
      h(
        'td',
        { class: 'num dm-weight' },
        scoreFormat.format(criterion.weight),
        weightSum > 0 && h('span', { class: 'dm-share' }, shareFormat.format(criterion.weight / weightSum)),
      ),
      config.options.map((option) => scoreCell(scoreOf(config, option, criterion.name), maxScore, isWinner(option))),
    ),
  )
  const foot = h(
    'tr',
    {},
    h('th', { scope: 'row', class: 'dm-crit', colspan: 2 }, 'Weighted score'),
    config.options.map((option) =>
      h(
        'td',
        { class: isWinner(option) ? 'dm-total dm-win-col' : 'dm-total' },
        totalFormat.format(totals.get(option)?.total ?? 0),
      ),
    ),
  )
  return h(
    'div',
    { class: 'scroll-x dm-scroll' },
    h('table', { class: 'dm-grid' }, h('thead', {}, head), h('tbody', {}, rows), h('tfoot', {}, foot)),
  )
}

const render: Renderer<'decision-matrix'> = (config) => {
  const maxScore = config.maxScore ?? 5
  const results = rank(config)
  const label = winnerLabel(results)
  return h(
    'div',
    { class: 'decision-matrix' },
    ranking(results, maxScore, label),
    grid(config, results, maxScore, label),
    h(
      'p',
      { class: 'dm-note' },
      `Weighted score = Σ(weight × score) ÷ Σ weight, on a 0–${scoreFormat.format(maxScore)} scale. `,
      'Missing scores count as 0.',
      label === undefined && results.length > 1 ? ' All options tie.' : '',
    ),
  )
}
export default render
