import { formatDate } from '../dates.js'
import { h } from '../dom.js'

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
]

let relative: Intl.RelativeTimeFormat | undefined

/** `just now`, `5 minutes ago`, `yesterday`... in the reader's locale. */
export function timeAgo(ms: number, now = Date.now()): string {
  relative ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
  const seconds = Math.round((now - ms) / 1000)
  if (seconds < 45) return 'just now'
  for (const [unit, size] of units) {
    if (seconds >= size) return relative.format(-Math.floor(seconds / size), unit)
  }
  return relative.format(-1, 'minute')
}

/** A `<time>` saying how long ago, with the exact moment as its title. `refreshTimes` keeps it current. */
export function whenElement(ms: number): HTMLElement {
  return h(
    'time',
    {
      class: 'comment-time',
      datetime: new Date(ms).toISOString(),
      title: formatDate(ms, { dateStyle: 'full', timeStyle: 'medium' }),
      'data-at': ms,
    },
    timeAgo(ms),
  )
}

export function refreshTimes(root: HTMLElement): void {
  const now = Date.now()
  for (const time of root.querySelectorAll<HTMLElement>('time[data-at]')) {
    const text = timeAgo(Number(time.dataset.at), now)
    if (time.textContent !== text) time.textContent = text
  }
}
