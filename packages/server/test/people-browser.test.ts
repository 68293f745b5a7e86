import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import axe from 'axe-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../../viewer/test/browser.js'
import { createSetupLink } from '../src/people/invites.js'
import { startTestServer, type TestServer, titled } from './harness.js'
import { type SmtpSink, startSmtpSink } from './smtp-sink.js'
import { makeInvite, password } from './web-client.js'

/** The web app for people in Chromium: setup, invites by email, roles, sessions, and an axe check of every page. */

const bound = 10_000

let browser: Browser
before(async () => {
  browser = await launchBrowser()
})
after(() => browser.close())

/** Waits for `selector`, failing with `what` instead of a bare timeout. */
async function waitFor(page: Page, selector: string, what: string): Promise<void> {
  try {
    await page.waitForSelector(selector, { timeout: bound })
  } catch {
    throw new Error(`${what}: no ${selector} on ${page.url()} within ${bound} ms`)
  }
}

/** Does `act` and waits for the page it leads to. */
async function arriveAt(page: Page, path: RegExp | string, act: () => Promise<unknown>, what: string): Promise<void> {
  const url =
    typeof path === 'string' ? (u: URL) => u.pathname + u.search === path : (u: URL) => path.test(u.pathname + u.search)
  try {
    await Promise.all([page.waitForURL(url, { timeout: bound }), act()])
  } catch (error) {
    throw new Error(`${what}: still on ${page.url()} after ${bound} ms (${(error as Error).message.split('\n')[0]})`)
  }
}

/** A new browser profile; script errors of its pages (a CSP refusal too) are collected for the test to check. */
async function newContext(options: { dark?: boolean; csp?: boolean } = {}) {
  const context = await browser.newContext({
    colorScheme: options.dark ? 'dark' : 'light',
    // axe is injected as an inline script, which the pages' CSP rightly refuses.
    bypassCSP: options.csp === false,
  })
  context.setDefaultTimeout(bound)
  const errors: string[] = []
  context.on('page', (page) => {
    page.on('pageerror', (error) => errors.push(error.message))
    // A 4xx page is the browser's "failed to load" console error: expected here, so not collected.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text())
    })
    // Confirmations ("Sign out of every browser?") are answered yes.
    page.on('dialog', (dialog) => void dialog.accept())
  })
  return { context, errors }
}

/** Opens a web app page and waits for its script to have wired the forms. */
async function open(context: BrowserContext, url: string): Promise<{ page: Page; status: number }> {
  const page = await context.newPage()
  const response = await page.goto(url)
  await waitFor(page, 'html[data-app="ready"]', `the page script of ${url}`)
  return { page, status: response?.status() ?? 0 }
}

/** The first owner of the key's workspace, through its setup link; answers their signed-in browser. */
async function setUpOwner(t: TestServer, email = 'ann@example.com') {
  const { workspaceId, key } = await t.newKey()
  const link = await createSetupLink({ store: t.server.store }, workspaceId, t.url)
  const { context, errors } = await newContext()
  const { page } = await open(context, link)
  await page.getByLabel('Your name').fill('Ann Owner')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await arriveAt(page, '/', () => page.getByRole('button', { name: 'Create owner account' }).click(), 'setup')
  return { context, errors, page, workspaceId, key }
}

/** Opens an invite link signed out, creates the account from it, and lands where the invite leads. */
async function signUpFromInvite(context: BrowserContext, url: string, name: string, landing: RegExp | string) {
  const { page } = await open(context, url)
  await arriveAt(
    page,
    /^\/sign-up\?invite=/,
    () => page.getByRole('link', { name: 'Create an account' }).click(),
    'invite → sign-up',
  )
  await waitFor(page, 'html[data-app="ready"]', 'the sign-up page')
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await arriveAt(
    page,
    landing,
    () => page.getByRole('button', { name: 'Create account' }).click(),
    'sign-up from invite',
  )
  return page
}

