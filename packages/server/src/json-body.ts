import { jsonShapeIssue } from '@pindown/pin-types'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ApiError, validationError } from './errors.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The bytes of a JSON body, as received (an idempotency fingerprint hashes them). */
    rawBody?: Buffer
  }
}

/** Bounds on a whole body; a pin config has tighter ones (`bounds` in pin-types). */
export const bodyShape = { depth: 10_000, items: 100_000, keys: 10_000 } as const

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** `charset=` of a Content-Type, lower-cased, if it names one. */
const charsetOf = (contentType: string | undefined) => /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]

function decode(request: FastifyRequest, body: Buffer): string {
  const encoding = request.headers['content-encoding']
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Encoding ${encoding} is not supported: send the body uncompressed`,
    )
  }
  const charset = charsetOf(request.headers['content-type'])
  if (charset !== undefined && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `charset=${charset} is not supported: send UTF-8 JSON`)
  }
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    throw new ApiError('INVALID_JSON', 'The request body is not valid JSON: it starts with a byte order mark')
  }
  try {
    return utf8.decode(body)
  } catch {
    throw new ApiError('INVALID_JSON', 'The request body is not valid JSON: it is not valid UTF-8')
  }
}

/**
 * `application/json` bodies, strictly: UTF-8 only (no BOM, no other charset, no compression), Fastify's
 * own parser for the JSON itself (which refuses `__proto__` keys), then the shape bounds of a body.
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer
    let text: string
    try {
      text = decode(request, raw)
    } catch (error) {
      return done(error as ApiError, undefined)
    }
    parseJson(request, text, (error, value) => {
      if (error) return done(error, undefined)
      const issue = jsonShapeIssue(value, bodyShape)
      if (issue) return done(validationError([issue]), undefined)
      request.rawBody = raw
      done(null, value)
    })
  })
}
