/** Numbers in the reader's locale: plain, currency, percent, shares, axis ticks, table cells, file sizes. */

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

/** `part` as a share of `total` (`37.5%`); 0 % when the total is 0. */
export function formatShare(part: number, total: number): string {
  return formatValue(total > 0 ? part / total : 0, 'percent', true)
}

/** A measurement for reading at a glance: at most two decimals, three significant digits below one. */
export function formatReadable(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (value !== 0 && Math.abs(value) < 1) return formatter({ maximumSignificantDigits: 3 }).format(value)
  return formatter({ maximumFractionDigits: 2 }).format(value)
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

/** A table cell's number: up to six decimals, whole dollars, or a percentage with up to two decimals. */
export function formatNumber(value: number, format: ValueFormat = 'number'): string {
  if (format === 'currency')
    return formatter({ style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value)
  if (format === 'percent') return formatter({ style: 'percent', maximumFractionDigits: 2 }).format(value)
  return formatter({ maximumFractionDigits: 6 }).format(value)
}

/** Bytes as people read them: `482113` → `482 KB`, `1204776` → `1.2 MB`. */
export function humanSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  if (unit === 0) return `${formatter({}).format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`
  const digits = value < 10 ? 1 : 0
  return `${formatter({ maximumFractionDigits: digits }).format(value)} ${units[unit]}`
}
