import { formatPath, type ValidationIssue } from './issues.js'

export interface JsonShapeLimits {
  /** Deepest nesting of arrays and objects; the value itself is level 0. */
  readonly depth: number
  /** Most elements in any one array. */
  readonly items: number
  /** Most keys in any one object. */
  readonly keys: number
}

/** In `u` mode a surrogate pair is one code point, so this matches only halves standing alone. */
const loneSurrogate = /\p{Cs}/u

/**
 * The first problem with a parsed JSON value's shape: nesting too deep, an array or object too large,
 * or a string (key or value) holding a lone UTF-16 surrogate, which no UTF-8 text can carry. Walks
 * without recursion, so a hostile value cannot exhaust the stack; run it before anything that recurses.
 */
export function jsonShapeIssue(value: unknown, limits: JsonShapeLimits): ValidationIssue | undefined {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }]
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!
    if (typeof node === 'string') {
      if (loneSurrogate.test(node)) return { path: formatPath(path), message: 'Contains a lone UTF-16 surrogate' }
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
      if (loneSurrogate.test(key)) return { path: formatPath(path), message: 'A key contains a lone UTF-16 surrogate' }
      stack.push({ value: (node as Record<string, unknown>)[key], path: [...path, key] })
    }
  }
  return undefined
}
