import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import Provider from 'oidc-provider'
import type { Browser, BrowserContext } from 'playwright-core'
import { launchBrowser } from '../../viewer/test/browser.js'
import { ConfigError } from '../src/config.js'
import { newInviteId, newUserId } from '../src/ids.js'
import { localPath } from '../src/people/local-path.js'
import { newToken, sha256 } from '../src/people/secrets.js'
import { startTestServer, type TestServer } from './harness.js'

/** The provider's test people, by the login typed on its dev login page. */
const people: Record<string, { sub: string; email: string; email_verified: boolean; name: string }> = {
  newbie: { sub: 'newbie', email: 'newbie@example.com', email_verified: true, name: 'New Bie' },
  ann: { sub: 'ann', email: 'Ann@Example.com', email_verified: true, name: 'Ann at the provider' },
  bob: { sub: 'bob', email: 'bob@example.com', email_verified: false, name: 'Bob' },
  stranger: { sub: 'stranger', email: 'stranger@example.com', email_verified: true, name: 'Stranger' },
  guest: { sub: 'guest', email: 'guest@example.com', email_verified: true, name: 'Guest' },
}
const clientSecret = 'a-client-secret-long-enough-for-the-provider'

async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

const cookieValue = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith(`${name}=`))
    ?.split(';')[0]
    ?.slice(name.length + 1)

let issuer: string
let providerServer: Server
let open: TestServer
let inviteOnly: TestServer
let browser: Browser
let logDir: string

before(async () => {
  const [openPort, invitePort] = [await freePort(), await freePort()]
  providerServer = createServer()
  await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve))
  issuer = `http://127.0.0.1:${(providerServer.address() as { port: number }).port}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'pindown',
        client_secret: clientSecret,
        redirect_uris: [openPort, invitePort].map((port) => `http://127.0.0.1:${port}/auth/oidc/callback`),
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-cookie-key'] },
    findAccount: async (_context: unknown, id: string) => {
      const claims = people[id]
      return claims && { accountId: id, claims: async () => claims }
    },
  })
  providerServer.on('request', provider.callback())

  logDir = mkdtempSync(join(tmpdir(), 'pindown-sso-log-'))
  const oidc = { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'pindown', OIDC_CLIENT_SECRET: clientSecret }
  open = await startTestServer({
    ...oidc,
    PORT: String(openPort),
    PUBLIC_URL: `http://127.0.0.1:${openPort}`,
    REGISTRATION: 'open',
    // Its log is read back: no code or state may be in it.
    LOG_LEVEL: 'info',
    LOG_FILE: join(logDir, 'open.log'),
  })
  inviteOnly = await startTestServer({
    ...oidc,
    PORT: String(invitePort),
    PUBLIC_URL: `http://127.0.0.1:${invitePort}`,
    REGISTRATION: 'invite-only',
  })
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await open?.close()
  await inviteOnly?.close()
  await new Promise((resolve) => providerServer?.close(resolve))
  rmSync(logDir, { recursive: true, force: true })
})

/**
 * Signs in through the provider's own login and consent pages in a fresh browser; answers Pindown's answer
 * to the callback and the browser context (which holds Pindown's cookies). `tamper` rewrites the callback URL.
 */
