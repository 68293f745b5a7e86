import type { ValidationIssue } from '@pindown/pin-types'

function define<const Status extends number>(status: Status, message: string) {
  return { status, message }
}

/**
 * Every error the API answers with: code → HTTP status and default message. Routes throw
 * `new ApiError(code, ...)`; one error handler turns it into the envelope. Documented in docs/errors.md.
 */
export const errorCatalogue = {
  /** request */
  VALIDATION_ERROR: define(400, 'The request body is invalid'),
  INVALID_JSON: define(400, 'The request body is not valid JSON'),
  PAYLOAD_TOO_LARGE: define(413, 'The request body is too large'),
  UNSUPPORTED_MEDIA_TYPE: define(415, 'Send the request body as application/json'),
  BATCH_TOO_LARGE: define(400, 'Too many items in one batch'),

  /** pin types */
  INVALID_PIN_TYPE: define(400, 'Unknown pin_type: see GET /v1/pin-types for the valid ids'),
  PIN_CONFIG_INVALID: define(400, 'Invalid pin_config'),

  /** auth */
  UNAUTHORIZED: define(401, 'Invalid API key'),
  SCOPE_REQUIRED: define(403, 'This API key lacks the scope this request needs'),
  RATE_LIMITED: define(429, 'Rate limit exceeded'),

  /** people (ours: the hosted contract has no accounts) */
  SIGN_IN_REQUIRED: define(401, 'Sign in to do this'),
  INVALID_CREDENTIALS: define(401, 'Wrong email or password'),
  CSRF_FAILED: define(403, "This request did not come from one of this site's pages; reload the page and try again"),
  ROLE_REQUIRED: define(403, 'Your role in this workspace does not allow this'),
  REGISTRATION_CLOSED: define(403, 'This server does not take sign-ups; ask its owner for an invite'),
  INVITE_EMAIL_MISMATCH: define(403, 'This invite is for another email address'),
  INVITE_EXPIRED: define(410, 'This invite link has been used or has expired; ask for a new one'),
  EMAIL_TAKEN: define(409, 'An account with this email already exists; sign in instead'),
  LAST_OWNER: define(409, 'A workspace needs at least one owner'),

  /** comments and editing (ours) */
  COMMENTS_DISABLED: define(403, 'This pin does not take comments'),
  EDITING_DISABLED: define(403, 'This pin does not allow editing from its page'),
  COMMENT_NOT_YOURS: define(403, 'Only the author of a comment may do this'),

  /** store */
  NOT_FOUND: define(404, 'Not found'),
  VERSION_CONFLICT: define(409, 'The pin changed since the version given in If-Match'),
  IDEMPOTENCY_CONFLICT: define(409, 'This Idempotency-Key was used with a different request'),

  /** transport (ours: beyond the hosted contract) */
  URL_TOO_LONG: define(414, 'A part of the URL is too long'),
  HEADERS_TOO_LARGE: define(431, 'The request headers are too large'),
  REQUEST_TIMEOUT: define(408, 'The request took too long to arrive'),

  /** server */
  INTERNAL_ERROR: define(500, 'Internal server error'),
  SERVICE_UNAVAILABLE: define(503, 'The server is at capacity; try again shortly'),
} as const

export type ErrorCode = keyof typeof errorCatalogue

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly details: readonly ValidationIssue[] | undefined
  /** Extra response headers, such as `Retry-After`. */
  readonly headers: Readonly<Record<string, string>>

  constructor(
    code: ErrorCode,
    message: string = errorCatalogue[code].message,
    details?: readonly ValidationIssue[],
    headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = errorCatalogue[code].status
    this.details = details
    this.headers = headers
  }

  /** The `error` object of the envelope. */
  toJSON(): { code: ErrorCode; message: string; details?: readonly ValidationIssue[] } {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message }
  }
}

/** A request-shape error: the message names the first problem, `details` lists them all. */
export function validationError(issues: readonly ValidationIssue[]): ApiError {
  const first = issues[0]
  const message = first ? `Invalid request at ${first.path}: ${first.message}` : errorCatalogue.VALIDATION_ERROR.message
  return new ApiError('VALIDATION_ERROR', message, issues)
}

/** `Invalid pin_config for pin_type "<type>" at <path>: <reason>`, as the hosted API words it. */
export function pinConfigError(pinType: string, issues: readonly ValidationIssue[]): ApiError {
  const first = issues[0] ?? { path: '(root)', message: 'Invalid' }
  return new ApiError(
    'PIN_CONFIG_INVALID',
    `Invalid pin_config for pin_type "${pinType}" at ${first.path}: ${first.message}`,
    issues,
  )
}
