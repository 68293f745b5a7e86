import fastifyFormbody from '@fastify/formbody'
import type { FastifyInstance, preHandlerHookHandler } from 'fastify'
import type { AppContext } from '../app-context.js'
import { countPublic } from '../hooks.js'
import { checkOrigin } from '../people/csrf.js'
import type { RateLimiter } from '../rate-limit/rate-limiter.js'
import { refuseNul } from '../validation.js'
import { accountRoutes } from './account-routes.js'
import { appPages } from './app-pages.js'
import { inviteRoutes } from './invite-routes.js'
import { pageErrorHandler } from './page-errors.js'
import { settingsRoutes } from './settings-routes.js'
import type { ViewerAssets } from './viewer-assets.js'

export type PeopleRoutesContext = AppContext & {
  readonly assets: ViewerAssets
  /** Per-address limit of public pages. */
  readonly limiter: RateLimiter
  /** Sign-in attempts per account and per address. */
  readonly signInLimits: RateLimiter
}

/**
 * The web app for people: sign-in, sign-up, setup, invites, home and settings. Its forms post
 * `application/x-www-form-urlencoded` bodies (parsed here only), each checked for its Origin and its CSRF
 * token; its errors are pages, not JSON.
 */
export async function peopleRoutes(app: FastifyInstance, context: PeopleRoutesContext): Promise<void> {
  await app.register(fastifyFormbody)
  app.addHook('onRequest', countPublic(context.limiter))
  app.addHook('preValidation', async (request) => {
    refuseNul(request.params)
    refuseNul(request.query)
    refuseNul(request.body)
  })
  const pages = appPages(context)
  app.setErrorHandler(pageErrorHandler(pages.messageView))
  // Origin first: a change from another site is refused before its token is even read.
  const sameOrigin: preHandlerHookHandler = async (request) => checkOrigin(request, context.config.publicUrl)
  const posted = [sameOrigin, app.csrfProtection]

  accountRoutes(app, context, pages, posted)
  inviteRoutes(app, context, pages, posted)
  settingsRoutes(app, context, pages)
}
