import fastifyCsrf from '@fastify/csrf-protection'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ApiError } from '../errors.js'

const tokenHeader = 'x-csrf-token'

/**
 * CSRF tokens for cookie-authenticated changes (`@fastify/csrf-protection`): a secret in its own
 * `HttpOnly` cookie, and tokens made from it that pages send back in the `X-CSRF-Token` header or a
 * `_csrf` form field. Behind https the cookie is `__Host-` named, so a sibling subdomain cannot plant one.
 */
export async function registerCsrf(app: FastifyInstance, secure: boolean): Promise<void> {
  await app.register(fastifyCsrf, {
    cookieKey: secure ? '__Host-pindown_csrf' : 'pindown_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure },
    getToken: (request) => {
      const header = request.headers[tokenHeader]
      if (typeof header === 'string') return header
      const body = request.body as { _csrf?: unknown } | undefined
      return typeof body?._csrf === 'string' ? body._csrf : undefined
    },
  })
}

/**
 * The other half of the CSRF check: a change must come from this site's own pages. Browsers send `Origin`
 * with every POST, PUT and DELETE; without it, `Sec-Fetch-Site` must say same-origin.
 */
export function checkOrigin(request: FastifyRequest, publicUrl: string): void {
  const own = publicUrl ? new URL(publicUrl).origin : `${request.protocol}://${request.host}`
  const origin = request.headers.origin
  const ok = origin !== undefined ? origin === own : request.headers['sec-fetch-site'] === 'same-origin'
  if (!ok) {
    throw new ApiError('CSRF_FAILED', `Changes are accepted only from pages of ${own}`, [
      { path: 'Origin', message: `Must be ${own}` },
    ])
  }
}
