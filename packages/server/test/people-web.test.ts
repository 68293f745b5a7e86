import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createSetupLink } from '../src/people/invites.js'
import { localPath } from '../src/people/local-path.js'
import { newToken, sha256 } from '../src/people/secrets.js'
import { signInPage } from '../src/web/account-pages.js'
import { startTestServer, type TestServer, titled } from './harness.js'
import { makeInvite, password, WebClient } from './web-client.js'

/** The web app's forms under attack: forged posts, open redirects, guessing, fixation, invites misused. */

/** The first owner of a new workspace, signed up through a setup link; answers their browser. */
async function owner(t: TestServer, email = 'ann@example.com') {
  const { workspaceId, key } = await t.newKey()
  const setup = new URL(await createSetupLink({ store: t.server.store }, workspaceId, t.url)).pathname
  const browser = new WebClient(t.url)
  const done = await browser.submit(setup, setup, { name: 'Ann', email, password })
  assert.equal(done.status, 303, done.text)
  return { browser, workspaceId, key }
}

/** Whether this browser is signed in: home is a page, not a redirect to sign-in. */
const signedIn = async (browser: WebClient) => (await browser.get('/')).status === 200

describe('sign-in form', () => {
  let t: TestServer
  before(async () => {
    t = await startTestServer()
    await owner(t)
  })
  after(() => t.close())

  test('a post from another site is refused (403), with a page, before the password is checked', async () => {
    const browser = new WebClient(t.url)
    const page = await browser.get('/sign-in')
    const fields = { _csrf: page.csrf!, email: 'ann@example.com', password }
    for (const origin of ['https://evil.example', 'null']) {
      const answer = await browser.post('/sign-in', fields, { origin })
      assert.equal(answer.status, 403, origin)
      assert.match(answer.headers.get('content-type') ?? '', /^text\/html/)
      assert.match(answer.text, /role="alert">[^<]*Changes are accepted only from pages of/)
    }
    // No Origin and no Sec-Fetch-Site: not a browser's same-origin post either.
    assert.equal((await browser.post('/sign-in', fields, { origin: null })).status, 403)
    assert.equal(await signedIn(browser), false)
  })

  test('a post without the _csrf field, or with a wrong one, is refused (403)', async () => {
    const browser = new WebClient(t.url)
    await browser.get('/sign-in')
    assert.equal((await browser.post('/sign-in', { email: 'ann@example.com', password })).status, 403)
    const wrong = await browser.post('/sign-in', { _csrf: 'forged-token', email: 'ann@example.com', password })
    assert.equal(wrong.status, 403)
    assert.match(wrong.text, /did not come from one of this site/)
    // Without the secret cookie the page's token is worth nothing (another browser's token).
    const other = new WebClient(t.url)
    const token = (await other.get('/sign-in')).csrf!
    assert.equal(
      (await new WebClient(t.url).post('/sign-in', { _csrf: token, email: 'ann@example.com', password })).status,
      403,
    )
    assert.equal(await signedIn(browser), false)
  })

  test('a wrong password shows the form again: 401, the message by the field, the email kept, the password not', async () => {
    const browser = new WebClient(t.url)
    const answer = await browser.submit('/sign-in', '/sign-in', {
      email: 'ann@example.com',
      password: 'not the password',
    })
    assert.equal(answer.status, 401)
    assert.match(answer.text, /<p class="field-error" id="password-error">Wrong email or password<\/p>/)
    assert.match(answer.text, /id="password"[^>]*aria-describedby="password-error" aria-invalid="true"/)
    assert.match(answer.text, /id="email"[^>]*value="ann@example.com"/)
    assert.ok(!answer.text.includes('not the password'))
  })

  test('next= goes to a local path only: //evil.example and its disguises land on /', async () => {
    const attempts: [string, string][] = [
      ['//evil.example', '/'],
      ['/\\evil.example', '/'],
      ['/\t/evil.example', '/'],
      ['https://evil.example/', '/'],
      ['javascript:alert(1)', '/'],
      ['/settings/account?tab=1', '/settings/account?tab=1'],
    ]
    for (const [next, expected] of attempts) {
      const browser = new WebClient(t.url)
      const answer = await browser.submit(`/sign-in?next=${encodeURIComponent(next)}`, '/sign-in', {
        email: 'ann@example.com',
        password,
        next,
      })
      assert.equal(answer.status, 303, next)
      assert.equal(answer.location, expected, next)
    }
  })

  test('the session cookie is HttpOnly and SameSite=Lax, and a new one on every sign-in', async () => {
    const browser = new WebClient(t.url)
    const answer = await browser.submit('/sign-in', '/sign-in', { email: 'ann@example.com', password })
    const cookie = answer.headers.getSetCookie().find((line) => line.startsWith('pindown_session='))
    assert.ok(cookie, 'a session cookie is set')
    assert.match(cookie, /; HttpOnly/i)
    assert.match(cookie, /; SameSite=Lax/i)
    assert.match(cookie, /; Path=\//i)
  })
})

test('30 wrong passwords from one address, or 10 for one account, are 429 pages with Retry-After', async () => {
  const t = await startTestServer()
  try {
    await owner(t)
    const browser = new WebClient(t.url)
    const token = (await browser.get('/sign-in')).csrf!
    const attempt = (email: string) => browser.post('/sign-in', { _csrf: token, email, password: 'wrong password!' })
    for (let i = 0; i < 10; i++) assert.equal((await attempt('ann@example.com')).status, 401, `attempt ${i + 1}`)
    const account = await attempt('ann@example.com')
    assert.equal(account.status, 429)
    assert.ok(Number(account.headers.get('retry-after')) > 0)
    assert.match(account.text, /role="alert">Rate limit/)
    // The right password does not get past the limit either.
    assert.equal((await browser.post('/sign-in', { _csrf: token, email: 'ann@example.com', password })).status, 429)
    // 30 attempts in all from this address (12 so far), whatever the accounts: then every one is a 429.
    for (let i = 12; i < 30; i++) assert.equal((await attempt(`guess${i}@example.com`)).status, 401, `attempt ${i + 1}`)
    const address = await attempt('someone-else@example.com')
    assert.equal(address.status, 429)
    assert.ok(Number(address.headers.get('retry-after')) > 0)
  } finally {
    await t.close()
  }
})

describe('sessions', () => {
  test('session fixation: a cookie planted before sign-in is not the session after it, and is dead', async () => {
    const t = await startTestServer()
    try {
      await owner(t)
      // A token the server never issued.
      const browser = new WebClient(t.url)
      const planted = newToken()
      browser.cookies.set('pindown_session', planted)
      await browser.submit('/sign-in', '/sign-in', { email: 'ann@example.com', password })
      assert.notEqual(browser.cookies.get('pindown_session'), planted)
      assert.equal(await signedIn(browser), true)
      // A real session of the attacker's own account, planted in the victim's browser between opening
      // the sign-in page and posting it: signing in ends it, and the victim's session is a new one.
      const attacker = (await owner(t, 'mallory@example.com')).browser
      const stolen = attacker.cookies.get('pindown_session')!
      const victim = new WebClient(t.url)
      const form = await victim.get('/sign-in')
      victim.cookies.set('pindown_session', stolen)
      await victim.post('/sign-in', { _csrf: form.csrf!, email: 'ann@example.com', password })
      assert.notEqual(victim.cookies.get('pindown_session'), stolen)
      assert.match((await victim.get('/settings/account')).text, /ann@example.com/)
      assert.equal(await signedIn(attacker), false, 'the planted token does not authenticate')
      assert.equal(await t.server.store.people.findSession(sha256(stolen), Date.now()), undefined)
    } finally {
      await t.close()
    }
  })

  test('behind https the session cookie is Secure and __Host- named', async () => {
    const t = await startTestServer({ PUBLIC_URL: 'https://pindown.example' })
    try {
      const { workspaceId } = await t.newKey()
      const setup = new URL(await createSetupLink({ store: t.server.store }, workspaceId, t.url)).pathname
      const browser = new WebClient(t.url, 'https://pindown.example')
      const answer = await browser.submit(setup, setup, { name: 'Ann', email: 'ann@example.com', password })
      assert.equal(answer.status, 303, answer.text)
      const cookie = answer.headers.getSetCookie().find((line) => line.startsWith('__Host-pindown_session='))
      assert.ok(cookie, `a __Host- cookie: ${answer.headers.getSetCookie().join(' | ')}`)
      assert.match(cookie, /; Secure/i)
      assert.match(cookie, /; HttpOnly/i)
      assert.match(cookie, /; SameSite=Lax/i)
      assert.match(cookie, /; Path=\//i)
      assert.doesNotMatch(cookie, /; Domain=/i)
    } finally {
      await t.close()
    }
  })

  test('signing out ends the session and goes to sign-in; a forged sign-out does nothing', async () => {
    const t = await startTestServer()
    try {
      const { browser } = await owner(t)
      const token = (await browser.get('/')).csrf!
      assert.equal((await browser.post('/sign-out', { _csrf: token }, { origin: 'https://evil.example' })).status, 403)
      assert.equal(await signedIn(browser), true)
      const out = await browser.post('/sign-out', { _csrf: token })
      assert.equal(out.status, 303)
      assert.equal(out.location, '/sign-in')
      assert.equal(await signedIn(browser), false)
    } finally {
      await t.close()
    }
  })
})

describe('invites', () => {
  let t: TestServer
  let workspaceId: string
  let pinId: string
  before(async () => {
    t = await startTestServer({ REGISTRATION: 'open' })
    const first = await owner(t)
    workspaceId = first.workspaceId
    const created = await t.request('POST', '/v1/pins', { key: first.key, body: titled('Q3 revenue') })
    assert.equal(created.status, 201)
    pinId = created.body.data.id
  })
  after(() => t.close())

  const accepted = async (token: string) => (await t.server.store.people.findInvite(sha256(token)))?.acceptedAt !== null

  test('opening an invite (GET) accepts nothing, signed out or signed in as the invitee', async () => {
    const { token, path } = await makeInvite(t.server.store, {
      workspaceId,
      email: 'bob@example.com',
      role: 'viewer',
      pinId,
    })
    const stranger = new WebClient(t.url)
    const page = await stranger.get(path)
    assert.equal(page.status, 200)
    assert.match(page.text, /the pin “Q3 revenue”/)
    assert.match(page.text, /href="\/sign-up\?invite=/)
    const bob = new WebClient(t.url)
    assert.equal(
      (await bob.submit('/sign-up', '/sign-up', { name: 'Bob', email: 'bob@example.com', password })).status,
      303,
    )
    const signedInPage = await bob.get(path)
    assert.equal(signedInPage.status, 200)
    assert.match(signedInPage.text, /Accept invite/)
    assert.equal(await accepted(token), false)
    const user = await t.server.store.people.findUserByEmail('bob@example.com')
    assert.equal(await t.server.store.people.getCollaborator(pinId, user!.id), undefined)
  })

  test('an invite accepted by another address is refused (403) and stays pending', async () => {
    const { token, path } = await makeInvite(t.server.store, { workspaceId, email: 'dan@example.com', role: 'editor' })
    const carol = new WebClient(t.url)
    await carol.submit('/sign-up', '/sign-up', { name: 'Carol', email: 'carol@example.com', password })
    const page = await carol.get(path)
    assert.match(page.text, /signed in as carol@example.com, but this invite is for dan@example.com/)
    assert.doesNotMatch(page.text, /Accept invite/)
    const answer = await carol.post(`${path}/accept`, { _csrf: page.csrf! })
    assert.equal(answer.status, 403)
    assert.match(answer.text, /This invite is for another email address/)
    assert.equal(await accepted(token), false)
  })

  test('accepting goes to the pin; a used invite is then 410, to GET and POST alike', async () => {
    const { token, path } = await makeInvite(t.server.store, {
      workspaceId,
      email: 'erin@example.com',
      role: 'editor',
      pinId,
    })
    const erin = new WebClient(t.url)
    await erin.submit('/sign-up', '/sign-up', { name: 'Erin', email: 'erin@example.com', password })
    const page = await erin.get(path)
    const answer = await erin.post(`${path}/accept`, { _csrf: page.csrf! })
    assert.equal(answer.status, 303)
    assert.equal(answer.location, `/share/pin/${pinId}`)
    assert.equal(await accepted(token), true)
    const again = await erin.post(`${path}/accept`, { _csrf: page.csrf! })
    assert.equal(again.status, 410)
    assert.match(again.text, /Link used or expired/)
    assert.equal((await erin.get(path)).status, 410)
    assert.equal((await new WebClient(t.url).get(`/sign-up?invite=${token}`)).status, 410)
  })

  test('accepting needs the CSRF token and this site as Origin', async () => {
    const { token, path } = await makeInvite(t.server.store, { workspaceId, email: 'fay@example.com', role: 'viewer' })
    const fay = new WebClient(t.url)
    await fay.submit('/sign-up', '/sign-up', { name: 'Fay', email: 'fay@example.com', password })
    assert.equal((await fay.post(`${path}/accept`, {})).status, 403)
    const csrf = (await fay.get(path)).csrf!
    assert.equal((await fay.post(`${path}/accept`, { _csrf: csrf }, { origin: 'https://evil.example' })).status, 403)
    assert.equal(await accepted(token), false)
  })

  test('signing up from an invite accepts it and goes straight to the pin', async () => {
    const { token } = await makeInvite(t.server.store, { workspaceId, email: 'gus@example.com', role: 'viewer', pinId })
    const gus = new WebClient(t.url)
    const form = await gus.get(`/sign-up?invite=${token}`)
    assert.match(form.text, /id="email"[^>]*value="gus@example.com"[^>]*readonly/)
    const answer = await gus.post('/sign-up', {
      _csrf: form.csrf!,
      invite: token,
      name: 'Gus',
      email: 'gus@example.com',
      password,
    })
    assert.equal(answer.status, 303, answer.text)
    assert.equal(answer.location, `/share/pin/${pinId}`)
    assert.equal(await accepted(token), true)
  })

  test('a guessed invite token is a 404, the very page of any unknown or malformed token', async () => {
    const pages = await Promise.all(
      [newToken(), newToken(), 'short', `${newToken()}x`].map((token) => new WebClient(t.url).get(`/invite/${token}`)),
    )
    for (const page of pages) assert.equal(page.status, 404)
    for (const page of pages) assert.equal(page.text, pages[0]!.text)
    assert.match(pages[0]!.text, /Invite not found/)
    // The setup link is no one's invite: it is not found here either.
    const setup = new URL(await createSetupLink({ store: t.server.store }, workspaceId, t.url)).pathname
    const asInvite = await new WebClient(t.url).get(setup.replace('/setup/', '/invite/'))
    assert.equal(asInvite.status, 404)
    assert.equal(asInvite.text, pages[0]!.text)
  })
})

describe('sign-up and setup', () => {
  test('invite-only: the sign-up page is a 403 page, and posting it too', async () => {
    const t = await startTestServer({ REGISTRATION: 'invite-only' })
    try {
      const browser = new WebClient(t.url)
      const page = await browser.get('/sign-up')
      assert.equal(page.status, 403)
      assert.match(page.text, /Ask someone who uses it for an invite/)
      const token = (await browser.get('/sign-in')).csrf!
      const answer = await browser.post('/sign-up', { _csrf: token, name: 'Zed', email: 'zed@example.com', password })
      assert.equal(answer.status, 403)
      assert.equal(await t.server.store.people.findUserByEmail('zed@example.com'), undefined)
      assert.doesNotMatch((await browser.get('/sign-in')).text, /href="\/sign-up"/)
    } finally {
      await t.close()
    }
  })

  test('a setup link makes the first owner once; then it is 410; a short password shows by its field', async () => {
    const t = await startTestServer()
    try {
      const { workspaceId } = await t.newKey()
      const setup = new URL(await createSetupLink({ store: t.server.store }, workspaceId, t.url)).pathname
      const browser = new WebClient(t.url)
      const short = await browser.submit(setup, setup, { name: 'Ann', email: 'ann@example.com', password: 'short' })
      assert.equal(short.status, 400)
      assert.match(short.text, /id="password-error">Use at least 10 characters</)
      assert.match(short.text, /id="email"[^>]*value="ann@example.com"/)
      const done = await browser.submit(setup, setup, { name: 'Ann', email: 'ann@example.com', password })
      assert.equal(done.status, 303)
      assert.equal(done.location, '/')
      const user = await t.server.store.people.findUserByEmail('ann@example.com')
      assert.equal((await t.server.store.people.getMember(workspaceId, user!.id))?.role, 'owner')
      assert.equal((await new WebClient(t.url).get(setup)).status, 410)
    } finally {
      await t.close()
    }
  })

  test('an address already taken shows by the email field (409)', async () => {
    const t = await startTestServer({ REGISTRATION: 'open' })
    try {
      await owner(t)
      const answer = await new WebClient(t.url).submit('/sign-up', '/sign-up', {
        name: 'A',
        email: 'ANN@example.com',
        password,
      })
      assert.equal(answer.status, 409)
      assert.match(answer.text, /id="email-error">An account with this email already exists/)
    } finally {
      await t.close()
    }
  })
})

test('home: newest first, 24 a page, searchable, filtered by type, shared pins marked', async () => {
  const t = await startTestServer()
  try {
    const { browser, key } = await owner(t)
    for (let i = 0; i < 27; i++) {
      const body = titled(
        `Report ${String(i).padStart(2, '0')}`,
        i === 5 ? { pin_type: 'quote', pin_config: { text: 'Short and sweet' } } : {},
      )
      assert.equal((await t.request('POST', '/v1/pins', { key, body })).status, 201, JSON.stringify(body))
    }
    const titles = (text: string) =>
      [...text.matchAll(/class="pin-item-title" href="[^"]+">([^<]+)</g)].map((m) => m[1])
    const first = await browser.get('/')
    assert.equal(titles(first.text).length, 24)
    assert.equal(titles(first.text)[0], 'Report 26')
    assert.match(first.text, /<a rel="next" href="\/\?page=2">/)
    assert.doesNotMatch(first.text, /rel="prev"/)
    const second = await browser.get('/?page=2')
    assert.deepEqual(titles(second.text), ['Report 02', 'Report 01', 'Report 00'])
    assert.match(second.text, /Pins 25–27 of 27/)
    assert.deepEqual(titles((await browser.get('/?q=report%2007')).text), ['Report 07'])
    assert.deepEqual(titles((await browser.get('/?pin_type=quote')).text), ['Report 05'])
    assert.match((await browser.get('/?pin_type=quote')).text, /<option value="quote" selected>/)
    assert.doesNotMatch(first.text, /Shared with me/)

    // A pin of another workspace, shared with Ann.
    const other = await t.newKey()
    const shared = await t.request('POST', '/v1/pins', { key: other.key, body: titled('From Bob') })
    const invite = await makeInvite(t.server.store, {
      workspaceId: other.workspaceId,
      email: 'ann@example.com',
      role: 'viewer',
      pinId: shared.body.data.id,
    })
    const page = await browser.get(invite.path)
    assert.equal((await browser.post(`${invite.path}/accept`, { _csrf: page.csrf! })).status, 303)
    const home = await browser.get('/')
    assert.match(home.text, /From Bob<\/a>\n<p class="pin-meta">.*Shared with me/)
    assert.equal(home.headers.get('cache-control'), 'no-store')
    assert.equal(home.headers.get('referrer-policy'), 'same-origin')
    assert.match(home.headers.get('content-security-policy') ?? '', /form-action 'self'/)
  } finally {
    await t.close()
  }
})

test('the sign-in page offers the providers that are set up, keeping next=', () => {
  const page = signInPage({
    csrf: 't',
    next: localPath('/invite/abc'),
    providers: [
      { name: 'Acme SSO', path: '/auth/oidc' },
      { name: 'GitHub', path: '/auth/github' },
    ],
    signUp: false,
  })
  assert.match(page.main.text, /href="\/auth\/oidc\?next=%2Finvite%2Fabc">Sign in with Acme SSO</)
  assert.match(page.main.text, /href="\/auth\/github\?next=%2Finvite%2Fabc">Sign in with GitHub</)
  assert.doesNotMatch(page.main.text, /sign-up/)
  const plain = signInPage({ csrf: 't', next: '/', providers: [], signUp: true })
  assert.doesNotMatch(plain.main.text, /\/auth\//)
  assert.match(plain.main.text, /href="\/sign-up">Create one</)
})
