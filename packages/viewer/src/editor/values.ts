/** Plain JSON values: comparing them, and writing keys that may be `__proto__` without touching a prototype. */

/** What a field reads as when its optional key is to be left out. */
export const ABSENT: unique symbol = Symbol('absent')
export type Absent = typeof ABSENT

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]))
  if (!isPlainObject(a) || !isPlainObject(b)) return false
  const keys = Object.keys(a)
  return (
    keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
  )
}

/** Sets an own property, even one named `__proto__` (a valid key in a record such as a chart row). */
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * My change re-applied on top of a newer version: where mine differs from the version I started from,
 * mine wins; elsewhere the newer version stays. Objects merge key by key, arrays of unchanged length item
 * by item; anything else is taken whole.
 */
export function mergeOnTop(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (jsonEqual(mine, base)) return theirs
  if (jsonEqual(theirs, base)) return mine
  if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
    const out: Record<string, unknown> = {}
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const value = mergeOnTop(
        Object.hasOwn(base, key) ? base[key] : ABSENT,
        Object.hasOwn(mine, key) ? mine[key] : ABSENT,
        Object.hasOwn(theirs, key) ? theirs[key] : ABSENT,
      )
      if (value !== ABSENT) put(out, key, value)
    }
    return out
  }
  if (
    Array.isArray(base) &&
    Array.isArray(mine) &&
    Array.isArray(theirs) &&
    base.length === mine.length &&
    base.length === theirs.length
  ) {
    return base.map((item, i) => mergeOnTop(item, mine[i], theirs[i]))
  }
  return mine
}
