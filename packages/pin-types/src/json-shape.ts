import { formatPath, type ValidationIssue } from './issues.js'

export interface JsonShapeLimits {
  /** Deepest nesting of arrays and objects; the value itself is level 0. */
  readonly depth: number
  /** Most elements in any one array. */
  readonly items: number
  /** Most keys in any one object. */
  readonly keys: number
}

/**
 * What no stored string may hold: a lone UTF-16 surrogate (in `u` mode a pair is one code point, so
 * only halves standing alone match), which no UTF-8 text can carry, or NUL, which PostgreSQL's text
 * and JSONB refuse.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the two things it looks for
const unstorable = /[\p{Cs}\u0000]/u
const unstorableMessage = (text: string) =>
  text.includes('\u0000') ? 'Contains a NUL character (U+0000)' : 'Contains a lone UTF-16 surrogate'

/**
 * The first problem with a parsed JSON value's shape: nesting too deep, an array or object too large,
 * or a string (key or value) that cannot be stored (see `unstorable`). Walks
 * without recursion, so a hostile value cannot exhaust the stack; run it before anything that recurses.
 */
export function jsonShapeIssue(value: unknown, limits: JsonShapeLimits): ValidationIssue | undefined {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }]
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!
    if (typeof node === 'string') {
      if (unstorable.test(node)) return { path: formatPath(path), message: unstorableMessage(node) }
      continue
    }
    if (typeof node !== 'object' || node === null) continue
    if (path.length >= limits.depth) {
      return { path: formatPath(path), message: `Nested deeper than ${limits.depth} levels` }
    }
    if (Array.isArray(node)) {
      if (node.length > limits.items) {
        return { path: formatPath(path), message: `Has ${node.length} items; at most ${limits.items} are allowed` }
      }
      for (let i = node.length - 1; i >= 0; i--) stack.push({ value: node[i], path: [...path, i] })
      continue
    }
    const keys = Object.keys(node)
    if (keys.length > limits.keys) {
      return { path: formatPath(path), message: `Has ${keys.length} keys; at most ${limits.keys} are allowed` }
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!
      if (unstorable.test(key))
        return { path: formatPath(path), message: `A key ${unstorableMessage(key).toLowerCase()}` }
      stack.push({ value: (node as Record<string, unknown>)[key], path: [...path, key] })
    }
  }
  return undefined
}
