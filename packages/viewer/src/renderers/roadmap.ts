import { addDays, dayMs, formatDate, parseWhen, startOfDay, type When } from '../dates.js'
import { h } from '../dom.js'
import type { Renderer } from '../renderer.js'
import './roadmap.css'

type RoadmapConfig = Parameters<Renderer<'roadmap'>>[0]
type Item = RoadmapConfig['items'][number]
type Status = NonNullable<Item['status']>

interface Bar {
  readonly item: Item
  readonly status: Status
  readonly start: When
  readonly end: When
  readonly from: number
  readonly to: number
  row: number
}

interface Lane {
  readonly name: string | undefined
  readonly bars: Bar[]
  rows: number
}

interface Span {
  readonly from: number
  readonly to: number
}

interface Tick {
  readonly at: number
  readonly label: string
}

const statusNames: Record<Status, string> = { done: 'Done', 'in-progress': 'In progress', planned: 'Planned' }
const statusOrder: Status[] = ['done', 'in-progress', 'planned']

function toBar(item: Item): Bar {
  const start = parseWhen(item.start)
  const end = parseWhen(item.end)
  const from = start.date.getTime()
  // A plain-date end is inclusive: the bar runs to the end of that day.
  const to = end.hasTime ? end.date.getTime() : addDays(end.date, 1).getTime()
  return { item, status: item.status ?? 'planned', start, end, from, to: Math.max(to, from), row: 0 }
}

/** Lanes in order of first use, the unnamed one last; overlapping bars in a lane get rows of their own. */
function lanesOf(bars: Bar[]): Lane[] {
  const lanes = new Map<string | undefined, Lane>()
  for (const bar of bars) {
    const name = bar.item.lane?.trim() || undefined
    const lane = lanes.get(name) ?? { name, bars: [], rows: 0 }
    lane.bars.push(bar)
    lanes.set(name, lane)
  }
  const ordered = [...lanes.values()].sort((a, b) => Number(a.name === undefined) - Number(b.name === undefined))
  for (const lane of ordered) {
    const rowEnds: number[] = []
    for (const bar of [...lane.bars].sort((a, b) => a.from - b.from)) {
      let row = rowEnds.findIndex((end) => end <= bar.from)
      if (row === -1) row = rowEnds.push(0) - 1
      rowEnds[row] = bar.to
      bar.row = row
    }
    lane.rows = Math.max(1, rowEnds.length)
  }
  return ordered
}

function spanOf(bars: Bar[]): Span {
  const from = Math.min(...bars.map((b) => b.from))
  const to = Math.max(...bars.map((b) => b.to))
  return to - from < dayMs ? { from: from - dayMs / 2, to: from + dayMs * 1.5 } : { from, to }
}

function percent(span: Span, at: number): number {
  return ((at - span.from) / (span.to - span.from)) * 100
}

/** Boundaries of days, weeks, months, quarters or years, whichever gives a readable number of columns. */
function ticks(span: Span): { ticks: Tick[]; minWidth: number } {
  const days = (span.to - span.from) / dayMs
  const first = startOfDay(new Date(span.from))
  const list: Tick[] = []
  const push = (date: Date, label: string) => list.push({ at: date.getTime(), label })
  if (days <= 16) {
    for (let d = first; d.getTime() < span.to; d = addDays(d, 1))
      push(
        d,
        d.getDate() === 1 || list.length === 0 ? formatDate(d, { month: 'short', day: 'numeric' }) : `${d.getDate()}`,
      )
    return { ticks: list, minWidth: list.length * 44 }
  }
  if (days <= 100) {
    const monday = addDays(first, -((first.getDay() + 6) % 7))
    for (let d = monday; d.getTime() < span.to; d = addDays(d, 7))
      push(d, formatDate(d, { month: 'short', day: 'numeric' }))
    return { ticks: list, minWidth: list.length * 72 }
  }
  const months = days <= 800 ? 1 : days <= 2400 ? 3 : 12
  const startMonth = Math.floor(first.getMonth() / months) * months
  for (let d = new Date(first.getFullYear(), startMonth, 1); d.getTime() < span.to; ) {
    const year = d.getFullYear()
    const label =
      months === 12
        ? String(year)
        : months === 3
          ? `Q${Math.floor(d.getMonth() / 3) + 1} ${year}`
          : formatDate(
              d,
              d.getMonth() === 0 || list.length === 0 ? { month: 'short', year: 'numeric' } : { month: 'short' },
            )
    push(d, label)
    d = new Date(year, d.getMonth() + months, 1)
  }
  return { ticks: list, minWidth: list.length * (months === 1 ? 88 : 76) }
}

function positioned<T extends HTMLElement>(element: T, span: Span, from: number, to: number): T {
  const left = Math.max(0, percent(span, from))
  const right = Math.min(100, percent(span, to))
  element.style.left = `${left}%`
  element.style.width = `${Math.max(0, right - left)}%`
  return element
}

