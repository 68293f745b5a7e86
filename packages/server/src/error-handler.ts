import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError, type ErrorCode } from './errors.js'

/** Fastify's own request errors, mapped onto our catalogue. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_ERROR',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
}

function toApiError(error: FastifyError, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error
  const code = error.code ? fastifyCodes[error.code] : undefined
  if (code === 'INVALID_JSON') return new ApiError(code, `The request body is not valid JSON: ${error.message}`)
  if (code === 'UNSUPPORTED_MEDIA_TYPE') {
    return new ApiError(
      code,
      `Content-Type ${request.headers['content-type'] ?? '(none)'} is not supported: send application/json`,
    )
  }
  if (code) return new ApiError(code)
  if (error instanceof SyntaxError && error.statusCode === 400)
    return new ApiError('INVALID_JSON', `The request body is not valid JSON: ${error.message}`)
  return new ApiError('INTERNAL_ERROR', `Internal server error (request id ${request.id})`)
}

/** The `{ success: false, error }` envelope of an `ApiError`, with its status and headers. */
function errorEnvelope(apiError: ApiError, reply: FastifyReply) {
  reply.code(apiError.status).headers(apiError.headers)
  return { success: false, error: apiError.toJSON() }
}

/** The one place errors become the envelope. Bugs are logged, never shown. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const apiError = toApiError(error, request)
  if (apiError.code === 'INTERNAL_ERROR') request.log.error({ err: error }, 'request failed')
  return errorEnvelope(apiError, reply)
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return errorEnvelope(new ApiError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`), reply)
}
