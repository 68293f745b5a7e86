import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { countPublic } from '../hooks.js'
import { githubProvider } from '../people/github.js'
import { localPath } from '../people/local-path.js'
import { oidcProvider } from '../people/oidc.js'
import {
  newFlow,
  ProviderUnavailable,
  SignInRefused,
  type SsoProvider,
  saveFlow,
  stateMatches,
  takeFlow,
} from '../people/sso.js'
import { accountFor } from '../people/sso-accounts.js'
import { messagePage } from './html.js'
import type { PeopleRoutesContext } from './people-routes.js'
import { pageHeaders } from './security-headers.js'

type Query = Record<string, string | string[] | undefined>

/** OAuth error codes are short ASCII words; anything else is not shown back. */
const errorCodePattern = /^[\w.-]{1,64}$/

/**
 * Sign-in through an OpenID Connect provider (`/auth/oidc`) and GitHub (`/auth/github`), when configured:
 * each redirects to the provider and comes back to its `/callback`. Unconfigured ones are not found.
 */
export async function ssoRoutes(app: FastifyInstance, context: PeopleRoutesContext): Promise<void> {
  const providers = [oidcProvider(context.config), githubProvider(context.config)].filter(
    (provider): provider is SsoProvider => provider !== undefined,
  )
  const limited = { onRequest: countPublic(context.limiter) }
  const secure = context.sessions.options.secure
  // Nothing here may be cached, and the callback's URL (it holds the code) must not travel on as a Referer.
  const headers = { ...pageHeaders({ embed: false, forms: true }), 'cache-control': 'no-store' }
  const page = (reply: FastifyReply, status: number, title: string, message: string) =>
    reply
      .code(status)
      .headers(headers)
      .type('text/html; charset=utf-8')
      .send(messagePage(title, message, context.assets))

  for (const provider of providers) {
    const redirectUri = () => `${context.publicUrl()}/auth/${provider.id}/callback`

    /** A failure's page: the person's to fix (400, 403, 409), or the provider's (502, logged). */
    const failed = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
      if (error instanceof SignInRefused) return page(reply, error.status, error.title, error.message)
      if (!(error instanceof ProviderUnavailable)) throw error
      request.log.warn({ provider: provider.id, reason: error.message }, 'single sign-on provider failed')
      const message = `${provider.label} did not answer. Try again in a moment; if it keeps failing, tell the owner of this server.`
      return page(reply, 502, 'Sign-in unavailable', message)
    }

    app.get<{ Querystring: Query }>(`/auth/${provider.id}`, limited, async (request, reply) => {
      const flow = newFlow(provider, localPath(request.query.next))
      let url: URL
      try {
        url = await provider.authorizationUrl(flow, redirectUri())
      } catch (error) {
        return failed(request, reply, error)
      }
      saveFlow(reply, flow, secure)
      return reply.headers(headers).redirect(url.href, 303)
    })

    app.get<{ Querystring: Query }>(`/auth/${provider.id}/callback`, limited, async (request, reply) => {
      const flow = takeFlow(request, reply, provider.id, secure)
      const { error, state, code } = request.query
      if (typeof error === 'string') {
        const reason = errorCodePattern.test(error) ? ` (${error})` : ''
        const message = `${provider.label} did not sign you in${reason}. Go back to the sign-in page to try again.`
        return page(reply, 400, 'Sign-in cancelled', message)
      }
      if (!flow || !stateMatches(flow, state) || typeof code !== 'string') {
        const message = `This sign-in was not started in this browser, or took longer than 10 minutes. Go back to the sign-in page and start again.`
        return page(reply, 400, 'Sign-in expired', message)
      }
      // The exact redirect URI the provider was given, with the answer's parameters.
      const callbackUrl = new URL(redirectUri())
      callbackUrl.search = request.url.split('?')[1] ?? ''
      try {
        const profile = await provider.profile(callbackUrl, flow)
        const user = await accountFor(context, provider, profile, flow.next)
        await context.sessions.start(request, reply, user)
      } catch (error) {
        return failed(request, reply, error)
      }
      return reply.headers(headers).redirect(flow.next, 303)
    })
  }
}