/** The time scale; a column cut too short by the start or end of the range goes without its label. */
function axis(span: Span, list: Tick[], minWidth: number, today: number | undefined): HTMLElement {
  const cells = list.map((tick, i) => {
    const next = list[i + 1]?.at ?? span.to
    const width = ((Math.min(next, span.to) - Math.max(tick.at, span.from)) / (span.to - span.from)) * minWidth
    const label = width >= 44 && h('span', {}, tick.label)
    return positioned(h('div', { class: 'roadmap-tick', title: tick.label }, label), span, tick.at, next)
  })
  const marker = today !== undefined && h('div', { class: 'roadmap-today-marker', title: 'Today' })
  if (marker) marker.style.left = `${percent(span, today!)}%`
  return h('div', { class: 'roadmap-axis' }, cells, marker)
}

function dates(bar: Bar): string {
  const withTime = bar.start.hasTime || bar.end.hasTime
  const options: Intl.DateTimeFormatOptions = withTime
    ? { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }
    : { month: 'short', day: 'numeric', year: 'numeric' }
  if (bar.to <= bar.from) return formatDate(bar.start.date, options)
  return new Intl.DateTimeFormat(undefined, options).formatRange(bar.start.date, bar.end.date)
}

function barElement(bar: Bar, span: Span): HTMLElement {
  const when = dates(bar)
  const element = h(
    'div',
    {
      class: `roadmap-bar roadmap-${bar.status}`,
      title: `${bar.item.title}\n${when} · ${statusNames[bar.status]}`,
      role: 'listitem',
      'aria-label': `${bar.item.title}, ${when}, ${statusNames[bar.status]}`,
    },
    h(
      'span',
      { class: 'roadmap-bar-title' },
      bar.status === 'done' && h('span', { 'aria-hidden': 'true' }, '✓ '),
      bar.item.title,
    ),
    h('span', { class: 'roadmap-bar-dates' }, when),
  )
  positioned(element, span, bar.from, bar.to)
  element.style.top = `calc(${bar.row} * var(--roadmap-row))`
  return element
}

function gridLines(span: Span, list: Tick[], today: number | undefined): HTMLElement {
  const lines = list
    .filter((tick) => tick.at > span.from)
    .map((tick) => {
      const line = h('div', { class: 'roadmap-line' })
      line.style.left = `${percent(span, tick.at)}%`
      return line
    })
  const now = today !== undefined && h('div', { class: 'roadmap-today' })
  if (now) now.style.left = `${percent(span, today!)}%`
  return h('div', { class: 'roadmap-lines', 'aria-hidden': 'true' }, lines, now)
}

function legend(bars: Bar[], span: Span, today: boolean): HTMLElement {
  const counts = statusOrder
    .map((status) => [status, bars.filter((b) => b.status === status).length] as const)
    .filter(([, count]) => count > 0)
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', year: 'numeric' }
  return h(
    'div',
    { class: 'roadmap-legend' },
    counts.map(([status, count]) =>
      h(
        'span',
        { class: `roadmap-key roadmap-${status}` },
        h('span', { class: 'roadmap-swatch', 'aria-hidden': 'true' }),
        statusNames[status],
        h('span', { class: 'roadmap-key-count' }, String(count)),
      ),
    ),
    today &&
      h('span', { class: 'roadmap-key' }, h('span', { class: 'roadmap-today-swatch', 'aria-hidden': 'true' }), 'Today'),
    h(
      'span',
      { class: 'roadmap-range' },
      new Intl.DateTimeFormat(undefined, options).formatRange(new Date(span.from), new Date(span.to - 1)),
    ),
  )
}

const render: Renderer<'roadmap'> = (config) => {
  if (config.items.length === 0) return h('p', { class: 'roadmap-empty muted' }, 'Nothing on the roadmap yet.')
  const bars = config.items.map(toBar)
  const lanes = lanesOf(bars)
  const span = spanOf(bars)
  const { ticks: list, minWidth } = ticks(span)
  const now = Date.now()
  const today = now >= span.from && now <= span.to ? now : undefined
  const named = lanes.some((lane) => lane.name !== undefined)
  const chart = h(
    'div',
    { class: `roadmap-chart${named ? '' : ' roadmap-no-lanes'}` },
    named && h('div', { class: 'roadmap-corner' }),
    axis(span, list, minWidth, today),
    lanes.flatMap((lane) => [
      named &&
        h(
          'div',
          { class: `roadmap-lane-name${lane.name === undefined ? ' roadmap-lane-other' : ''}` },
          lane.name ?? 'Other',
        ),
      (() => {
        const track = h(
          'div',
          { class: 'roadmap-track', role: 'list', 'aria-label': lane.name ?? 'Items' },
          lane.bars.map((bar) => barElement(bar, span)),
        )
        track.style.height = `calc(${lane.rows} * var(--roadmap-row) + 7px)`
        return track
      })(),
    ]),
    gridLines(span, list, today),
  )
  chart.style.minWidth = `${minWidth + (named ? 120 : 0)}px`
  // Two rows a lane: a narrow card puts the lane's name on a row of its own.
  chart.style.gridTemplateRows = `auto repeat(${lanes.length * 2}, auto)`
  return h(
    'div',
    { class: 'roadmap' },
    legend(bars, span, today !== undefined),
    h('div', { class: 'roadmap-scroll' }, chart),
  )
}
export default render