async function signIn(context: BrowserContext, t: TestServer, email: string, next = '/') {
  const { page } = await open(context, `${t.url}/sign-in?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await arriveAt(page, next, () => page.getByRole('button', { name: 'Sign in' }).click(), `sign-in as ${email}`)
  return page
}

const inviteLinkIn = (text: string | undefined) => /https?:\/\/\S+?\/invite\/[0-9A-Za-z]{43}/.exec(text ?? '')?.[0]

test('(a) a setup link makes the first owner, who lands on home', async () => {
  const t = await startTestServer()
  try {
    const { context, errors, page } = await setUpOwner(t)
    assert.equal(await page.locator('h1').textContent(), 'Pins')
    assert.equal(await page.getByRole('link', { name: 'Workspace' }).count(), 1, 'an owner sees the Workspace link')
    assert.match((await page.locator('.app-empty').textContent()) ?? '', /No pins yet/)
    assert.deepEqual(errors, [])
    await context.close()
  } finally {
    await t.close()
  }
})

describe('(b) invites by email', () => {
  let t: TestServer
  let sink: SmtpSink
  before(async () => {
    sink = await startSmtpSink()
    t = await startTestServer({ SMTP_URL: sink.url, REGISTRATION: 'invite-only' })
  })
  after(async () => {
    await t.close()
    await sink.close()
  })

  test('the owner invites from workspace settings; the invitee signs up from the mail and sees the private pin', async () => {
    const owner = await setUpOwner(t)
    const { key } = await t.newKey(undefined, owner.workspaceId)
    const created = await t.request('POST', '/v1/pins', {
      key,
      body: titled('Board numbers', { pin_config: { content: 'Revenue **up**' } }),
    })
    assert.equal(created.status, 201)
    const pinId = created.body.data.id as string

    const { page } = await open(owner.context, `${t.url}/settings/workspace`)
    await page.getByLabel('Email', { exact: true }).fill('bob@example.com')
    await page.getByLabel('Role', { exact: true }).selectOption('viewer')
    await page.getByRole('button', { name: 'Send invite' }).click()
    await waitFor(page, '.form-status.is-done', 'the invite form says it is done')
    assert.equal(await page.locator('.app-reveal input').count(), 0, 'an emailed invite shows no link')
    await waitFor(page, '#members td:text("bob@example.com")', 'the pending invite in the members section')

    const mail = await sink.next(bound)
    const link = inviteLinkIn(mail.text)
    assert.ok(link, `the mail has the link: ${mail.text}`)
    const { context, errors } = await newContext()
    const invitee = await signUpFromInvite(context, link, 'Bob', '/')
    await waitFor(invitee, `a[href="/share/pin/${pinId}"]`, 'the private pin on the invitee’s home')
    await arriveAt(
      invitee,
      `/share/pin/${pinId}`,
      () => invitee.getByRole('link', { name: 'Board numbers' }).click(),
      'opening the pin',
    )
    await waitFor(invitee, '.markdown', 'the private pin’s page shows it to the new member')
    assert.match((await invitee.locator('.markdown').textContent()) ?? '', /Revenue up/)
    assert.deepEqual([...owner.errors, ...errors], [])
    await context.close()
    await owner.context.close()
  })

  test('a pin invite sent through the API: the mail’s link makes an account that lands on the pin', async () => {
    const { workspaceId, key } = await t.newKey()
    const created = await t.request('POST', '/v1/pins', { key, body: titled('Launch plan') })
    const pinId = created.body.data.id as string
    const invited = await t.request('POST', `/v1/pins/${pinId}/collaborators`, {
      key,
      body: { email: 'cat@example.com', role: 'viewer' },
    })
    assert.equal(invited.status, 201, JSON.stringify(invited.body))
    const link = inviteLinkIn((await sink.next(bound)).text)
    assert.ok(link)
    const { context, errors } = await newContext()
    const page = await signUpFromInvite(context, link, 'Cat', `/share/pin/${pinId}`)
    await waitFor(page, '.pin-card', 'the shared pin')
    assert.ok(workspaceId)
    assert.deepEqual(errors, [])
    await context.close()
  })
})

test('(c) a viewer sees no Workspace link, and /settings/workspace is a 403 page', async () => {
  const t = await startTestServer()
  try {
    const owner = await setUpOwner(t)
    const { path } = await makeInvite(t.server.store, {
      workspaceId: owner.workspaceId,
      email: 'vic@example.com',
      role: 'viewer',
    })
    const { context, errors } = await newContext()
    const home = await signUpFromInvite(context, t.url + path, 'Vic', '/')
    assert.equal(await home.getByRole('link', { name: 'Workspace' }).count(), 0)
    assert.equal(await home.getByRole('link', { name: 'Account' }).count(), 1)
    const { page, status } = await open(context, `${t.url}/settings/workspace`)
    assert.equal(status, 403)
    assert.equal(await page.locator('h1').textContent(), 'Owners only')
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /Only workspace owners can manage members and API keys/,
    )
    assert.deepEqual(errors, [])
    await context.close()
    await owner.context.close()
  } finally {
    await t.close()
  }
})

test('(d) "Sign out everywhere" in one browser signs the other out too', async () => {
  const t = await startTestServer()
  try {
    const owner = await setUpOwner(t)
    await owner.context.close()
    const first = await newContext()
    const second = await newContext()
    await signIn(first.context, t, 'ann@example.com')
    const other = await signIn(second.context, t, 'ann@example.com')

    const { page } = await open(first.context, `${t.url}/settings/account`)
    // The setup's browser (closed, its session still live) and these two.
    assert.equal(await page.locator('#sessions tbody tr').count(), 3, 'every live session is listed')
    assert.equal(await page.locator('#sessions .badge').textContent(), 'This browser')
    await arriveAt(
      page,
      /^\/sign-in/,
      () => page.getByRole('button', { name: 'Sign out everywhere' }).click(),
      'sign out everywhere',
    )

    await arriveAt(other, /^\/sign-in\?next=/, () => other.reload(), 'the second browser, reloaded')
    assert.equal(await other.locator('h1').textContent(), 'Sign in')
    assert.deepEqual([...first.errors, ...second.errors], [])
    await first.context.close()
    await second.context.close()
  } finally {
    await t.close()
  }
})

test('account settings: a new password by JSON, an error by its field, ending another session', async () => {
  const t = await startTestServer()
  try {
    const owner = await setUpOwner(t)
    const second = await newContext()
    await signIn(second.context, t, 'ann@example.com')
    const { page } = await open(owner.context, `${t.url}/settings/account`)
    await page.getByLabel('Current password').fill('not my password')
    await page.getByLabel('New password').fill('a new password here')
    await page.getByRole('button', { name: 'Change password' }).click()
    await waitFor(page, '.form-status.is-error', 'the wrong current password is reported')
    assert.match((await page.locator('.form-status.is-error').textContent()) ?? '', /current password is wrong/)

    await page.getByLabel('Current password').fill(password)
    await page.getByLabel('New password').fill('a new password here')
    await page.getByRole('button', { name: 'Change password' }).click()
    await waitFor(page, '.form-status.is-done', 'the password change is confirmed')
    // The change ended the other session: the refreshed list has this browser only.
    await page.waitForFunction(() => document.querySelectorAll('#sessions tbody tr').length === 1, null, {
      timeout: bound,
    })
    assert.deepEqual(owner.errors, [])
    await second.context.close()
    await owner.context.close()
  } finally {
    await t.close()
  }
})

test('workspace settings: a key is shown once, with a copy button, then listed by its prefix and revocable', async () => {
  const t = await startTestServer()
  try {
    const owner = await setUpOwner(t)
    const { page } = await open(owner.context, `${t.url}/settings/workspace`)
    await page.getByLabel('Name', { exact: true }).fill('reporting agent')
    await page.getByRole('button', { name: 'Create key' }).click()
    await waitFor(page, '.app-reveal input.app-secret', 'the new key')
    const key = await page.locator('.app-reveal input').inputValue()
    assert.match(key, /^pk_live_/)
    assert.equal(await page.getByRole('button', { name: 'Copy' }).count(), 1)
    await waitFor(page, '#keys td:text("reporting agent")', 'the key in the list')
    const listed = await t.request('GET', '/v1/pins', { key })
    assert.equal(listed.status, 200, 'the key works')
    await page.getByRole('button', { name: /^Revoke the key reporting agent/ }).click()
    await waitFor(page, '#keys td:has-text("Revoked")', 'the key revoked')
    assert.equal((await t.request('GET', '/v1/pins', { key })).status, 401)
    assert.deepEqual(owner.errors, [])
    await owner.context.close()
  } finally {
    await t.close()
  }
})

describe('(e) accessibility: axe finds nothing serious or critical', () => {
  let t: TestServer
  const pages: Record<string, string> = {}
  before(async () => {
    t = await startTestServer({ REGISTRATION: 'invite-only' })
    const owner = await setUpOwner(t)
    await owner.context.close()
    const { key } = await t.newKey(undefined, owner.workspaceId)
    await t.request('POST', '/v1/pins', { key, body: titled('Weekly numbers') })
    await t.newKey(['pins:read'], owner.workspaceId)
    const pending = await makeInvite(t.server.store, {
      workspaceId: owner.workspaceId,
      email: 'pat@example.com',
      role: 'editor',
      message: 'Welcome!',
    })
    const viewer = await makeInvite(t.server.store, {
      workspaceId: owner.workspaceId,
      email: 'val@example.com',
      role: 'viewer',
    })
    const { workspaceId } = await t.newKey()
    pages.setup = await createSetupLink({ store: t.server.store }, workspaceId, t.url)
    pages.invite = t.url + pending.path
    pages.signUp = `${t.url}/sign-up?invite=${pending.token}`
    pages.viewerInvite = t.url + viewer.path
  })
  after(() => t.close())

  async function check(page: Page, name: string): Promise<void> {
    await page.addScriptTag({ content: axe.source })
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run()
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.html),
      }))
    })
    const minor = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical')
    if (minor.length > 0) console.log(`${name}: minor axe findings`, JSON.stringify(minor))
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    assert.deepEqual(bad, [], `${name}: ${JSON.stringify(bad, null, 2)}`)
  }

  for (const dark of [false, true]) {
    test(`every page, ${dark ? 'dark' : 'light'}`, async () => {
      const signedOut = await newContext({ dark, csp: false })
      const visit = async (context: BrowserContext, url: string, name: string, status = 200) => {
        const opened = await open(context, url)
        assert.equal(opened.status, status, name)
        await check(opened.page, name)
        return opened.page
      }
      await visit(signedOut.context, `${t.url}/sign-in`, 'sign-in')
      const failed = await visit(signedOut.context, `${t.url}/sign-in`, 'sign-in, then a wrong password')
      await failed.getByLabel('Email', { exact: true }).fill('ann@example.com')
      await failed.getByLabel('Password', { exact: true }).fill('wrong password')
      await arriveAt(
        failed,
        '/sign-in',
        () => failed.getByRole('button', { name: 'Sign in' }).click(),
        'the failed sign-in',
      )
      await waitFor(failed, '#password[aria-invalid="true"]', 'the password field marked')
      await check(failed, 'sign-in with an error')
      await visit(signedOut.context, pages.signUp!, 'sign-up from an invite')
      await visit(signedOut.context, `${t.url}/sign-up`, 'sign-up closed', 403)
      await visit(signedOut.context, pages.setup!, 'setup')
      await visit(signedOut.context, pages.invite!, 'invite, signed out')
      await visit(signedOut.context, `${t.url}/invite/guessed`, 'unknown invite', 404)

      const owner = await newContext({ dark, csp: false })
      await signIn(owner.context, t, 'ann@example.com')
      await visit(owner.context, `${t.url}/`, 'home')
      await visit(owner.context, `${t.url}/settings/account`, 'account settings')
      await visit(owner.context, `${t.url}/settings/workspace`, 'workspace settings')
      await visit(owner.context, pages.invite!, 'invite, signed in as someone else')

      const viewer = await newContext({ dark, csp: false })
      if (!dark) await signUpFromInvite(viewer.context, pages.viewerInvite!, 'Val', '/')
      else await signIn(viewer.context, t, 'val@example.com')
      await visit(viewer.context, `${t.url}/settings/workspace`, 'the 403 page', 403)
      assert.deepEqual([...signedOut.errors, ...owner.errors, ...viewer.errors], [])
      for (const c of [signedOut, owner, viewer]) await c.context.close()
    })
  }
})
