import type { FastifyInstance, preHandlerHookHandler } from 'fastify'
import { acceptInvite } from '../people/invites.js'
import { type AppPages, signInFirst } from './app-pages.js'
import { addressedInvite, inviteDetails, invitedPlace, linkErrorView } from './invite-links.js'
import { invitePage } from './invite-page.js'
import type { PeopleRoutesContext } from './people-routes.js'

type Token = { Params: { token: string } }

/**
 * An invite's page, and accepting it. Opening the link only shows what it is for: mail scanners open
 * links, so acceptance is a posted form, by the person it was sent to.
 */
export function inviteRoutes(
  app: FastifyInstance,
  context: PeopleRoutesContext,
  pages: AppPages,
  posted: preHandlerHookHandler[],
): void {
  const errorView = linkErrorView(pages)

  app.get<Token>('/invite/:token', { config: { errorView } }, async (request, reply) => {
    const { token } = request.params
    const invite = await addressedInvite(context, token)
    const [details, visitor] = await Promise.all([inviteDetails(context.store, invite), pages.visitor(request)])
    const page = invitePage({
      token,
      ...details,
      role: invite.target.role,
      message: invite.message,
      email: invite.email,
      ...(visitor && {
        signedIn: { email: visitor.signedIn.user.email, nav: visitor.nav, csrf: reply.generateCsrf() },
      }),
    })
    return pages.show(reply, 200, page)
  })

  app.post<Token>('/invite/:token/accept', { preHandler: posted, config: { errorView } }, async (request, reply) => {
    const { token } = request.params
    const signedIn = await context.sessions.current(request)
    if (!signedIn) return signInFirst(reply, `/invite/${token}`)
    await addressedInvite(context, token)
    const invite = await acceptInvite(context, token, signedIn.user)
    return reply.redirect(invitedPlace(invite), 303)
  })
}
