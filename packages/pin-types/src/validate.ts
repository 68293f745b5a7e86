import { toIssues, type ValidationIssue } from './issues.js'
import { type PinTypeId, pinTypes } from './registry.js'

export type ConfigResult = { ok: true; value: Record<string, unknown> } | { ok: false; issues: ValidationIssue[] }

/** Validates a `pin_config` against its type; on failure returns every problem, in document order. */
export function validatePinConfig(type: PinTypeId, config: unknown): ConfigResult {
  const result = pinTypes[type].schema.safeParse(config)
  if (result.success) return { ok: true, value: result.data as Record<string, unknown> }
  return { ok: false, issues: toIssues(result.error, config) }
}
