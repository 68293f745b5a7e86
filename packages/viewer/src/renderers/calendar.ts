import { pinColor } from '../colors.js'
import {
  addDays,
  dayKey,
  daysBetween,
  firstDayOfWeek,
  formatDate,
  formatTime,
  parseWhen,
  sameDay,
  startOfDay,
  type When,
} from '../dates.js'
import { h } from '../dom.js'
import type { Renderer } from '../renderer.js'
import './calendar.css'

type CalendarConfig = Parameters<Renderer<'calendar'>>[0]
type CalendarEvent = CalendarConfig['events'][number]
type View = NonNullable<CalendarConfig['view']>

interface Entry {
  readonly index: number
  readonly title: string
  readonly start: When
  readonly end: When | undefined
  readonly allDay: boolean
  readonly firstDay: Date
  /** Inclusive. */
  readonly lastDay: Date
  /** Drawn as a bar across days (all-day, or running past midnight) rather than at a time. */
  readonly spans: boolean
  readonly color: string
}

interface State {
  view: View
  focus: Date
}

const monthLanes = 3
const monthTimed = 3
const hourHeight = 44

function lastDayOf(start: When, end: When | undefined, allDay: boolean, firstDay: Date): Date {
  if (!end) return firstDay
  let day = startOfDay(end.date)
  // A timed event ending at midnight ends on the day before.
  if (!allDay && end.hasTime && end.date.getTime() === day.getTime() && end.date > start.date) day = addDays(day, -1)
  return day < firstDay ? firstDay : day
}

function toEntry(event: CalendarEvent, index: number): Entry {
  const start = parseWhen(event.start)
  const end = event.end === undefined ? undefined : parseWhen(event.end)
  const allDay = event.allDay ?? !start.hasTime
  const firstDay = startOfDay(start.date)
  const lastDay = lastDayOf(start, end, allDay, firstDay)
  return {
    index,
    title: event.title,
    start,
    end,
    allDay,
    firstDay,
    lastDay,
    spans: allDay || lastDay > firstDay,
    color: pinColor(undefined, index),
  }
}

function byStart(a: Entry, b: Entry): number {
  return (
    a.firstDay.getTime() - b.firstDay.getTime() ||
    Number(b.spans) - Number(a.spans) ||
    a.start.date.getTime() - b.start.date.getTime() ||
    a.index - b.index
  )
}

function tint<T extends HTMLElement>(element: T, color: string): T {
  element.style.setProperty('--cal-tint', color)
  return element
}

function place(element: HTMLElement, row: number | string, column: number | string): HTMLElement {
  element.style.gridRow = String(row)
  element.style.gridColumn = String(column)
  return element
}

function range(a: Date, b: Date, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(undefined, options).formatRange(a, b)
}

function weekStartOf(date: Date): Date {
  return addDays(startOfDay(date), -((date.getDay() - firstDayOfWeek() + 7) % 7))
}

function overlaps(entry: Entry, from: Date, to: Date): boolean {
  return entry.firstDay <= to && entry.lastDay >= from
}

function minutesOf(date: Date): number {
  return date.getHours() * 60 + date.getMinutes()
}

