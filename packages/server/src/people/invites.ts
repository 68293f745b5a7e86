import type { InviteRecord, InviteTarget, UserRecord } from '@pindown/store'
import type { AppContext } from '../app-context.js'
import { ApiError } from '../errors.js'
import { newInviteId } from '../ids.js'
import { newToken, sha256, tokenPattern } from './secrets.js'

const dayMs = 24 * 60 * 60 * 1000
export interface SentInvite {
  readonly invite: InviteRecord
  /** The link with its token: shown once, to the person inviting, and emailed when SMTP is set up. */
  readonly url: string
  /** Whether the email went out (false without SMTP, or when the mail server refused it). */
  readonly emailed: boolean
}

export interface InviteRequest {
  readonly workspaceId: string
  readonly target: InviteTarget
  readonly email: string
  /** The user or API key sending it, and the name the email shows. */
  readonly invitedBy: { readonly id: string; readonly name: string }
  readonly message?: string | null
  /** What the invite opens, for the email: `the pin "Q3"`, `the workspace "Acme"`. */
  readonly placeName: string
}

/** Makes an invite (replacing a pending one to the same place for the same address) and emails it when it can. */
export async function sendInvite(context: AppContext, request: InviteRequest): Promise<SentInvite> {
  const token = newToken()
  const now = Date.now()
  const invite: InviteRecord = {
    id: newInviteId(),
    tokenHash: sha256(token),
    workspaceId: request.workspaceId,
    target: request.target,
    email: request.email.toLowerCase(),
    invitedBy: request.invitedBy.id,
    message: request.message ?? null,
    createdAt: now,
    expiresAt: now + context.config.inviteTtlDays * dayMs,
    acceptedAt: null,
    acceptedBy: null,
  }
  if (!(await context.store.people.createInvite(invite))) {
    throw new ApiError(
      'NOT_FOUND',
      `No pin ${request.target.kind === 'pin' ? request.target.pinId : ''}: it was deleted`,
    )
  }
  const url = `${context.publicUrl()}/invite/${token}`
  let emailed = false
  if (context.mailer) {
    try {
      await context.mailer.sendInvite({
        to: invite.email!,
        url,
        inviterName: request.invitedBy.name,
        placeName: request.placeName,
        role: request.target.role,
        message: invite.message,
        expiresAt: invite.expiresAt,
      })
      emailed = true
    } catch {
      // The invite stands; the answer carries its link, and says it was not emailed.
    }
  }
  return { invite, url, emailed }
}

/** The invite a link names, if it can still be accepted; a token no one issued is not found. */
export async function liveInvite(context: AppContext, token: string): Promise<InviteRecord> {
  const invite = tokenPattern.test(token) ? await context.store.people.findInvite(sha256(token)) : undefined
  if (!invite) throw new ApiError('NOT_FOUND', 'No such invite')
  if (invite.acceptedAt !== null || invite.expiresAt <= Date.now()) throw new ApiError('INVITE_EXPIRED')
  return invite
}

/**
 * Accepts the invite for a signed-in user: only the address it was sent to may (the setup link, sent to
 * no address, by whoever holds it). Accepting proves the address, as the link went there.
 */
export async function acceptInvite(context: AppContext, token: string, user: UserRecord): Promise<InviteRecord> {
  const invite = await liveInvite(context, token)
  if (invite.email !== null && invite.email !== user.email) throw new ApiError('INVITE_EMAIL_MISMATCH')
  const accepted = await context.store.people.acceptInvite(invite.tokenHash, user.id, Date.now())
  // Another tab accepted it a moment ago.
  if (!accepted) throw new ApiError('INVITE_EXPIRED')
  if (invite.email !== null && !user.emailVerified) {
    await context.store.people.updateUser(user.id, { emailVerified: true })
  }
  return accepted
}

/** The first owner's setup link: an invite to own the workspace, for no address in particular, valid a day. */
export async function createSetupLink(context: Pick<AppContext, 'store'>, workspaceId: string, publicUrl: string) {
  const token = newToken()
  const now = Date.now()
  await context.store.people.createInvite({
    id: newInviteId(),
    tokenHash: sha256(token),
    workspaceId,
    target: { kind: 'workspace', role: 'owner' },
    email: null,
    invitedBy: 'setup',
    message: null,
    createdAt: now,
    expiresAt: now + dayMs,
    acceptedAt: null,
    acceptedBy: null,
  })
  return `${publicUrl}/setup/${token}`
}
