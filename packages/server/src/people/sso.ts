import { timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import * as client from 'openid-client'
import { z } from 'zod'
import { localPath } from './local-path.js'

/** Who the provider says signed in. */
export interface SsoProfile {
  /** The provider's stable id for the account (never the email, which can change). */
  readonly subject: string
  readonly email: string | undefined
  /** Only a provider's explicit yes counts. */
  readonly emailVerified: boolean
  readonly name: string | undefined
}

/** One sign-in in progress: what the callback must see again, kept in the browser's flow cookie. */
export interface SsoFlow {
  readonly provider: string
  readonly state: string
  readonly verifier: string
  /** OpenID Connect only: GitHub issues no ID token to carry it. */
  readonly nonce?: string | undefined
  /** Where to go once signed in: a path on this site. */
  readonly next: string
}

/** A sign-in provider: OpenID Connect or GitHub. */
export interface SsoProvider {
  /** The URL segment: `/auth/<id>`, `/auth/<id>/callback`. */
  readonly id: 'oidc' | 'github'
  /** What pages call it: `Sign in with <label>`. */
  readonly label: string
  /** `IdentityRecord.provider` of the accounts it links. */
  readonly identity: string
  /** The provider's sign-in page for this flow. */
  authorizationUrl(flow: SsoFlow, redirectUri: string): Promise<URL>
  /** Checks the callback (state, code, PKCE, ID token) and answers who signed in. */
  profile(callbackUrl: URL, flow: SsoFlow): Promise<SsoProfile>
}

/** The provider cannot be reached or answered nonsense: a 502 page, not a crash. */
export class ProviderUnavailable extends Error {}

/** A sign-in that cannot go on; the page shows the title and message. */
export class SignInRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 409,
    readonly title: string,
    message: string,
  ) {
    super(message)
  }
}

/** A new flow: fresh state, PKCE verifier and (for OpenID Connect) nonce. */
export function newFlow(provider: SsoProvider, next: string): SsoFlow {
  return {
    provider: provider.id,
    state: client.randomState(),
    verifier: client.randomPKCECodeVerifier(),
    ...(provider.id === 'oidc' && { nonce: client.randomNonce() }),
    next,
  }
}

/** The PKCE challenge (S256) of a flow's verifier. */
export const codeChallenge = (flow: SsoFlow) => client.calculatePKCECodeChallenge(flow.verifier)

const flowTtlSeconds = 10 * 60
const flowSchema = z.object({
  provider: z.string(),
  state: z.string().min(1),
  verifier: z.string().min(1),
  nonce: z.string().optional(),
  next: z.string(),
})

/** `__Host-` makes the browser refuse the cookie unless it is Secure, for the whole host, from https. */
const flowCookieName = (secure: boolean) => (secure ? '__Host-pindown_sso' : 'pindown_sso')

/**
 * The flow rides in a short-lived `HttpOnly` cookie. `SameSite=Lax` still sends it on the provider's
 * top-level redirect back to the callback, which is what the state check needs.
 */
export function saveFlow(reply: FastifyReply, flow: SsoFlow, secure: boolean): void {
  const value = Buffer.from(JSON.stringify(flow)).toString('base64url')
  reply.setCookie(flowCookieName(secure), value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: flowTtlSeconds,
  })
}

/** The flow this browser started with this provider, if any; the cookie is cleared either way. */
export function takeFlow(
  request: FastifyRequest,
  reply: FastifyReply,
  provider: string,
  secure: boolean,
): SsoFlow | undefined {
  const name = flowCookieName(secure)
  const raw = request.cookies[name]
  if (raw === undefined) return undefined
  reply.clearCookie(name, { path: '/', secure })
  try {
    const flow = flowSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')))
    return flow.provider === provider ? { ...flow, next: localPath(flow.next) } : undefined
  } catch {
    return undefined
  }
}

/** Whether the callback's `state` is the flow's, compared in constant time. */
export function stateMatches(flow: SsoFlow, state: unknown): boolean {
  if (typeof state !== 'string') return false
  const given = Buffer.from(state)
  const expected = Buffer.from(flow.state)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Failures that mean this one answer did not check out (a replayed code, a wrong nonce), not a broken provider. */
const answerChecks = new Set([
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  'OAUTH_AUTHORIZATION_RESPONSE_ERROR',
])

/**
 * What a failed exchange with a provider means: the person's sign-in did not check out (400, start
 * again), or the provider, or this server's setup with it, is at fault (502). Messages carry no codes
 * or tokens, so they can be logged.
 */
export function providerFailure(error: unknown, label: string): ProviderUnavailable | SignInRefused {
  if (error instanceof ProviderUnavailable || error instanceof SignInRefused) return error
  const again = 'Go back to the sign-in page and start again.'
  if (error instanceof client.ResponseBodyError) {
    if (error.error === 'invalid_grant') {
      return new SignInRefused(400, 'Sign-in expired', `${label} no longer accepts this sign-in. ${again}`)
    }
    return new ProviderUnavailable(`${label} refused this server's request: ${error.error} (HTTP ${error.status})`)
  }
  const code = (error as { code?: unknown }).code
  if (error instanceof client.AuthorizationResponseError || (typeof code === 'string' && answerChecks.has(code))) {
    return new SignInRefused(400, 'Sign-in failed', `The answer from ${label} could not be verified. ${again}`)
  }
  const cause = (error as { cause?: { code?: unknown } }).cause?.code
  const reason = [(error as Error).message, code, cause].filter((part) => typeof part === 'string').join(', ')
  return new ProviderUnavailable(`${label} did not answer as expected: ${reason}`)
}