/** "All day", "10:00 – 11:30 AM", "Nov 12 – 16" ... */
function whenLabel(entry: Entry): string {
  const multiDay = entry.lastDay > entry.firstDay
  if (entry.allDay)
    return multiDay
      ? `${range(entry.firstDay, entry.lastDay, { month: 'short', day: 'numeric' })} · All day`
      : 'All day'
  const end = entry.end?.hasTime ? entry.end.date : undefined
  if (!end || end <= entry.start.date) return formatTime(entry.start.date)
  if (!multiDay) return range(entry.start.date, end, { hour: 'numeric', minute: '2-digit' })
  return range(entry.start.date, end, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
}

function tooltip(entry: Entry): string {
  return `${entry.title} (${whenLabel(entry)}, ${formatDate(entry.firstDay, { month: 'short', day: 'numeric' })})`
}

// ---------------------------------------------------------------- bars across days (month and week views)

interface Placed {
  readonly entry: Entry
  readonly lane: number
  readonly from: number
  readonly to: number
}

function placeSpans(entries: Entry[], weekStart: Date): Placed[] {
  const weekEnd = addDays(weekStart, 6)
  const length = (e: Entry) => daysBetween(e.firstDay, e.lastDay)
  const spans = entries
    .filter((e) => e.spans && overlaps(e, weekStart, weekEnd))
    .sort((a, b) => a.firstDay.getTime() - b.firstDay.getTime() || length(b) - length(a) || a.index - b.index)
  const laneEnds: number[] = []
  return spans.map((entry) => {
    const from = Math.max(0, daysBetween(weekStart, entry.firstDay))
    const to = Math.min(6, daysBetween(weekStart, entry.lastDay))
    let lane = laneEnds.findIndex((end) => end <= from)
    if (lane === -1) lane = laneEnds.push(0) - 1
    laneEnds[lane] = to + 1
    return { entry, lane, from, to }
  })
}

function spanChip({ entry, from, to }: Placed, weekStart: Date): HTMLElement {
  const startsBefore = entry.firstDay < weekStart
  const endsAfter = entry.lastDay > addDays(weekStart, 6)
  const classes = ['cal-chip', 'cal-span', startsBefore && 'cal-cut-start', endsAfter && 'cal-cut-end'].filter(Boolean)
  const chip = h(
    'div',
    { class: classes.join(' '), title: tooltip(entry) },
    !entry.allDay && h('span', { class: 'cal-chip-time' }, formatTime(entry.start.date)),
    h('span', { class: 'cal-chip-title' }, entry.title),
  )
  return tint(place(chip, 'auto', `${from + 1} / span ${to - from + 1}`), entry.color)
}

function timedChip(entry: Entry): HTMLElement {
  return tint(
    h(
      'div',
      { class: 'cal-chip cal-timed', title: tooltip(entry) },
      h('span', { class: 'cal-dot', 'aria-hidden': 'true' }),
      h('span', { class: 'cal-chip-time' }, formatTime(entry.start.date)),
      h('span', { class: 'cal-chip-title' }, entry.title),
    ),
    entry.color,
  )
}

// ---------------------------------------------------------------- month

function weekdayNames(weekStart: Date): HTMLElement[] {
  return Array.from({ length: 7 }, (_, i) => {
    const day = addDays(weekStart, i)
    return h(
      'div',
      { class: 'cal-weekday' },
      h('span', { class: 'cal-wide' }, formatDate(day, { weekday: 'short' })),
      h('span', { class: 'cal-narrow', 'aria-hidden': 'true' }, formatDate(day, { weekday: 'narrow' })),
    )
  })
}

function monthWeek(entries: Entry[], weekStart: Date, month: number, showDay: (day: Date) => void): HTMLElement {
  const today = new Date()
  const placed = placeSpans(entries, weekStart)
  const lanes = Math.min(monthLanes, Math.max(0, ...placed.map((p) => p.lane + 1)))
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i))
  const timed = days.map((day) =>
    entries.filter((e) => !e.spans && sameDay(e.firstDay, day)).sort((a, b) => byStart(a, b)),
  )
  const timedRows = Math.min(monthTimed, Math.max(0, ...timed.map((list) => list.length)))
  const moreRow = 2 + lanes + timedRows
  const week = h('div', { class: 'cal-week' })
  week.style.gridTemplateRows = ['auto', ...Array<string>(lanes + timedRows + 1).fill('auto'), '1fr'].join(' ')
  days.forEach((day, i) => {
    const marks = [day.getMonth() !== month && 'cal-outside', sameDay(day, today) && 'cal-today'].filter(Boolean)
    week.append(place(h('div', { class: ['cal-day', ...marks].join(' ') }), `1 / ${moreRow + 2}`, i + 1))
    const label =
      day.getDate() === 1
        ? [
            h('span', { class: 'cal-wide' }, formatDate(day, { month: 'short', day: 'numeric' })),
            h('span', { class: 'cal-narrow' }, '1'),
          ]
        : String(day.getDate())
    const number = h('time', { class: ['cal-daynum', ...marks].join(' '), datetime: dayKey(day) }, label)
    week.append(place(number, 1, i + 1))
  })
  const hidden = Array<number>(7).fill(0)
  for (const item of placed) {
    if (item.lane < monthLanes) {
      const chip = spanChip(item, weekStart)
      chip.style.gridRow = String(2 + item.lane)
      week.append(chip)
    } else for (let d = item.from; d <= item.to; d++) hidden[d] = (hidden[d] ?? 0) + 1
  }
  timed.forEach((list, d) => {
    list.forEach((entry, n) => {
      if (n < monthTimed) week.append(place(timedChip(entry), 2 + lanes + n, d + 1))
      else hidden[d] = (hidden[d] ?? 0) + 1
    })
  })
  hidden.forEach((count, d) => {
    if (count === 0) return
    const more = h(
      'button',
      { type: 'button', class: 'cal-more', 'aria-label': `${count} more` },
      h('span', { class: 'cal-wide' }, `+${count} more`),
      h('span', { class: 'cal-narrow' }, `+${count}`),
    )
    more.addEventListener('click', () => showDay(addDays(weekStart, d)))
    week.append(place(more, moreRow, d + 1))
  })
  return week
}

