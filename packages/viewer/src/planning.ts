/** Dates, inline Markdown and small pieces shared by the planning renderers (calendar, roadmap, timeline...). */
import { h } from './dom.js'
import { renderMarkdown } from './markdown.js'
import { formatDate } from './numbers.js'

export interface When {
  /** The moment in the viewer's zone: a date-time with an offset is converted, one without is taken as written. */
  readonly date: Date
  readonly hasTime: boolean
  /** The string from the pin, for `<time datetime>`. */
  readonly source: string
}

const offsetPattern = /(Z|[+-]\d{2}:?\d{2})$/i

function localDate(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0): Date {
  const date = new Date(2000, 0, 1, hours, minutes, seconds)
  date.setFullYear(year, month - 1, day)
  return date
}

/** Parses a `date()` field: `2026-11-12`, `2026-11-12T10:00`, `2026-11-12 10:00:00+01:00`... */
export function parseWhen(value: string): When {
  const [datePart = '', timePart] = value.trim().split(/[T ]/)
  const [year = 1970, month = 1, day = 1] = datePart.split('-').map(Number)
  if (!timePart) return { date: localDate(year, month, day), hasTime: false, source: value }
  const offset = offsetPattern.exec(timePart)?.[1]
  if (offset) {
    const zone = offset.toUpperCase() === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`
    const instant = new Date(`${datePart}T${timePart.slice(0, -offset.length)}${zone}`)
    if (!Number.isNaN(instant.getTime())) return { date: instant, hasTime: true, source: value }
  }
  const [hours = 0, minutes = 0, seconds = 0] = timePart.replace(offsetPattern, '').split(':').map(Number)
  const date = localDate(year, month, day, hours, minutes, Math.floor(seconds))
  return { date: Number.isNaN(date.getTime()) ? new Date(0) : date, hasTime: true, source: value }
}

export const dayMs = 86_400_000

export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate())
}

export function addDays(date: Date, days: number): Date {
  const next = new Date(date)
  next.setDate(next.getDate() + days)
  return next
}

/** Whole days from `a` to `b` (calendar days, safe across daylight-saving changes). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((startOfDay(b).getTime() - startOfDay(a).getTime()) / dayMs)
}

export function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function sameDay(a: Date, b: Date): boolean {
  return dayKey(a) === dayKey(b)
}

export const formatDay = (date: Date) => formatDate(date, { year: 'numeric', month: 'short', day: 'numeric' })
export const formatTime = (date: Date) => formatDate(date, { hour: 'numeric', minute: '2-digit' })

/** A `<time>` for a pin's date: the day, and the time when the pin gave one. */
export function timeElement(when: When, className: string, withDay = true): HTMLElement {
  const parts = [withDay && formatDay(when.date), when.hasTime && formatTime(when.date)].filter(Boolean)
  return h('time', { class: className, datetime: when.source, title: when.source }, parts.join(' · '))
}

/** First day of the week in the viewer's locale, as `Date.getDay()` counts (0 is Sunday). */
export function firstDayOfWeek(): number {
  try {
    const locale = new Intl.Locale(navigator.language) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number }
      weekInfo?: { firstDay: number }
    }
    const firstDay = locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay
    return typeof firstDay === 'number' ? firstDay % 7 : 1
  } catch {
    return 1
  }
}

const blockStart = /^(#|>|[-+*](\s|$)|`{3}|~{3}|=+$|\||([*_-])\s*(\3\s*){2,}$)/

/** One line of Markdown that cannot turn into a heading, list, quote or code block. */
function asInline(source: string): string {
  const line = source.replace(/\s*\n\s*/g, ' ').trim()
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(line)
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`
  return blockStart.test(line) ? `\\${line}` : line
}

/** Inline Markdown (text with `code`, **bold**, links) as a span. */
export function inlineMarkdown(source: string, className: string): HTMLElement {
  const rendered = renderMarkdown(asInline(source))
  const only = rendered.children.length === 1 ? rendered.firstElementChild : null
  if (only?.tagName === 'P') return h('span', { class: className }, ...only.childNodes)
  rendered.classList.add(className)
  return rendered
}

/** Up to two initials of a name, for avatars. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0], words.at(-1)] : [words[0]]
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase()
}

/** A small stable number for a string, to give a label or a person the same colour everywhere. */
export function hashIndex(text: string): number {
  let hash = 0
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0
  return hash
}

let uniqueCounter = 0

/** An id unique in the page, for aria-labelledby and diagrams. */
export function uniqueId(prefix: string): string {
  uniqueCounter += 1
  return `${prefix}-${uniqueCounter}-${Math.random().toString(36).slice(2, 8)}`
}