async function signIn(server: TestServer, login: string, options: { next?: string; tamper?: (url: URL) => void } = {}) {
  const context = await browser.newContext()
  const page = await context.newPage()
  if (options.tamper) {
    // Playwright's routes never see a redirect's next request, and the callback is one: Chromium's own
    // interception (CDP Fetch) does.
    const cdp = await context.newCDPSession(page)
    cdp.on('Fetch.requestPaused', ({ requestId, request }) => {
      if (request.url.startsWith('https://')) return cdp.send('Fetch.failRequest', { requestId, errorReason: 'Failed' })
      const url = new URL(request.url)
      options.tamper!(url)
      return cdp.send('Fetch.continueRequest', { requestId, url: url.href })
    })
    await cdp.send('Fetch.enable', {
      patterns: [{ urlPattern: `${server.url}/auth/oidc/callback?*` }, { urlPattern: 'https://*' }],
    })
  } else {
    // The provider's dev pages import a web font; there is no network here.
    await context.route(/^https:\/\//, (route) => route.abort())
  }
  const next = options.next === undefined ? '' : `?next=${encodeURIComponent(options.next)}`
  await page.goto(`${server.url}/auth/oidc${next}`)
  assert.ok(page.url().startsWith(`${issuer}/interaction/`), `expected the provider's login page, got ${page.url()}`)
  await page.fill('input[name=login]', login)
  await page.fill('input[name=password]', 'any password')
  await page.click('button[type=submit]')
  await page.waitForSelector('input[name=prompt][value=consent]', { state: 'attached' })
  const callback = page.waitForResponse((response) => response.url().startsWith(`${server.url}/auth/oidc/callback`))
  await page.click('button[type=submit]')
  const answer = await callback
  await page.waitForLoadState()
  return { answer, context, page }
}

/** Pindown's `/v1/me` with the browser's cookies. */
async function me(context: BrowserContext, server: TestServer) {
  const response = await context.request.get(`${server.url}/v1/me`)
  // biome-ignore lint/suspicious/noExplicitAny: the envelope, read loosely
  return { status: response.status(), body: (await response.json()) as any }
}

async function createPasswordAccount(server: TestServer, email: string) {
  const store = server.server.store
  const user = {
    id: newUserId(),
    email,
    name: 'Ann',
    passwordHash: 'argon2-hash',
    emailVerified: false,
    createdAt: Date.now(),
  }
  const workspaceId = (await server.newKey()).workspaceId
  assert.ok(await store.people.createUser(user, { workspaceId, role: 'owner' }))
  return user
}

describe('OpenID Connect', () => {
  test('a new person signs up with open registration, gets a workspace and lands on next', async () => {
    const { answer, context } = await signIn(open, 'newbie', { next: '/pins?view=list' })
    assert.equal(answer.status(), 303)
    assert.equal(answer.headers().location, '/pins?view=list')
    assert.ok((await answer.allHeaders())['set-cookie']?.includes('pindown_session='))
    const { status, body } = await me(context, open)
    assert.equal(status, 200)
    assert.equal(body.data.user.email, 'newbie@example.com')
    assert.equal(body.data.user.name, 'New Bie')
    assert.equal(body.data.user.email_verified, true)
    assert.equal(body.data.user.has_password, false)
    assert.deepEqual(
      { name: body.data.workspace.name, role: body.data.workspace.role },
      { name: "New Bie's workspace", role: 'owner' },
    )
    const identity = await open.server.store.people.findIdentity(`oidc:${issuer}`, 'newbie')
    assert.equal(identity?.userId, body.data.user.id)
    // The flow cookie is gone once used.
    assert.equal(
      (await context.cookies()).find((c) => c.name === 'pindown_sso'),
      undefined,
    )
    await context.close()

    // Signing in again finds the linked account: no second account, no second workspace.
    const again = await signIn(open, 'newbie')
    assert.equal(again.answer.headers().location, '/')
    assert.equal((await me(again.context, open)).body.data.user.id, body.data.user.id)
    await again.context.close()
  })

  test('an existing password account with the same verified email is linked and marked verified', async () => {
    const user = await createPasswordAccount(open, 'ann@example.com')
    const { answer, context } = await signIn(open, 'ann')
    assert.equal(answer.status(), 303)
    const { body } = await me(context, open)
    assert.equal(body.data.user.id, user.id)
    assert.equal(body.data.user.name, 'Ann')
    assert.equal(body.data.user.has_password, true)
    assert.equal(body.data.user.email_verified, true)
    assert.equal((await open.server.store.people.findIdentity(`oidc:${issuer}`, 'ann'))?.userId, user.id)
    await context.close()
  })

  test('an email the provider does not vouch for is not linked to the existing account', async () => {
    const user = await createPasswordAccount(open, 'bob@example.com')
    const { answer, context, page } = await signIn(open, 'bob')
    assert.equal(answer.status(), 403)
    assert.match((await page.locator('h1').textContent()) ?? '', /Sign in with your password first/)
    assert.match((await page.locator('main p').textContent()) ?? '', /does not say this address is verified/)
    assert.equal((await me(context, open)).status, 401)
    assert.equal(await open.server.store.people.findIdentity(`oidc:${issuer}`, 'bob'), undefined)
    assert.equal((await open.server.store.people.getUser(user.id))?.emailVerified, false)
    await context.close()
  })

  test('invite-only: no account without an invite (403, asks for one)', async () => {
    const { answer, context, page } = await signIn(inviteOnly, 'stranger')
    assert.equal(answer.status(), 403)
    assert.equal(await page.locator('h1').textContent(), 'Ask for an invite')
    assert.equal(answer.headers()['cache-control'], 'no-store')
    assert.equal(await inviteOnly.server.store.people.findUserByEmail('stranger@example.com'), undefined)
    assert.equal((await me(context, inviteOnly)).status, 401)
    await context.close()
  })

  test('invite-only: an invite to the verified address makes the account, with no workspace of its own', async () => {
    const store = inviteOnly.server.store
    const { workspaceId } = await inviteOnly.newKey()
    const token = newToken()
    const now = Date.now()
    await store.people.createInvite({
      id: newInviteId(),
      tokenHash: sha256(token),
      workspaceId,
      target: { kind: 'workspace', role: 'editor' },
      email: 'guest@example.com',
      invitedBy: 'test',
      message: null,
      createdAt: now,
      expiresAt: now + 60_000,
      acceptedAt: null,
      acceptedBy: null,
    })
    const { answer, context } = await signIn(inviteOnly, 'guest', { next: `/invite/${token}` })
    assert.equal(answer.status(), 303)
    assert.equal(answer.headers().location, `/invite/${token}`)
    const { body } = await me(context, inviteOnly)
    assert.equal(body.data.user.email, 'guest@example.com')
    assert.equal(body.data.user.email_verified, true)
    // The invite page offers to accept; nothing is granted yet.
    assert.equal(body.data.workspace, null)
    await context.close()
  })

  test('a tampered state is refused (400) and signs no one in', async () => {
    const { answer, context, page } = await signIn(open, 'newbie', {
      tamper: (url) => url.searchParams.set('state', `${url.searchParams.get('state')}x`),
    })
    assert.equal(answer.status(), 400)
    assert.equal(await page.locator('h1').textContent(), 'Sign-in expired')
    assert.equal((await me(context, open)).status, 401)
    await context.close()
  })

  test('cancelling at the provider (error=access_denied) is a 400 page', async () => {
    const context = await browser.newContext()
    await context.route(/^https:\/\//, (route) => route.abort())
    const page = await context.newPage()
    await page.goto(`${open.url}/auth/oidc`)
    const callback = page.waitForResponse((response) => response.url().startsWith(`${open.url}/auth/oidc/callback`))
    await page.click('a[href$="/abort"]')
    const answer = await callback
    assert.equal(answer.status(), 400)
    assert.match((await answer.text()) ?? '', /did not sign you in \(access_denied\)/)
    await context.close()
  })

  test('a callback without the flow cookie is a 400 page', async () => {
    const response = await fetch(`${open.url}/auth/oidc/callback?code=abc&state=def`, { redirect: 'manual' })
    assert.equal(response.status, 400)
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/)
  })

  test('the redirect carries PKCE (S256), state and nonce; the flow cookie is HttpOnly, Lax, 10 minutes', async () => {
    const response = await fetch(`${open.url}/auth/oidc?next=${encodeURIComponent('//evil.example/')}`, {
      redirect: 'manual',
    })
    assert.equal(response.status, 303)
    const url = new URL(response.headers.get('location')!)
    assert.equal(url.origin, issuer)
    const params = Object.fromEntries(url.searchParams)
    assert.equal(params.client_id, 'pindown')
    assert.equal(params.redirect_uri, `${open.url}/auth/oidc/callback`)
    assert.equal(params.response_type, 'code')
    assert.equal(params.scope, 'openid email profile')
    assert.equal(params.code_challenge_method, 'S256')
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('pindown_sso='))!
    assert.match(cookie, /; Max-Age=600/)
    assert.match(cookie, /; Path=\//)
    assert.match(cookie, /; HttpOnly/)
    assert.match(cookie, /; SameSite=Lax/)
    assert.doesNotMatch(cookie, /; Secure/)
    const flow = JSON.parse(Buffer.from(cookieValue(response, 'pindown_sso')!, 'base64url').toString())
    assert.equal(flow.state, params.state)
    assert.equal(flow.nonce, params.nonce)
    assert.equal(createHash('sha256').update(flow.verifier).digest('base64url'), params.code_challenge)
    assert.equal(flow.next, '/')
  })

  test('no code, state or invite token reaches the log', async () => {
    await fetch(`${open.url}/auth/oidc?next=/invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg`, {
      redirect: 'manual',
    })
    const log = readFileSync(join(logDir, 'open.log'), 'utf8')
    assert.match(log, /\/auth\/oidc\/callback\?\[redacted\]/)
    assert.doesNotMatch(log, /code=|state=|AbCdEfGh/)
  })

  test('a provider that does not answer gives a 502 page, and the server keeps serving', async () => {
    const down = await startTestServer({ OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`, OIDC_CLIENT_ID: 'x' })
    try {
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${down.url}/auth/oidc`, { redirect: 'manual' })
        assert.equal(response.status, 502)
        assert.match(await response.text(), /single sign-on did not answer/)
      }
    } finally {
      await down.close()
    }
  })

  test('an http issuer off this machine is refused at start; no provider means 404', async () => {
    await assert.rejects(
      startTestServer({ OIDC_ISSUER: 'http://idp.example.com', OIDC_CLIENT_ID: 'x' }),
      (error) => error instanceof ConfigError && /must be https/.test(error.message),
    )
    const response = await fetch(`${open.url}/auth/github`, { redirect: 'manual' })
    assert.equal(response.status, 404)
  })
})

