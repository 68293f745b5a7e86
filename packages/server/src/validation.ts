import { formatPath, safely, toIssues } from '@pindown/pin-types'
import type { z } from 'zod'
import { validationError } from './errors.js'

/** Parses a request part with its schema, or throws `VALIDATION_ERROR` naming every problem. */
export function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): z.output<S> {
  const result = safely(() => schema.safeParse(input))
  if (!result) throw validationError([{ path: formatPath(prefix), message: 'Has the wrong shape' }])
  if (result.success) return result.data
  if (input === undefined && prefix.length === 0) {
    throw validationError([{ path: '(root)', message: 'A JSON object body is required' }])
  }
  throw validationError(toIssues(result.error, input, prefix))
}

/**
 * Throws `VALIDATION_ERROR` when a path parameter, query value or form field holds a NUL (`%00`):
 * nothing we store may contain one, and PostgreSQL refuses it outright. (JSON bodies are checked as
 * they are parsed.)
 */
export function refuseNul(part: unknown): void {
  if (typeof part !== 'object' || part === null) return
  const issues = Object.entries(part).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && v.includes('\u0000'))
      ? [{ path: name, message: 'Must not contain NUL (%00)' }]
      : [],
  )
  if (issues.length > 0) throw validationError(issues)
}
