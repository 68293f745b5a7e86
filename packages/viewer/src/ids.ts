let counter = 0

/** An id unique in the page, for aria-labelledby and diagrams. */
export function uniqueId(prefix: string): string {
  counter += 1
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`
}