describe('GitHub', () => {
  test('redirects to GitHub with the client id, PKCE (S256) and state; a https site gets a __Host- Secure cookie', async () => {
    const github = await startTestServer({
      GITHUB_CLIENT_ID: 'gh-client',
      GITHUB_CLIENT_SECRET: 'gh-secret',
      PUBLIC_URL: 'https://pins.example.com',
    })
    try {
      const response = await fetch(`${github.url}/auth/github?next=/pins`, { redirect: 'manual' })
      assert.equal(response.status, 303)
      const url = new URL(response.headers.get('location')!)
      assert.equal(`${url.origin}${url.pathname}`, 'https://github.com/login/oauth/authorize')
      const params = Object.fromEntries(url.searchParams)
      assert.equal(params.client_id, 'gh-client')
      assert.equal(params.redirect_uri, 'https://pins.example.com/auth/github/callback')
      assert.equal(params.scope, 'user:email')
      assert.equal(params.code_challenge_method, 'S256')
      assert.equal(params.nonce, undefined)
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-pindown_sso='))!
      assert.match(cookie, /; Secure/)
      const flow = JSON.parse(Buffer.from(cookieValue(response, '__Host-pindown_sso')!, 'base64url').toString())
      assert.equal(flow.state, params.state)
      assert.equal(flow.next, '/pins')
      assert.equal(createHash('sha256').update(flow.verifier).digest('base64url'), params.code_challenge)

      // A callback whose state is not the flow's is refused before GitHub is asked anything.
      const callback = await fetch(`${github.url}/auth/github/callback?code=abc&state=wrong`, {
        redirect: 'manual',
        headers: { cookie: `__Host-pindown_sso=${cookieValue(response, '__Host-pindown_sso')}` },
      })
      assert.equal(callback.status, 400)
      assert.match(callback.headers.getSetCookie().join(), /__Host-pindown_sso=;/)
      assert.equal((await fetch(`${github.url}/auth/oidc`, { redirect: 'manual' })).status, 404)
    } finally {
      await github.close()
    }
  })
})

test('next is only ever a path on this site', () => {
  for (const path of ['/', '/pins?x=1', '/invite/abc', '/a/b#c']) assert.equal(localPath(path), path)
  for (const bad of [
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    'https://evil.example',
    '',
    'pins',
    undefined,
    ['/a'],
  ]) {
    assert.equal(localPath(bad), '/')
  }
})
