import type { Socket } from 'node:net'
import { IdempotencyKeyTaken } from '@pindown/store'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError, type ErrorCode } from './errors.js'
import { answeredMeanwhile } from './idempotency.js'

/** Fastify's own request errors, mapped onto our catalogue. Messages are ours: none echoes the input. */
const fastifyErrors: Record<string, [ErrorCode, string?]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['VALIDATION_ERROR', 'The Content-Length header does not match the body'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['INVALID_JSON', 'The request body is not valid JSON: it is empty'],
  FST_ERR_BAD_URL: ['VALIDATION_ERROR', 'The URL is not valid: a %-escape does not decode to UTF-8'],
  FST_ERR_MAX_PARAM_LENGTH: ['URL_TOO_LONG', 'A part of the URL path is longer than 100 characters'],
  FST_CSRF_INVALID_TOKEN: ['CSRF_FAILED'],
  FST_CSRF_MISSING_SECRET: ['CSRF_FAILED'],
  FST_ERR_ASYNC_CONSTRAINT: ['VALIDATION_ERROR', 'The request matches no route'],
}

function toApiError(error: FastifyError, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error
  if (error instanceof IdempotencyKeyTaken) return answeredMeanwhile()
  const known = error.code ? fastifyErrors[error.code] : undefined
  if (known) return new ApiError(known[0], known[1])
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error instanceof SyntaxError && error.statusCode === 400)) {
    return new ApiError('INVALID_JSON', `The request body is not valid JSON: ${error.message.slice(0, 200)}`)
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const type = (request.headers['content-type'] ?? '(none)').slice(0, 100)
    return new ApiError('UNSUPPORTED_MEDIA_TYPE', `Content-Type ${type} is not supported: send application/json`)
  }
  // Plugins' client errors (a static file outside the assets, say): what is not there is not found.
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return noRoute(request)
  return new ApiError('INTERNAL_ERROR', `Internal server error (request id ${request.id})`)
}

const noRoute = (request: FastifyRequest) =>
  new ApiError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)

/** The `{ success: false, error }` envelope of an `ApiError`, with its status and headers. */
function errorEnvelope(apiError: ApiError, reply: FastifyReply) {
  reply.code(apiError.status).headers(apiError.headers)
  return { success: false, error: apiError.toJSON() }
}

/** The one place errors become the envelope. Bugs are logged at error level, the rest at info; none is shown. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const apiError = toApiError(error, request)
  if (apiError.code === 'INTERNAL_ERROR') request.log.error({ err: error }, 'request failed')
  else if (!(error instanceof ApiError)) request.log.info({ code: error.code }, 'client error')
  return errorEnvelope(apiError, reply)
}

/** Errors Fastify meets before any route runs (a bad %-escape, a path segment too long). */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.send(errorHandler(error, request, reply))
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return errorEnvelope(noRoute(request), reply)
}

/** Node's HTTP parser refusing a request (headers too large, a malformed request): the envelope, on the socket. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const apiError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ApiError('HEADERS_TOO_LARGE', 'The request line and headers are over 16 KB')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new ApiError('REQUEST_TIMEOUT')
        : new ApiError('VALIDATION_ERROR', 'The request is not valid HTTP/1.1')
  const body = JSON.stringify({ success: false, error: apiError.toJSON() })
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${apiError.status} ${apiError.code}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `X-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}
