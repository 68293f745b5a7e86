/** One problem in a request, addressed like `cards[0].value`. */
export interface ErrorDetail {
  readonly path: string
  readonly message: string
}

interface ErrorInit {
  readonly code: string
  readonly status: number
  readonly message: string
  readonly details?: readonly ErrorDetail[] | undefined
  readonly requestId?: string | undefined
}

/** Every error the client throws: the API's `code`, the HTTP `status`, and each problem in `details`. */
export class PindownError extends Error {
  readonly code: string
  /** The HTTP status, or 0 when no answer arrived (network failure). */
  readonly status: number
  readonly details: readonly ErrorDetail[]
  /** The server's request id, to find the request in its logs. */
  readonly requestId: string | undefined

  constructor(init: ErrorInit) {
    super(init.message)
    this.name = new.target.name
    this.code = init.code
    this.status = init.status
    this.details = init.details ?? []
    this.requestId = init.requestId
  }
}

/** 401 (the key is missing, unknown or revoked) and 403 (the key lacks a scope). */
export class AuthenticationError extends PindownError {}

/** 400, 413 and 415: the request itself is wrong; `details` says where. */
export class ValidationError extends PindownError {}

export class NotFoundError extends PindownError {}

/** 409: a stale `If-Match` version, or an idempotency key reused for another request. */
export class ConflictError extends PindownError {}

export class RateLimitError extends PindownError {
  /** Seconds to wait before trying again. */
  readonly retryAfter: number
  /** Requests counted in the current window, and the window's limit. */
  readonly used: number
  readonly limit: number

  constructor(init: ErrorInit & { retryAfter: number; used: number; limit: number }) {
    super(init)
    this.retryAfter = init.retryAfter
    this.used = init.used
    this.limit = init.limit
  }
}

const classes: Record<number, typeof PindownError> = {
  400: ValidationError,
  401: AuthenticationError,
  403: AuthenticationError,
  404: NotFoundError,
  409: ConflictError,
  413: ValidationError,
  415: ValidationError,
}

/** The error for a failed answer: its envelope's code and message, or the status when there is no envelope. */
export function errorFromResponse(status: number, body: unknown, headers: Headers): PindownError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error
  const init: ErrorInit = {
    code: typeof error?.code === 'string' ? error.code : `HTTP_${status}`,
    status,
    message: typeof error?.message === 'string' ? error.message : `The server answered ${status}`,
    details: Array.isArray(error?.details) ? (error.details as ErrorDetail[]) : undefined,
    requestId: headers.get('x-request-id') ?? undefined,
  }
  if (status === 429) {
    const limit = Number(headers.get('x-ratelimit-limit') ?? 0)
    const remaining = Number(headers.get('x-ratelimit-remaining') ?? 0)
    return new RateLimitError({
      ...init,
      retryAfter: Number(headers.get('retry-after') ?? 1),
      used: limit - remaining,
      limit,
    })
  }
  const ErrorClass = classes[status] ?? PindownError
  return new ErrorClass(init)
}