function monthView(entries: Entry[], focus: Date, showDay: (day: Date) => void): HTMLElement {
  const monthStart = new Date(focus.getFullYear(), focus.getMonth(), 1)
  const monthEnd = new Date(focus.getFullYear(), focus.getMonth() + 1, 0)
  const gridStart = weekStartOf(monthStart)
  const weeks = Math.ceil((daysBetween(gridStart, monthEnd) + 1) / 7)
  const inMonth = entries.filter((e) => overlaps(e, monthStart, monthEnd))
  return h(
    'div',
    { class: 'cal-month' },
    h(
      'div',
      { class: 'cal-grid' },
      h('div', { class: 'cal-weekdays' }, weekdayNames(gridStart)),
      Array.from({ length: weeks }, (_, w) =>
        monthWeek(entries, addDays(gridStart, w * 7), monthStart.getMonth(), showDay),
      ),
    ),
    // On a narrow card the grid only has room for coloured marks: the month's events follow as a list.
    h('div', { class: 'cal-month-list' }, agenda(inMonth, monthStart)),
  )
}

// ---------------------------------------------------------------- week

interface Block {
  readonly entry: Entry
  readonly start: number
  readonly end: number
  column: number
  columns: number
}

/** Side by side columns for events that overlap in time. */
function layoutBlocks(blocks: Block[]): Block[] {
  const sorted = [...blocks].sort((a, b) => a.start - b.start || b.end - a.end)
  let cluster: Block[] = []
  let columnEnds: number[] = []
  let clusterEnd = -1
  const close = () => {
    for (const block of cluster) block.columns = columnEnds.length
    cluster = []
    columnEnds = []
  }
  for (const block of sorted) {
    if (block.start >= clusterEnd) close()
    let column = columnEnds.findIndex((end) => end <= block.start)
    if (column === -1) column = columnEnds.push(0) - 1
    columnEnds[column] = block.end
    block.column = column
    cluster.push(block)
    clusterEnd = Math.max(clusterEnd, block.end)
  }
  close()
  return sorted
}

function blockOf(entry: Entry): Block {
  const start = minutesOf(entry.start.date)
  const end = entry.end?.hasTime && entry.end.date > entry.start.date ? minutesOf(entry.end.date) : start
  return { entry, start, end: Math.min(24 * 60, Math.max(end, start + 30)), column: 0, columns: 1 }
}

function eventBlock(block: Block, firstHour: number): HTMLElement {
  const { entry } = block
  const element = tint(
    h(
      'div',
      { class: `cal-block${block.end - block.start <= 30 ? ' cal-block-short' : ''}`, title: tooltip(entry) },
      h('span', { class: 'cal-block-title' }, entry.title),
      h('span', { class: 'cal-block-time' }, whenLabel(entry)),
    ),
    entry.color,
  )
  element.style.top = `${((block.start - firstHour * 60) / 60) * hourHeight}px`
  element.style.height = `${((block.end - block.start) / 60) * hourHeight - 2}px`
  element.style.left = `calc(${(block.column / block.columns) * 100}% + 2px)`
  element.style.width = `calc(${100 / block.columns}% - 4px)`
  return element
}

