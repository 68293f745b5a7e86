import * as client from 'openid-client'
import { type Config, ConfigError } from '../config.js'
import { codeChallenge, providerFailure, type SsoFlow, type SsoProfile, type SsoProvider } from './sso.js'

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost'])
/** Seconds any request to the provider may take, so a provider that hangs gets a 502 page, not a hung tab. */
const timeout = 10

/** The issuer's URL; only https, but for a provider on this machine. */
function issuerUrl(issuer: string): URL {
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    throw new ConfigError(`OIDC_ISSUER=${issuer}: must be a URL such as https://accounts.google.com`)
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname))) return url
  throw new ConfigError(`OIDC_ISSUER=${issuer}: must be https (http only for 127.0.0.1, ::1 or localhost)`)
}

/** Sign-in through an OpenID Connect provider (`OIDC_ISSUER`); undefined when none is set up. */
export function oidcProvider(config: Config): SsoProvider | undefined {
  if (!config.oidcIssuer) return undefined
  if (!config.oidcClientId) throw new ConfigError('OIDC_CLIENT_ID must be set with OIDC_ISSUER')
  const issuer = issuerUrl(config.oidcIssuer)
  const label = config.oidcName
  // Plain http would let anyone on the path read codes and forge ID tokens, so openid-client refuses it;
  // a provider on this machine (a local Keycloak, the tests' provider) has no path to listen on.
  const insecure = issuer.protocol === 'http:'
  // Without a secret this server is a public client, and PKCE alone protects the code.
  const auth = config.oidcClientSecret ? client.ClientSecretBasic(config.oidcClientSecret) : client.None()

  // Discovered on first use (a provider that is down must not stop the server starting), then kept;
  // a failed discovery is forgotten, so the next sign-in tries again.
  let discovered: Promise<client.Configuration> | undefined
  const configuration = () => {
    discovered ??= client
      .discovery(issuer, config.oidcClientId, undefined, auth, {
        execute: insecure ? [client.allowInsecureRequests] : [],
        timeout,
      })
      .catch((error: unknown) => {
        discovered = undefined
        throw providerFailure(error, label)
      })
    return discovered
  }

  return {
    id: 'oidc',
    label,
    identity: `oidc:${config.oidcIssuer}`,
    async authorizationUrl(flow: SsoFlow, redirectUri: string) {
      return client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state: flow.state,
        nonce: flow.nonce ?? '',
        code_challenge: await codeChallenge(flow),
        code_challenge_method: 'S256',
      })
    },
    async profile(callbackUrl: URL, flow: SsoFlow): Promise<SsoProfile> {
      const oidc = await configuration()
      try {
        const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce ?? '',
          idTokenExpected: true,
        })
        const idToken = tokens.claims()!
        // Many providers put email and name only in the userinfo answer, not in the ID token.
        const needsUserInfo = idToken.email === undefined && oidc.serverMetadata().userinfo_endpoint !== undefined
        const claims = needsUserInfo
          ? { ...(await client.fetchUserInfo(oidc, tokens.access_token, idToken.sub)), ...idToken }
          : idToken
        return {
          subject: idToken.sub,
          email: typeof claims.email === 'string' ? claims.email : undefined,
          emailVerified: claims.email_verified === true,
          name: typeof claims.name === 'string' ? claims.name : undefined,
        }
      } catch (error) {
        throw providerFailure(error, label)
      }
    },
  }
}
