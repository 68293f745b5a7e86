import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify'
import { signInWithPassword, signUp } from '../people/accounts.js'
import { localPath } from '../people/local-path.js'
import { registrationClosedPage, setupPage, signInPage, signUpPage } from './account-pages.js'
import { type AppPages, queryValue } from './app-pages.js'
import type { FormProblem } from './form-fields.js'
import { addressedInvite, inviteDetails, invitedPlace, linkErrorView, setupInvite } from './invite-links.js'
import { type ErrorView, formProblem, formValues } from './page-errors.js'
import type { PeopleRoutesContext } from './people-routes.js'

/** Sign-in, sign-up, sign-out and the first owner's setup link. */
export function accountRoutes(
  app: FastifyInstance,
  context: PeopleRoutesContext,
  pages: AppPages,
  posted: preHandlerHookHandler[],
): void {
  const { config, store } = context
  const providers = [
    ...(config.oidcIssuer ? [{ name: config.oidcName, path: '/auth/oidc' }] : []),
    ...(config.githubClientId ? [{ name: 'GitHub', path: '/auth/github' }] : []),
  ]

  const signInForm = (reply: FastifyReply, values: Record<string, string>, problem?: FormProblem) =>
    signInPage({
      csrf: reply.generateCsrf(),
      email: values.email,
      next: localPath(values.next),
      problem,
      providers,
      signUp: config.registration === 'open',
    })

  app.get('/sign-in', async (request, reply) => {
    const next = localPath(queryValue(request, 'next'))
    if (await context.sessions.current(request)) return reply.redirect(next, 303)
    return pages.show(reply, 200, signInForm(reply, { next }))
  })

  const signInError: ErrorView = (request, reply, error) => {
    const values = formValues(request)
    return pages.render(
      signInForm(reply, values, formProblem(error, ['email', 'password'], { INVALID_CREDENTIALS: 'password' })),
    )
  }
  app.post('/sign-in', { preHandler: posted, config: { errorView: signInError } }, async (request, reply) => {
    const values = formValues(request)
    await signInWithPassword(context, context.signInLimits, request, reply, {
      email: values.email ?? '',
      password: values.password ?? '',
    })
    return reply.redirect(localPath(values.next), 303)
  })

  /** The sign-up form, for an invite or (with open registration) anyone. */
  async function signUpForm(reply: FastifyReply, values: Record<string, string>, problem?: FormProblem) {
    const token = values.invite || undefined
    const invite = token === undefined ? undefined : await addressedInvite(context, token)
    if (!invite && config.registration !== 'open') return undefined
    const details = invite && (await inviteDetails(store, invite))
    return signUpPage({
      csrf: reply.generateCsrf(),
      values,
      invitedEmail: invite?.email,
      problem,
      ...(invite && token && details && { invite: { token, placeName: details.placeName } }),
    })
  }

  app.get('/sign-up', { config: { errorView: linkErrorView(pages) } }, async (request, reply) => {
    const page = await signUpForm(reply, { invite: queryValue(request, 'invite') ?? '' })
    return page ? pages.show(reply, 200, page) : pages.show(reply, 403, registrationClosedPage())
  })

  const signUpError = linkErrorView(pages, async (request, reply, error) => {
    if (error.code === 'REGISTRATION_CLOSED') return pages.render(registrationClosedPage())
    const problem = formProblem(error, newAccountFields, { EMAIL_TAKEN: 'email', INVITE_EMAIL_MISMATCH: 'email' })
    // The invite may have gone meanwhile: then the error alone is shown.
    const page = await signUpForm(reply, formValues(request), problem).catch(() => null)
    if (page === null) return pages.messageView(request, reply, error)
    return pages.render(page ?? registrationClosedPage())
  })
  app.post('/sign-up', { preHandler: posted, config: { errorView: signUpError } }, async (request, reply) => {
    const values = formValues(request)
    const token = values.invite || undefined
    const invite = token === undefined ? undefined : await addressedInvite(context, token)
    await signUp(context, request, reply, account(values), token)
    // With an invite, the new account has accepted it already.
    return reply.redirect(invite ? invitedPlace(invite) : '/', 303)
  })

  app.post('/sign-out', { preHandler: posted }, async (request, reply) => {
    await context.sessions.end(request, reply)
    const next = localPath(formValues(request).next)
    return reply.redirect(next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`, 303)
  })

  async function setupForm(
    request: FastifyRequest<{ Params: { token: string } }>,
    reply: FastifyReply,
    values: Record<string, string>,
    problem?: FormProblem,
  ) {
    const { token } = request.params
    const invite = await setupInvite(context, token)
    const workspace = await store.getWorkspace(invite.workspaceId)
    return setupPage({
      csrf: reply.generateCsrf(),
      action: `/setup/${token}`,
      values,
      problem,
      workspaceName: workspace?.name ?? invite.workspaceId,
    })
  }

  app.get<{ Params: { token: string } }>(
    '/setup/:token',
    { config: { errorView: linkErrorView(pages) } },
    async (request, reply) => pages.show(reply, 200, await setupForm(request, reply, {})),
  )

  const setupError = linkErrorView(pages, async (request, reply, error) =>
    pages.render(
      await setupForm(
        request as FastifyRequest<{ Params: { token: string } }>,
        reply,
        formValues(request),
        formProblem(error, newAccountFields),
      ),
    ),
  )
  app.post<{ Params: { token: string } }>(
    '/setup/:token',
    { preHandler: posted, config: { errorView: setupError } },
    async (request, reply) => {
      await setupInvite(context, request.params.token)
      await signUp(context, request, reply, account(formValues(request)), request.params.token)
      return reply.redirect('/', 303)
    },
  )
}

const newAccountFields = ['name', 'email', 'password']

const account = (values: Record<string, string>) => ({
  email: values.email ?? '',
  name: values.name ?? '',
  password: values.password ?? '',
})
