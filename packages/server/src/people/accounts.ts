import type { UserRecord, WorkspaceRole } from '@pindown/store'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../app-context.js'
import { ApiError, type ErrorCode, validationError } from '../errors.js'
import { newUserId, newWorkspaceId } from '../ids.js'
import { countRequest } from '../rate-limit/count-request.js'
import { MemoryRateLimiter } from '../rate-limit/memory-rate-limiter.js'
import type { RateLimiter } from '../rate-limit/rate-limiter.js'
import { acceptInvite, liveInvite } from './invites.js'
import { checkPassword, hashPassword, maxPasswordLength, minPasswordLength } from './passwords.js'
import type { SignedIn } from './sessions.js'

/** What the sign-in, sign-up, setup and invite pages answer besides what operations do (they are not in /v1). */
export const accountPageErrors: readonly ErrorCode[] = [
  'INVALID_CREDENTIALS',
  'REGISTRATION_CLOSED',
  'INVITE_EMAIL_MISMATCH',
  'INVITE_EXPIRED',
  'EMAIL_TAKEN',
  'CSRF_FAILED',
]

const emailPattern = /^[^\s@]{1,64}@[^\s@]{1,255}$/

export interface NewAccount {
  readonly email: string
  readonly name: string
  readonly password: string
}

/** The fields of a new account, checked; the issues name the form fields. */
export function checkNewAccount(account: NewAccount): NewAccount {
  const issues = []
  const email = account.email.trim().toLowerCase()
  if (!emailPattern.test(email))
    issues.push({ path: 'email', message: 'Enter an email address such as ann@example.com' })
  if (account.password.length < minPasswordLength) {
    issues.push({ path: 'password', message: `Use at least ${minPasswordLength} characters` })
  }
  if (account.password.length > maxPasswordLength) {
    issues.push({ path: 'password', message: `Use at most ${maxPasswordLength} characters` })
  }
  if (issues.length > 0) throw validationError(issues)
  return { email, name: account.name.trim().slice(0, 100) || email.split('@')[0]!, password: account.password }
}

/** Sign-in attempts, per account and per address, in 15-minute windows (guessing passwords takes many). */
export function signInLimiter(perAccount: number): RateLimiter {
  const perIp = perAccount * 3
  return new MemoryRateLimiter({
    windowMs: 15 * 60 * 1000,
    limits: {
      read: perAccount,
      'batch-read': perAccount,
      write: perAccount,
      comment: perAccount,
      public: perIp,
      'auth-failure': perIp,
      'sign-in-account': perAccount,
      'sign-in-ip': perIp,
    },
  })
}

/**
 * Email and password sign-in. Every attempt counts against the address and the account (429 with
 * `Retry-After` past either limit, before the password is even checked); a wrong email and a wrong
 * password get the same answer, in the same time.
 */
export async function signInWithPassword(
  context: AppContext,
  limiter: RateLimiter,
  request: FastifyRequest,
  reply: FastifyReply,
  credentials: { email: string; password: string },
): Promise<SignedIn> {
  const email = credentials.email.trim().toLowerCase()
  await countRequest(limiter, `ip:${request.ip}`, 'sign-in-ip', reply)
  await countRequest(limiter, `account:${email}`, 'sign-in-account', reply)
  const user = await context.store.people.findUserByEmail(email)
  if (!(await checkPassword(user?.passwordHash ?? null, credentials.password)) || !user) {
    throw new ApiError('INVALID_CREDENTIALS')
  }
  return context.sessions.start(request, reply, user)
}

/**
 * A new account, signed in. With an invite token the account takes the invite (its address must be the
 * one invited); without one, only `REGISTRATION=open` lets anyone in, each with a workspace of their own.
 */
export async function signUp(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  account: NewAccount,
  inviteToken?: string,
): Promise<SignedIn> {
  const checked = checkNewAccount(account)
  const invite = inviteToken === undefined ? undefined : await liveInvite(context, inviteToken)
  if (invite?.email && invite.email !== checked.email) throw new ApiError('INVITE_EMAIL_MISMATCH')
  if (!invite && context.config.registration !== 'open') throw new ApiError('REGISTRATION_CLOSED')
  const user: UserRecord = {
    id: newUserId(),
    email: checked.email,
    name: checked.name,
    passwordHash: await hashPassword(checked.password),
    emailVerified: false,
    createdAt: Date.now(),
  }
  let membership: { workspaceId: string; role: 'owner' } | undefined
  if (!invite) {
    membership = { workspaceId: newWorkspaceId(), role: 'owner' }
    await context.store.createWorkspace({
      id: membership.workspaceId,
      name: `${user.name}'s workspace`,
      createdAt: user.createdAt,
    })
  }
  if (!(await context.store.people.createUser(user, membership))) throw new ApiError('EMAIL_TAKEN')
  if (inviteToken !== undefined) await acceptInvite(context, inviteToken, user)
  return context.sessions.start(request, reply, (await context.store.people.getUser(user.id)) ?? user)
}

/**
 * An account with a password and a role in an existing workspace, made by the operator from the shell
 * (`pindown users create`); the address counts as verified, as the operator vouches for it.
 */
export async function createMemberAccount(
  store: AppContext['store'],
  account: NewAccount & { workspaceId: string; role: WorkspaceRole },
): Promise<UserRecord> {
  const checked = checkNewAccount(account)
  if (!(await store.getWorkspace(account.workspaceId))) throw new Error(`No workspace ${account.workspaceId}`)
  const user: UserRecord = {
    id: newUserId(),
    email: checked.email,
    name: checked.name,
    passwordHash: await hashPassword(checked.password),
    emailVerified: true,
    createdAt: Date.now(),
  }
  if (!(await store.people.createUser(user, { workspaceId: account.workspaceId, role: account.role }))) {
    throw new ApiError('EMAIL_TAKEN')
  }
  return user
}
