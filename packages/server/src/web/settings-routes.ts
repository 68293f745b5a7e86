import { isPinTypeId } from '@pindown/pin-types'
import type { FastifyInstance } from 'fastify'
import { accountSettingsPage } from './account-settings-page.js'
import { type AppPages, queryValue, signInFirst } from './app-pages.js'
import { homePage, pinsPerPage } from './home-page.js'
import type { PeopleRoutesContext } from './people-routes.js'
import { ownersOnlyPage, workspaceSettingsPage } from './workspace-settings-page.js'

/** Deep pages cost the store a long scan; nobody pages this far by hand. */
const maxPage = 1000

/** The signed-in pages: home (the pins one can see), account settings, workspace settings. */
export function settingsRoutes(app: FastifyInstance, context: PeopleRoutesContext, pages: AppPages): void {
  const { store } = context

  app.get('/', async (request, reply) => {
    const visitor = await pages.visitor(request)
    if (!visitor) return signInFirst(reply, '/')
    const q = (queryValue(request, 'q') ?? '').trim().slice(0, 200)
    const wanted = queryValue(request, 'pin_type') ?? ''
    const pinType = isPinTypeId(wanted) ? wanted : ''
    const page = Math.min(maxPage, Math.max(1, Math.floor(Number(queryValue(request, 'page'))) || 1))
    const userId = visitor.signedIn.user.id
    const [list, memberships] = await Promise.all([
      store.people.listVisiblePins(userId, {
        limit: pinsPerPage,
        offset: (page - 1) * pinsPerPage,
        ...(pinType && { pinType }),
        ...(q && { q }),
      }),
      store.people.memberships(userId),
    ])
    const own = new Set(memberships.map((m) => m.workspaceId))
    const pins = list.items.map((pin) => ({
      id: pin.id,
      title: pin.title,
      pinType: pin.pinType,
      updatedAt: pin.updatedAt,
      shared: !own.has(pin.workspaceId),
    }))
    const nav = { ...visitor.nav, current: 'home' } as const
    const view = { pins, total: list.total, hasMore: list.hasMore, page, q, pinType, nav, csrf: reply.generateCsrf() }
    return pages.show(reply, 200, homePage(view))
  })

  app.get('/settings/account', async (request, reply) => {
    const visitor = await pages.visitor(request)
    if (!visitor) return signInFirst(reply, '/settings/account')
    const { user, session } = visitor.signedIn
    const sessions = await store.people.listSessions(user.id, Date.now())
    const page = accountSettingsPage({
      name: user.name,
      email: user.email,
      hasPassword: user.passwordHash !== null,
      sessions,
      currentSessionId: session.id,
      nav: { ...visitor.nav, current: 'account' },
      csrf: reply.generateCsrf(),
    })
    return pages.show(reply, 200, page)
  })

  app.get('/settings/workspace', async (request, reply) => {
    const visitor = await pages.visitor(request)
    if (!visitor) return signInFirst(reply, '/settings/workspace')
    if (!visitor.owner || visitor.workspaceId === undefined) {
      return pages.show(reply, 403, ownersOnlyPage(visitor.nav, reply.generateCsrf()))
    }
    const workspaceId = visitor.workspaceId
    const [workspace, members, invites, keys] = await Promise.all([
      store.getWorkspace(workspaceId),
      store.people.listMembers(workspaceId),
      store.people.listInvites(workspaceId, null, Date.now()),
      store.listApiKeys(workspaceId),
    ])
    const page = workspaceSettingsPage({
      name: workspace?.name ?? workspaceId,
      members,
      // The setup link is no one's invite: it is not listed.
      invites: invites.filter((invite) => invite.email !== null),
      keys,
      emails: context.mailer !== undefined,
      nav: { ...visitor.nav, current: 'workspace' },
      csrf: reply.generateCsrf(),
    })
    return pages.show(reply, 200, page)
  })
}
