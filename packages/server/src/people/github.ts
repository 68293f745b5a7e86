import * as client from 'openid-client'
import type { Config } from '../config.js'
import { codeChallenge, providerFailure, type SsoFlow, type SsoProfile, type SsoProvider } from './sso.js'

const label = 'GitHub'
const api = 'https://api.github.com'

/** GitHub is OAuth 2.0 without OpenID Connect: no discovery, no ID token; who signed in comes from its API. */
const server: client.ServerMetadata = {
  issuer: 'https://github.com',
  authorization_endpoint: 'https://github.com/login/oauth/authorize',
  token_endpoint: 'https://github.com/login/oauth/access_token',
}

interface GitHubUser {
  readonly id: number
  readonly login: string
  readonly name: string | null
}

interface GitHubEmail {
  readonly email: string
  readonly primary: boolean
  readonly verified: boolean
}

/** Sign-in with a GitHub OAuth app (`GITHUB_CLIENT_ID`); undefined when none is set up. */
export function githubProvider(config: Config): SsoProvider | undefined {
  if (!config.githubClientId) return undefined
  const github = new client.Configuration(server, config.githubClientId, config.githubClientSecret)
  github.timeout = 10

  async function get<T>(accessToken: string, path: string): Promise<T> {
    const headers = new Headers({ accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' })
    const response = await client.fetchProtectedResource(github, accessToken, new URL(path, api), 'GET', null, headers)
    if (!response.ok) throw new Error(`GET ${path} answered HTTP ${response.status}`)
    return (await response.json()) as T
  }

  return {
    id: 'github',
    label,
    identity: 'github',
    async authorizationUrl(flow: SsoFlow, redirectUri: string) {
      return client.buildAuthorizationUrl(github, {
        redirect_uri: redirectUri,
        scope: 'user:email',
        state: flow.state,
        code_challenge: await codeChallenge(flow),
        code_challenge_method: 'S256',
      })
    },
    async profile(callbackUrl: URL, flow: SsoFlow): Promise<SsoProfile> {
      try {
        const tokens = await client.authorizationCodeGrant(github, callbackUrl, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
        })
        const [user, emails] = await Promise.all([
          get<GitHubUser>(tokens.access_token, '/user'),
          get<GitHubEmail[]>(tokens.access_token, '/user/emails'),
        ])
        const primary = emails.find((email) => email.primary)
        return {
          // The numeric id: a login can be renamed, and then taken by someone else.
          subject: String(user.id),
          email: primary?.email,
          emailVerified: primary?.verified === true,
          name: user.name || user.login,
        }
      } catch (error) {
        throw providerFailure(error, label)
      }
    },
  }
}
