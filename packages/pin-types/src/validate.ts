import { bounds } from './bounds.js'
import { toIssues, type ValidationIssue } from './issues.js'
import { jsonShapeIssue } from './json-shape.js'
import { type PinTypeId, pinTypes } from './registry.js'

export type ConfigResult = { ok: true; value: Record<string, unknown> } | { ok: false; issues: ValidationIssue[] }

const configShape = { depth: bounds.depth, items: bounds.rows, keys: bounds.keys }

/**
 * Validates a `pin_config` against its type; on failure returns every problem, in document order. The
 * shape bounds come first: schemas recurse, and a config nested thousands deep would exhaust the stack.
 */
export function validatePinConfig(type: PinTypeId, config: unknown): ConfigResult {
  const shape = jsonShapeIssue(config, configShape)
  if (shape) return { ok: false, issues: [shape] }
  const result = pinTypes[type].schema.safeParse(config)
  if (result.success) return { ok: true, value: result.data as Record<string, unknown> }
  return { ok: false, issues: toIssues(result.error, config) }
}
