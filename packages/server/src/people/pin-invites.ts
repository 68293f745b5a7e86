import type { InviteRole } from '@pindown/pin-types'
import type { ApiKeyRecord, PinRecord } from '@pindown/store'
import type { AppContext } from '../app-context.js'
import { ApiError } from '../errors.js'
import { sendInvite } from './invites.js'

/** Invites a person to a pin: the link is emailed when SMTP is set up, and answered either way. */
export async function invitePerson(
  context: AppContext,
  pin: PinRecord,
  invite: { email: string; role: InviteRole; message?: string | undefined },
  invitedBy: { id: string; name: string },
) {
  return sendInvite(context, {
    workspaceId: pin.workspaceId,
    target: { kind: 'pin', pinId: pin.id, role: invite.role },
    email: invite.email,
    invitedBy,
    message: invite.message ?? null,
    placeName: `the pin "${pin.title}"`,
  })
}

/**
 * `pending_invites` become invites to the pin: each entry that is new, or whose role changed, since the
 * previous version (so an agent rewriting the same pin every minute does not mail anyone twice).
 */
export async function invitePending(
  context: AppContext,
  key: ApiKeyRecord,
  previous: PinRecord | undefined,
  pin: PinRecord,
): Promise<void> {
  for (const [email, role] of Object.entries(pin.pendingInvites)) {
    if (previous?.pendingInvites[email] === role) continue
    try {
      await invitePerson(context, pin, { email, role }, { id: key.id, name: key.name })
    } catch (error) {
      // Deleted by another request since this write: there is no pin left to invite anyone to.
      if (error instanceof ApiError && error.code === 'NOT_FOUND') return
      throw error
    }
  }
}
