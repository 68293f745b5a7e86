import type { InviteRecord, Store } from '@pindown/store'
import type { AppContext } from '../app-context.js'
import { ApiError } from '../errors.js'
import { liveInvite } from '../people/invites.js'
import type { AppPages } from './app-pages.js'
import type { ErrorView } from './page-errors.js'

/** The links people open: invites (`/invite/:token`) and the first owner's setup link (`/setup/:token`). */

/** A pending invite sent to an address; the setup link is not one (it has its own page). */
export async function addressedInvite(context: AppContext, token: string): Promise<InviteRecord & { email: string }> {
  const invite = await liveInvite(context, token)
  if (invite.email === null) throw new ApiError('NOT_FOUND', 'No such invite')
  return invite as InviteRecord & { email: string }
}

/** A pending setup link: to own a workspace, for whoever holds it. */
export async function setupInvite(context: AppContext, token: string): Promise<InviteRecord> {
  const invite = await liveInvite(context, token)
  if (invite.email !== null || invite.target.kind !== 'workspace' || invite.target.role !== 'owner') {
    throw new ApiError('NOT_FOUND', 'No such invite')
  }
  return invite
}

/** What an invite opens, as its page and email say it, and who sent it (when a person did). */
export async function inviteDetails(store: Store, invite: InviteRecord) {
  let placeName: string
  if (invite.target.kind === 'pin') {
    const pin = await store.getPin(invite.workspaceId, invite.target.pinId)
    placeName = pin ? `the pin “${pin.title}”` : 'a pin'
  } else {
    const workspace = await store.getWorkspace(invite.workspaceId)
    placeName = `the workspace “${workspace?.name ?? invite.workspaceId}”`
  }
  const inviter = invite.invitedBy.startsWith('usr_') ? await store.people.getUser(invite.invitedBy) : undefined
  return { placeName, inviterName: inviter?.name }
}

/** Where an accepted invite leads: its pin, or the home page of the workspace. */
export const invitedPlace = (invite: InviteRecord) =>
  invite.target.kind === 'pin' ? `/share/pin/${invite.target.pinId}` : '/'

const linkMessages: Record<string, [string, string]> = {
  NOT_FOUND: [
    'Invite not found',
    'This link is not valid. Check that you copied all of it, or ask the person who invited you for a new one.',
  ],
  INVITE_EXPIRED: [
    'Link used or expired',
    'This link has already been used, or it has expired. Ask the person who invited you for a new one.',
  ],
}

/**
 * The page of a link that cannot be used: the same for every unknown token, so it tells nothing about
 * which tokens exist. Other errors show as `otherwise` shows them.
 */
export function linkErrorView(pages: AppPages, otherwise: ErrorView = pages.messageView): ErrorView {
  return (request, reply, error) => {
    const known = linkMessages[error.code]
    return known ? pages.messagePage(request, reply, ...known) : otherwise(request, reply, error)
  }
}
