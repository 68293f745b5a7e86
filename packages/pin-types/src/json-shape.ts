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
  // Each entry links to its parent: a path is built only for the issue reported, so a deep value costs
  // time in proportion to its size, not to its size times its depth.
  const stack: Node[] = [{ value, key: undefined, depth: 0, parent: undefined }]
  const issue = (at: Node, message: string) => ({ path: formatPath(pathOf(at)), message })
  while (stack.length > 0) {
    const at = stack.pop()!
    const node = at.value
    if (typeof node === 'string') {
      if (unstorable.test(node)) return issue(at, unstorableMessage(node))
      continue
    }
    if (typeof node !== 'object' || node === null) continue
    if (at.depth >= limits.depth) return issue(at, `Nested deeper than ${limits.depth} levels`)
    const depth = at.depth + 1
    if (Array.isArray(node)) {
      if (node.length > limits.items) {
        return issue(at, `Has ${node.length} items; at most ${limits.items} are allowed`)
      }
      for (let i = node.length - 1; i >= 0; i--) stack.push({ value: node[i], key: i, depth, parent: at })
      continue
    }
    const keys = Object.keys(node)
    if (keys.length > limits.keys) return issue(at, `Has ${keys.length} keys; at most ${limits.keys} are allowed`)
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!
      if (unstorable.test(key)) return issue(at, `A key ${unstorableMessage(key).toLowerCase()}`)
      stack.push({ value: (node as Record<string, unknown>)[key], key, depth, parent: at })
    }
  }
  return undefined
}

interface Node {
  readonly value: unknown
  readonly key: PropertyKey | undefined
  readonly depth: number
  readonly parent: Node | undefined
}

function pathOf(node: Node): PropertyKey[] {
  const path: PropertyKey[] = []
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) path.push(at.key)
  return path.reverse()
}
