import type { z } from 'zod'

/** One problem found in a request, addressed by a path like `cards[0].value`. */
export interface ValidationIssue {
  readonly path: string
  readonly message: string
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** `['cards', 0, 'value']` → `cards[0].value`; the empty path is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else if (typeof key === 'string' && identifier.test(key)) out += out ? `.${key}` : key
    else out += `[${JSON.stringify(String(key))}]`
  }
  return out || '(root)'
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

const plural = (n: number | bigint, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

function messageFor(issue: z.core.$ZodIssue, input: unknown): string {
  if (input === undefined && ['invalid_type', 'invalid_union', 'invalid_value'].includes(issue.code)) return 'Required'
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${issue.expected}, received ${typeName(input)}`
    case 'invalid_union': {
      const expected = [
        ...new Set(
          issue.errors.flat().flatMap((e) => (e.code === 'invalid_type' && e.path.length === 0 ? [e.expected] : [])),
        ),
      ]
      return expected.length
        ? `Expected ${expected.join(' or ')}, received ${typeName(input)}`
        : (issue.message ?? 'Invalid input')
    }
    case 'invalid_value':
      return `Expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? 'Must not be empty' : `Must be at least ${issue.minimum} characters`
      if (issue.origin === 'array') return `Must have at least ${plural(issue.minimum, 'item')}`
      return `Must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `Must be at most ${plural(issue.maximum, 'character')}`
      if (issue.origin === 'array') return `Must have at most ${plural(issue.maximum, 'item')}`
      return `Must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`
    case 'invalid_key':
      return issue.issues[0]?.message ?? issue.message
    default:
      return issue.message
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** Turns zod issues into ours: one per problem, unknown keys addressed by their own path. */
export function toIssues(error: z.ZodError, input: unknown, prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = []
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path]
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...path, key]), message: 'Unknown key' })
      continue
    }
    out.push({ path: formatPath(path), message: messageFor(issue, valueAt(input, issue.path)) })
  }
  return out
}
