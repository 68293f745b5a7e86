/** Reading dates from pins and writing them in the reader's locale. */
import { h } from './dom.js'

const formats = new Map<string, Intl.DateTimeFormat>()

/** A date (or epoch ms) through `Intl.DateTimeFormat` in the reader's locale, formatters cached by options. */
export function formatDate(value: number | Date, options: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(options)
  let found = formats.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(undefined, options)
    formats.set(key, found)
  }
  return found.format(value)
}

function inFull(value: number | Date, hasTime: boolean): string {
  return formatDate(value, hasTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' })
}

function localDate(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0): Date {
  const date = new Date(2000, 0, 1, hours, minutes, seconds)
  date.setFullYear(year, month - 1, day)
  return date
}

/** `z`, `+0100` or `+01:00` as an ISO 8601 zone (`Z`, `+01:00`). */
function isoZone(offset: string): string {
  return offset.toUpperCase() === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/
const isoDateTime = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i

/** A `2026-10-06` date (local midnight) or ISO 8601 date-time as a timestamp; undefined for anything else. */
export function parseIsoTime(value: unknown): { time: number; hasTime: boolean } | undefined {
  if (typeof value !== 'string') return undefined
  if (isoDate.test(value)) {
    const [year = 1970, month = 1, day = 1] = value.split('-').map(Number)
    return { time: localDate(year, month, day).getTime(), hasTime: false }
  }
  const match = isoDateTime.exec(value)
  if (!match) return undefined
  const time = Date.parse(`${match[1]}T${match[2]}${match[3] ? isoZone(match[3]) : ''}`)
  return Number.isNaN(time) ? undefined : { time, hasTime: true }
}

/** A short label for an ISO date on an axis (`Oct 6`), or undefined when the value is not one. */
export function shortDate(value: unknown): string | undefined {
  const parsed = parseIsoTime(value)
  if (!parsed) return undefined
  return parsed.hasTime
    ? formatDate(parsed.time, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : formatDate(parsed.time, { month: 'short', day: 'numeric' })
}

/** An ISO date or date-time in full (`Oct 6, 2026`, `Oct 6, 2026, 4:00 PM`); other strings as given. */
export function formatWhen(value: string): string {
  const parsed = parseIsoTime(value)
  return parsed ? inFull(parsed.time, parsed.hasTime) : value
}

/** Anything `Date` reads (a `2026-10-06` day at local midnight, epoch ms) in full; anything else as given. */
export function formatAnyDate(value: string | number): string {
  const date = new Date(typeof value === 'string' && value.length === 10 ? `${value}T00:00:00` : value)
  if (Number.isNaN(date.getTime())) return String(value)
  return inFull(date, typeof value === 'number' || value.length > 10)
}

export interface When {
  /** The moment in the viewer's zone: a date-time with an offset is converted, one without is taken as written. */
  readonly date: Date
  readonly hasTime: boolean
  /** The string from the pin, for `<time datetime>`. */
  readonly source: string
}

const offsetPattern = /(Z|[+-]\d{2}:?\d{2})$/i

/** Parses a `date()` field: `2026-11-12`, `2026-11-12T10:00`, `2026-11-12 10:00:00+01:00`... */
export function parseWhen(value: string): When {
  const [datePart = '', timePart] = value.trim().split(/[T ]/)
  const [year = 1970, month = 1, day = 1] = datePart.split('-').map(Number)
  if (!timePart) return { date: localDate(year, month, day), hasTime: false, source: value }
  const offset = offsetPattern.exec(timePart)?.[1]
  if (offset) {
    const instant = new Date(`${datePart}T${timePart.slice(0, -offset.length)}${isoZone(offset)}`)
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

const formatDay = (date: Date) => formatDate(date, { year: 'numeric', month: 'short', day: 'numeric' })
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
