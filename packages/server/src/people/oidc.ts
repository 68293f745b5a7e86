import * as client from 'openid-client'
import type { Config } from '../config.js'
import { codeChallenge, providerFailure, type SsoFlow, type SsoProfile, type SsoProvider } from './sso.js'

/** Seconds any request to the provider may take, so a provider that hangs gets a 502 page, not a hung tab. */
const timeout = 10

/** Sign-in through an OpenID Connect provider (`OIDC_ISSUER`); undefined when none is set up. */
export function oidcProvider(config: Config): SsoProvider | undefined {
  if (!config.oidcIssuer) return undefined
  // `loadConfig` has checked the issuer: https, or http on this machine only.
  const issuer = new URL(config.oidcIssuer)
  const label = config.oidcName
  // openid-client refuses plain http unless told; `loadConfig` allows it only for a provider on this machine.
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
