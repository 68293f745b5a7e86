import type { FastifyReply, FastifyRequest } from 'fastify'
import { hasRole, homeMembership } from '../people/access.js'
import type { SignedIn } from '../people/sessions.js'
import { type AppPage, appDocument, messageMain, type Nav, sendPage } from './app-layout.js'
import type { ErrorView } from './page-errors.js'
import type { PeopleRoutesContext } from './people-routes.js'

/** Who is looking at a page: their session, and the header their pages show. */
export interface Visitor {
  readonly signedIn: SignedIn
  readonly nav: Nav
  readonly owner: boolean
  readonly workspaceId: string | undefined
}

const titles: Record<string, string> = {
  NOT_FOUND: 'Not found',
  INVITE_EXPIRED: 'Link no longer valid',
  INVITE_EMAIL_MISMATCH: 'Invite for another address',
  RATE_LIMITED: 'Too many requests',
  CSRF_FAILED: 'Request refused',
  ROLE_REQUIRED: 'Not allowed',
  REGISTRATION_CLOSED: 'Sign-up is by invite only',
  SIGN_IN_REQUIRED: 'Sign in required',
  INTERNAL_ERROR: 'Something went wrong',
}

/** What every web app route uses: the visitor, sending a page, the page of an error. */
export function appPages(context: PeopleRoutesContext) {
  async function visitor(request: FastifyRequest): Promise<Visitor | undefined> {
    const signedIn = await context.sessions.current(request)
    if (!signedIn) return undefined
    const member = await homeMembership(context.store, signedIn.user.id)
    const owner = member !== undefined && hasRole(member.role, 'owner')
    return { signedIn, nav: { owner }, owner, workspaceId: member?.workspaceId }
  }

  const render = (page: AppPage) => appDocument(page, context.assets)
  const show = (reply: FastifyReply, status: number, page: AppPage) => sendPage(reply, status, render(page))

  /** A page that only says what went wrong; with the header when signed in (a token only then, so it is the same page for everyone signed out). */
  const messagePage = async (request: FastifyRequest, reply: FastifyReply, title: string, message: string) => {
    const who = await visitor(request).catch(() => undefined)
    const page: AppPage = { title, main: messageMain(title, message) }
    return render(who ? { ...page, nav: who.nav, csrf: reply.generateCsrf() } : page)
  }

  const messageView: ErrorView = (request, reply, error) =>
    messagePage(request, reply, titles[error.code] ?? 'Request failed', error.message)

  return { visitor, render, show, messagePage, messageView }
}

export type AppPages = ReturnType<typeof appPages>

/** A query parameter given once, or the first of several. */
export function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, string | string[] | undefined>)[name]
  return Array.isArray(value) ? value[0] : value
}

/** Where signed-out visitors of a page are sent: sign-in, then back. */
export const signInFirst = (reply: FastifyReply, path: string) =>
  reply.redirect(`/sign-in?next=${encodeURIComponent(path)}`, 303)
