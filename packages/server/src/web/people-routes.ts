import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../app-context.js'
import type { RateLimiter } from '../rate-limit/rate-limiter.js'
import type { ViewerAssets } from './viewer-assets.js'

export type PeopleRoutesContext = AppContext & {
  readonly assets: ViewerAssets
  /** Per-address limit of public pages. */
  readonly limiter: RateLimiter
  /** Sign-in attempts per account and per address. */
  readonly signInLimits: RateLimiter
}

/** The web app for people: sign-in, sign-up, setup, invites, home and settings. */
export async function peopleRoutes(_app: FastifyInstance, _context: PeopleRoutesContext): Promise<void> {}
