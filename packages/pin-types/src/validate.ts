import { bounds } from './bounds.js'
import { toIssues, type ValidationIssue } from './issues.js'
import { jsonShapeIssue } from './json-shape.js'
import { type PinTypeId, pinTypes } from './registry.js'

export type ConfigResult = { ok: true; value: Record<string, unknown> } | { ok: false; issues: ValidationIssue[] }

/**
 * A parse, or undefined when the schema library itself throws on hostile input (zod's length checks
 * coerce an object that has a `length` key, e.g. `{"length":{"toString":[]}}`), so that it is a 400.
 */
export function safely<T>(parse: () => T): T | undefined {
  try {
    return parse()
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) return undefined
    throw error
  }
}

const configShape = { depth: bounds.depth, items: bounds.rows, keys: bounds.keys }

/**
 * Validates a `pin_config` against its type; on failure returns every problem, in document order. The
 * shape bounds come first: schemas recurse, and a config nested thousands deep would exhaust the stack.
 */
export function validatePinConfig(type: PinTypeId, config: unknown): ConfigResult {
  const shape = jsonShapeIssue(config, configShape)
  if (shape) return { ok: false, issues: [shape] }
  const result = safely(() => pinTypes[type].schema.safeParse(config))
  if (!result) return { ok: false, issues: [{ path: '(root)', message: 'Has the wrong shape' }] }
  if (result.success) return { ok: true, value: result.data as Record<string, unknown> }
  return { ok: false, issues: toIssues(result.error, config) }
}