function hourBounds(blocks: Block[]): [number, number] {
  const first = Math.min(8, ...blocks.map((b) => Math.floor(b.start / 60)))
  const last = Math.max(18, ...blocks.map((b) => Math.ceil(b.end / 60)))
  return [Math.max(0, first), Math.min(24, last)]
}

function weekView(entries: Entry[], focus: Date): HTMLElement {
  const today = new Date()
  const weekStart = weekStartOf(focus)
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i))
  const heads = days.map((day) =>
    h(
      'div',
      { class: `cal-week-head${sameDay(day, today) ? ' cal-today' : ''}` },
      h('span', { class: 'cal-week-dayname' }, formatDate(day, { weekday: 'short' })),
      h('time', { class: 'cal-week-daynum', datetime: dayKey(day) }, String(day.getDate())),
    ),
  )
  const placed = placeSpans(entries, weekStart)
  const allDay = h(
    'div',
    { class: 'cal-allday' },
    h('div', { class: 'cal-gutter-label' }, 'All day'),
    placed.map((item) => {
      const chip = spanChip(item, weekStart)
      chip.style.gridRow = String(item.lane + 1)
      chip.style.gridColumn = `${item.from + 2} / span ${item.to - item.from + 1}`
      return chip
    }),
  )
  const blocksByDay = days.map((day) =>
    layoutBlocks(entries.filter((e) => !e.spans && sameDay(e.firstDay, day)).map(blockOf)),
  )
  const [firstHour, lastHour] = hourBounds(blocksByDay.flat())
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i)
  const gutter = h(
    'div',
    { class: 'cal-hours' },
    hours.map((hour) => h('div', { class: 'cal-hour' }, formatTime(new Date(2000, 0, 1, hour)))),
  )
  const columns = days.map((day, d) => {
    const column = h(
      'div',
      { class: `cal-day-column${sameDay(day, today) ? ' cal-today' : ''}` },
      (blocksByDay[d] ?? []).map((block) => eventBlock(block, firstHour)),
    )
    const now = minutesOf(today)
    if (sameDay(day, today) && now >= firstHour * 60 && now <= lastHour * 60) {
      const line = h('div', { class: 'cal-now', 'aria-hidden': 'true' })
      line.style.top = `${((now - firstHour * 60) / 60) * hourHeight}px`
      column.append(line)
    }
    return column
  })
  const body = h('div', { class: 'cal-time-grid' }, gutter, columns)
  body.style.setProperty('--cal-hours', String(hours.length))
  return h(
    'div',
    { class: 'cal-week-scroll' },
    h(
      'div',
      { class: 'cal-week-view' },
      h('div', { class: 'cal-week-heads' }, h('div', {}), heads),
      placed.length > 0 && allDay,
      body,
    ),
  )
}

// ---------------------------------------------------------------- agenda

function agendaItem(entry: Entry): HTMLElement {
  return tint(
    h(
      'li',
      { class: 'cal-agenda-item' },
      h('span', { class: 'cal-agenda-bar', 'aria-hidden': 'true' }),
      h('span', { class: 'cal-agenda-time' }, whenLabel(entry)),
      h('span', { class: 'cal-agenda-title' }, entry.title),
    ),
    entry.color,
  )
}

/** Events grouped by day; one that began before `from` is listed on `from`. */
function agenda(entries: Entry[], from?: Date): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'cal-empty' }, 'No events.')
  const today = new Date()
  const groups = new Map<string, { day: Date; entries: Entry[] }>()
  for (const entry of [...entries].sort(byStart)) {
    const day = from && entry.firstDay < from ? from : entry.firstDay
    const group = groups.get(dayKey(day)) ?? { day, entries: [] }
    group.entries.push(entry)
    groups.set(dayKey(day), group)
  }
  return h(
    'ol',
    { class: 'cal-agenda' },
    [...groups.values()].map(({ day, entries: list }) =>
      h(
        'li',
        { class: `cal-agenda-day${sameDay(day, today) ? ' cal-today' : ''}` },
        h(
          'time',
          { class: 'cal-agenda-date', datetime: dayKey(day) },
          h('span', { class: 'cal-agenda-daynum' }, String(day.getDate())),
          h(
            'span',
            { class: 'cal-agenda-dayname' },
            formatDate(day, { weekday: 'short' }),
            h('br', {}),
            formatDate(day, { month: 'short', year: 'numeric' }),
          ),
        ),
        h('ul', { class: 'cal-agenda-items' }, list.map(agendaItem)),
      ),
    ),
  )
}

