/** Number and date formatting shared by the data renderers (charts, gauges, progress, leaderboards...). */

export type ValueFormat = 'number' | 'currency' | 'percent'

const formatters = new Map<string, Intl.NumberFormat>()

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options)
  let found = formatters.get(key)
  if (!found) {
    found = new Intl.NumberFormat(undefined, options)
    formatters.set(key, found)
  }
  return found
}

/** A number much as it was written (up to 15 significant digits), with the reader's grouping and decimal marks. */
export function formatPlain(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  return formatter({ maximumSignificantDigits: 15 }).format(value)
}

/** A value for an axis tick (`compact`: 1.2K, $3M, 25%) or a tooltip (full precision that still reads well). */
/** `part` as a share of `total` (`37.5%`); 0 % when the total is 0. */
export function formatShare(part: number, total: number): string {
  return formatValue(total > 0 ? part / total : 0, 'percent', true)
}

export function formatValue(value: number, format: ValueFormat = 'number', compact = false): string {
  if (!Number.isFinite(value)) return String(value)
  if (format === 'percent') return formatter({ style: 'percent', maximumFractionDigits: compact ? 1 : 2 }).format(value)
  const currency: Intl.NumberFormatOptions = format === 'currency' ? { style: 'currency', currency: 'USD' } : {}
  if (compact && Math.abs(value) >= 10_000)
    return formatter({ ...currency, notation: 'compact', maximumFractionDigits: 1 }).format(value)
  if (format === 'number') return formatReadable(value)
  const cents = Math.abs(value) >= 1000 ? 0 : 2
  return formatter({ ...currency, minimumFractionDigits: cents, maximumFractionDigits: cents }).format(value)
}

/** A measurement for reading at a glance: at most two decimals, three significant digits below one. */
export function formatReadable(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (value !== 0 && Math.abs(value) < 1) return formatter({ maximumSignificantDigits: 3 }).format(value)
  return formatter({ maximumFractionDigits: 2 }).format(value)
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/
const isoDateTime = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i

/** A `2026-10-06` date (local midnight) or ISO 8601 date-time as a timestamp; undefined for anything else. */
export function parseIsoTime(value: unknown): { time: number; hasTime: boolean } | undefined {
  if (typeof value !== 'string') return undefined
  if (isoDate.test(value)) {
    const [year = 1970, month = 1, day = 1] = value.split('-').map(Number)
    const date = new Date(2000, 0, 1)
    date.setFullYear(year, month - 1, day)
    return { time: date.getTime(), hasTime: false }
  }
  const match = isoDateTime.exec(value)
  if (!match) return undefined
  const offset = match[3]
    ? match[3].toUpperCase() === 'Z'
      ? 'Z'
      : `${match[3].slice(0, 3)}:${match[3].slice(-2)}`
    : ''
  const time = Date.parse(`${match[1]}T${match[2]}${offset}`)
  return Number.isNaN(time) ? undefined : { time, hasTime: true }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** A date (or epoch ms) through `Intl.DateTimeFormat` in the reader's locale, formatters cached by options. */
export function formatDate(value: number | Date, options: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(options)
  let found = dateFormats.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(undefined, options)
    dateFormats.set(key, found)
  }
  return found.format(value)
}

/** A short label for an ISO date on an axis (`Oct 6`), or undefined when the value is not one. */
export function shortDate(value: unknown): string | undefined {
  const parsed = parseIsoTime(value)
  if (!parsed) return undefined
  return parsed.hasTime
    ? formatDate(parsed.time, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : formatDate(parsed.time, { month: 'short', day: 'numeric' })
}

function decimalsOf(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 2
  const text = String(Number(step.toPrecision(12)))
  if (text.includes('e')) return Math.min(20, Math.max(0, -Math.floor(Math.log10(step))))
  return text.split('.')[1]?.length ?? 0
}

/**
 * An axis tick: as many decimals as the step between ticks needs; compact (12.5K) on an axis that reaches ten
 * thousand, so that every tick of one axis reads alike.
 */
export function formatTick(value: number, step: number, format: ValueFormat = 'number', largest = value): string {
  if (!Number.isFinite(value)) return String(value)
  if (format === 'percent') {
    const digits = Math.min(20, decimalsOf(step * 100))
    return formatter({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
  }
  const currency: Intl.NumberFormatOptions = format === 'currency' ? { style: 'currency', currency: 'USD' } : {}
  if (Math.abs(largest) >= 10_000)
    return formatter({ ...currency, notation: 'compact', maximumFractionDigits: 1 }).format(value)
  const digits = decimalsOf(step)
  return formatter({ ...currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
}

/** An ISO date or date-time in full (`Oct 6, 2026`, `Oct 6, 2026, 4:00 PM`); other strings as given. */
export function formatWhen(value: string): string {
  const parsed = parseIsoTime(value)
  if (!parsed) return value
  return parsed.hasTime
    ? formatDate(parsed.time, { dateStyle: 'medium', timeStyle: 'short' })
    : formatDate(parsed.time, { dateStyle: 'medium' })
}
