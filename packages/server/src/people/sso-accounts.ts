import type { InviteRecord, UserRecord } from '@pindown/store'
import type { AppContext } from '../app-context.js'
import { ApiError } from '../errors.js'
import { newUserId, newWorkspaceId } from '../ids.js'
import { liveInvite } from './invites.js'
import { SignInRefused, type SsoProfile, type SsoProvider } from './sso.js'

/**
 * The account a provider's sign-in opens: the one already linked to it; else the account with its
 * email, linked only when the provider vouches for the address; else a new account, when registration
 * is open or `next` is an invite to this (verified) address.
 */
export async function accountFor(
  context: AppContext,
  provider: SsoProvider,
  profile: SsoProfile,
  next: string,
): Promise<UserRecord> {
  const people = context.store.people
  const linked = await linkedUser(context, provider, profile)
  if (linked) return linked
  const email = profile.email?.trim().toLowerCase()
  if (!email) {
    throw new SignInRefused(
      403,
      'No email address',
      `Your ${provider.label} account has no email address to sign in with. Add one there, then try again.`,
    )
  }
  const existing = await people.findUserByEmail(email)
  if (existing) {
    if (!profile.emailVerified) {
      const [title, how] =
        existing.passwordHash === null
          ? ['Sign in as before', 'the way you signed in before']
          : ['Sign in with your password first', 'your password']
      throw new SignInRefused(
        403,
        title,
        `An account with ${email} already exists here, and ${provider.label} does not say this address is verified, so the two cannot be joined. Sign in with ${how} instead.`,
      )
    }
    if (!existing.emailVerified) await people.updateUser(existing.id, { emailVerified: true })
    return link(context, provider, profile, { ...existing, emailVerified: true })
  }
  return link(context, provider, profile, await newAccount(context, provider, profile, email, next))
}

async function linkedUser(context: AppContext, provider: SsoProvider, profile: SsoProfile) {
  const identity = await context.store.people.findIdentity(provider.identity, profile.subject)
  return identity && context.store.people.getUser(identity.userId)
}

/** Links the provider's account to the user; when another sign-in linked it a moment ago, that one wins. */
async function link(context: AppContext, provider: SsoProvider, profile: SsoProfile, user: UserRecord) {
  const identity = { provider: provider.identity, subject: profile.subject, userId: user.id, createdAt: Date.now() }
  if (await context.store.people.linkIdentity(identity)) return user
  return (await linkedUser(context, provider, profile)) ?? user
}

/** A new account without a password, like `signUp`'s: its own workspace, unless an invite brings it in. */
async function newAccount(
  context: AppContext,
  provider: SsoProvider,
  profile: SsoProfile,
  email: string,
  next: string,
): Promise<UserRecord> {
  const invite = await inviteIn(context, next)
  if (invite?.email === email && !profile.emailVerified) {
    throw new SignInRefused(
      403,
      'Email not verified',
      `${provider.label} does not say ${email} is verified. Verify it there, or accept the invite with a password.`,
    )
  }
  const invited = invite !== undefined && invite.email === email
  if (!invited) {
    const message = invite
      ? `This invite is for another email address than ${email}, the one your ${provider.label} account has.`
      : 'This server takes new accounts by invite only. Ask its owner for an invite, then open its link.'
    if (context.config.registration !== 'open') throw new SignInRefused(403, 'Ask for an invite', message)
  }
  const user: UserRecord = {
    id: newUserId(),
    email,
    name: profile.name?.trim().slice(0, 100) || email.split('@')[0]!,
    passwordHash: null,
    emailVerified: profile.emailVerified,
    createdAt: Date.now(),
  }
  let membership: { workspaceId: string; role: 'owner' } | undefined
  if (!invited) {
    membership = { workspaceId: newWorkspaceId(), role: 'owner' }
    const workspace = { id: membership.workspaceId, name: `${user.name}'s workspace`, createdAt: user.createdAt }
    await context.store.createWorkspace(workspace)
  }
  if (!(await context.store.people.createUser(user, membership))) {
    throw new SignInRefused(409, 'Try again', `An account with ${email} was created a moment ago. Sign in again.`)
  }
  return user
}

/** The live invite `next` leads to (`/invite/<token>`), if any; a dead one is said so. */
async function inviteIn(context: AppContext, next: string): Promise<InviteRecord | undefined> {
  const token = /^\/invite\/([0-9A-Za-z]+)$/.exec(next)?.[1]
  if (!token) return undefined
  try {
    return await liveInvite(context, token)
  } catch (error) {
    if (error instanceof ApiError) throw new SignInRefused(403, 'Invite not valid', error.message)
    throw error
  }
}