// ---------------------------------------------------------------- toolbar and state

const viewNames: Record<View, string> = { month: 'Month', week: 'Week', agenda: 'Agenda' }

function heading(state: State, entries: Entry[]): string {
  if (state.view === 'month') return formatDate(state.focus, { month: 'long', year: 'numeric' })
  if (state.view === 'week') {
    const start = weekStartOf(state.focus)
    return range(start, addDays(start, 6), { month: 'short', day: 'numeric', year: 'numeric' })
  }
  const count = `${entries.length.toLocaleString()} ${entries.length === 1 ? 'event' : 'events'}`
  if (entries.length === 0) return count
  const first = Math.min(...entries.map((e) => e.firstDay.getTime()))
  const last = Math.max(...entries.map((e) => e.lastDay.getTime()))
  return `${count} · ${range(new Date(first), new Date(last), { month: 'short', day: 'numeric', year: 'numeric' })}`
}

function button(label: string, attributes: Record<string, string>, onClick: () => void): HTMLButtonElement {
  const element = h('button', { type: 'button', ...attributes }, label)
  element.addEventListener('click', onClick)
  return element
}

function toolbar(state: State, entries: Entry[], update: (next: Partial<State>) => void): HTMLElement {
  const step = (direction: 1 | -1) => {
    const { focus } = state
    if (state.view === 'week') return update({ focus: addDays(focus, 7 * direction) })
    const month = new Date(focus.getFullYear(), focus.getMonth() + direction, 1)
    const monthEnd = new Date(month.getFullYear(), month.getMonth() + 1, 0)
    update({ focus: entries.find((e) => overlaps(e, month, monthEnd))?.firstDay ?? month })
  }
  const unit = state.view === 'week' ? 'week' : 'month'
  return h(
    'div',
    { class: 'cal-toolbar' },
    state.view !== 'agenda' &&
      h(
        'div',
        { class: 'cal-nav' },
        button('‹', { class: 'cal-button', 'aria-label': `Previous ${unit}`, title: `Previous ${unit}` }, () =>
          step(-1),
        ),
        button('›', { class: 'cal-button', 'aria-label': `Next ${unit}`, title: `Next ${unit}` }, () => step(1)),
      ),
    h('h3', { class: 'cal-heading', 'aria-live': 'polite' }, heading(state, entries)),
    h(
      'div',
      { class: 'cal-views', role: 'group', 'aria-label': 'View' },
      (Object.keys(viewNames) as View[]).map((view) =>
        button(viewNames[view], { class: 'cal-view-button', 'aria-pressed': String(view === state.view) }, () =>
          update({ view }),
        ),
      ),
    ),
  )
}

function zoneNote(entries: Entry[]): HTMLElement | false {
  const zoned = entries.some((e) => /(Z|[+-]\d{2}:?\d{2})$/i.test(e.start.source))
  if (!zoned) return false
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return h('p', { class: 'cal-zone' }, `Times in your time zone (${zone.replace(/_/g, ' ')})`)
}

const render: Renderer<'calendar'> = (config) => {
  const entries = config.events.map(toEntry)
  const state: State = { view: config.view ?? 'month', focus: entries[0]?.firstDay ?? startOfDay(new Date()) }
  const root = h('div', { class: 'cal' })
  const draw = () => {
    const showDay = (day: Date) => update({ view: 'week', focus: day })
    const body =
      state.view === 'month'
        ? monthView(entries, state.focus, showDay)
        : state.view === 'week'
          ? weekView(entries, state.focus)
          : agenda(entries)
    root.replaceChildren(toolbar(state, entries, update), body, zoneNote(entries) || '')
  }
  const update = (next: Partial<State>) => {
    Object.assign(state, next)
    draw()
  }
  draw()
  return root
}
export default render
