import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { WorkspaceRole } from '@pindown/store'
import type { BrowserContext, Page } from 'playwright-core'
import { type SignedInPerson, signedInContext } from './people-fixture.js'
import { startViewer, type ViewerFixture, watchPage } from './viewer-harness.js'
import { payloads } from './xss-payloads.js'
import { xssTrap } from './xss-trap.js'

let viewer: ViewerFixture
let workspaceId: string
let keyName: string

before(async () => {
  viewer = await startViewer()
  const [key] = await viewer.server.server.store.listApiKeys()
  workspaceId = key!.workspaceId
  keyName = key!.name
})
after(() => viewer.close())

const thread = 'section[aria-label="Comments"]'

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
type Json = any

const api = (method: string, path: string, body?: unknown) =>
  viewer.server.request(method, path, { key: viewer.key, ...(body !== undefined && { body }) })

const commentPin = (title: string, extra: Record<string, unknown> = {}) =>
  viewer.createPin({
    pin_type: 'markdown',
    pin_config: { content: '# Hi' },
    metadata: { title },
    allow_comments: true,
    ...extra,
  })

async function agentPosts(pinId: string, body: string, parentId?: string, key = viewer.key): Promise<Json> {
  const answer = await viewer.server.request('POST', `/v1/pins/${pinId}/comments`, {
    key,
    body: { body, ...(parentId && { parent_id: parentId }) },
  })
  assert.equal(answer.status, 201, JSON.stringify(answer.body))
  return answer.body.data
}

async function agentLists(pinId: string): Promise<Json[]> {
  const items: Json[] = []
  let cursor: string | null = null
  do {
    const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''
    const answer = await api('GET', `/v1/pins/${pinId}/comments${query}`)
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    items.push(...answer.body.data.items)
    cursor = answer.body.data.next_cursor
  } while (cursor)
  return items
}

const member = (name: string, role: WorkspaceRole) =>
  signedInContext(viewer.browser, viewer.server, name, { workspaceId, role })

interface OpenThread {
  readonly page: Page
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[]
}

/** A pin's page in a person's browser (or a fresh anonymous one), once its thread has loaded. */
async function openThread(who: SignedInPerson | BrowserContext | null, pinId: string): Promise<OpenThread> {
  const context = who === null ? await viewer.browser.newContext() : 'context' in who ? who.context : who
  const page = await context.newPage()
  const errors = await watchPage(page)
  const response = await page.goto(`${viewer.server.url}/share/pin/${pinId}`)
  assert.equal(response?.status(), 200)
  try {
    await page.waitForSelector(`${thread}[data-loaded]`, { timeout: 10_000 })
  } catch (error) {
    const shown = await page.evaluate(() => document.querySelector('#app')?.textContent?.slice(0, 300))
    throw new Error(`the thread did not load: ${(error as Error).message.split('\n')[0]}; page: ${shown}; ${errors}`)
  }
  await page.waitForSelector('html[data-live="open"]', { timeout: 10_000 })
  return { page, errors }
}

/** Waits (with a bound) until `check` holds in the page, failing with `message` when it never does. */
async function waitUntil<A>(page: Page, message: string, check: (arg: A) => boolean, arg: A): Promise<void> {
  try {
    await page.waitForFunction(check as (arg: unknown) => boolean, arg, { timeout: 10_000 })
  } catch (error) {
    throw new Error(`${message} (${(error as Error).message.split('\n')[0]})`)
  }
}

const commentIn = (page: Page, id: string) => page.locator(`article[data-comment-id="${id}"]`)
const heading = (page: Page) => page.locator(`${thread} h2`).textContent()

describe('comments', () => {
  test('an agent posts, a person replies in the browser, the agent lists the reply, another reader sees it live', async () => {
    const pinId = await commentPin('Q4 plan')
    const ann = await member('Ann', 'editor')
    const bob = await member('Bob', 'viewer')
    const question = await agentPosts(pinId, 'Can we split **EMEA** by country?')

    const a = await openThread(ann, pinId)
    const asked = commentIn(a.page, question.id)
    assert.equal(await asked.locator('.comment-author').textContent(), keyName)
    assert.equal(await asked.locator('.comment-app-badge').textContent(), 'app')
    assert.equal(await asked.locator('.comment-body strong').textContent(), 'EMEA')
    assert.equal(await heading(a.page), '1 comment')
    const b = await openThread(bob, pinId)

    await asked.getByRole('button', { name: 'Reply' }).click()
    await a.page.getByLabel(`Reply to ${keyName}`).fill('Yes: **Germany** first.')
    await a.page.locator(`[data-thread-id="${question.id}"] .comment-reply-slot button[type="submit"]`).click()
    await waitUntil(
      a.page,
      'the reply shows on the page that sent it',
      (id) =>
        document.querySelector(`[data-thread-id="${id}"] .comment-replies .comment strong`)?.textContent === 'Germany',
      question.id,
    )
    assert.equal(await a.page.locator('.comment-reply-slot textarea').count(), 0, 'the reply form closed')

    const reply = (await agentLists(pinId)).find((c) => c.parent_id === question.id)
    assert.ok(reply, 'the agent lists the reply')
    assert.equal(reply.body, 'Yes: **Germany** first.')
    assert.deepEqual([reply.author.kind, reply.author.name], ['user', 'Ann'])

    await waitUntil(
      b.page,
      "the reply arrives live in another reader's page",
      (id) => document.querySelector(`[data-comment-id="${id}"]`)?.closest('.comment-replies') !== null,
      reply.id,
    )
    assert.equal(await commentIn(b.page, reply.id).locator('.comment-author').textContent(), 'Ann')
    assert.equal(await commentIn(b.page, reply.id).locator('.comment-app-badge').count(), 0)

    // The agent answers too. Events arrive in order, so once it shows, Ann's page has also had her reply's
    // event: the reply (answered to her POST and sent on the stream) is on her page once.
    const answer = await agentPosts(pinId, 'Thanks, splitting now.', question.id)
    await waitUntil(
      a.page,
      "the agent's answer arrives live",
      (id) => !!document.querySelector(`[data-comment-id="${id}"]`),
      answer.id,
    )
    assert.equal(await a.page.locator(`[data-thread-id="${question.id}"] .comment-replies .comment`).count(), 2)
    assert.equal(await heading(a.page), '3 comments')
    await waitUntil(
      b.page,
      'the count follows',
      () => document.querySelector('section[aria-label="Comments"] h2')?.textContent === '3 comments',
      null,
    )

    assert.deepEqual(a.errors, [])
    assert.deepEqual(b.errors, [])
    await ann.context.close()
    await bob.context.close()
  })

  test('a person comments, edits their comment, and another resolves and reopens the thread', async () => {
    const pinId = await commentPin('Retro')
    const ann = await member('Ann', 'viewer')
    const bob = await member('Bob', 'editor')
    const a = await openThread(ann, pinId)
    const b = await openThread(bob, pinId)
    assert.equal(await a.page.locator('.comments-empty').isVisible(), true)

    const box = a.page.getByLabel('Write a comment')
    await box.fill('Ship it on *Friday*')
    await a.page.getByRole('button', { name: 'Comment', exact: true }).click()
    await waitUntil(
      a.page,
      'the comment shows',
      () => document.querySelector('.comment-body em')?.textContent === 'Friday',
      null,
    )
    assert.equal(await box.inputValue(), '', 'the form is emptied once the comment landed')
    const [mine] = await agentLists(pinId)
    assert.ok(mine)

    const own = commentIn(a.page, mine.id)
    await own.getByRole('button', { name: 'Edit' }).click()
    await a.page.getByLabel('Edit comment').fill('Ship it on *Monday*')
    await own.getByRole('button', { name: 'Save' }).click()
    await waitUntil(
      a.page,
      'the edit shows',
      () => document.querySelector('.comment-body em')?.textContent === 'Monday',
      null,
    )
    assert.match((await own.locator('.comment-header').textContent()) ?? '', /edited/)
    assert.equal((await agentLists(pinId))[0].edited, true)

    // Bob may resolve Ann's comment, not edit or delete it.
    await waitUntil(
      b.page,
      "Ann's edit arrives live",
      () => document.querySelector('.comment-body em')?.textContent === 'Monday',
      null,
    )
    const theirs = commentIn(b.page, mine.id)
    assert.deepEqual(await theirs.locator('.comment-actions button').allTextContents(), ['Reply', 'Resolve'])
    await theirs.getByRole('button', { name: 'Resolve' }).click()
    const collapsed = (id: string) =>
      document.querySelector<HTMLElement>(`[data-thread-id="${id}"] .comment-thread-content`)?.hidden === true
    await waitUntil(b.page, 'the resolved thread collapses', collapsed, mine.id)
    await waitUntil(a.page, 'the resolved thread collapses live', collapsed, mine.id)
    assert.match(
      (await a.page.locator('.comment-resolved-bar').textContent()) ?? '',
      /Resolved.*Ann.*Ship it on Monday/,
    )
    await b.page.getByRole('button', { name: 'Show', exact: true }).click()
    await b.page.getByRole('button', { name: 'Reopen' }).click()
    await waitUntil(
      a.page,
      'the reopened thread shows again',
      () => document.querySelector('.comment-resolved-bar')?.hasAttribute('hidden') === true,
      null,
    )
    assert.equal((await agentLists(pinId))[0].resolved, false)
    assert.deepEqual(a.errors, [])
    assert.deepEqual(b.errors, [])
    await ann.context.close()
    await bob.context.close()
  })

  test('a refusal shows next to the form and the typed text stays', async () => {
    const pinId = await commentPin('Busy')
    const ann = await member('Ann', 'viewer')
    const a = await openThread(ann, pinId)
    // The rate limit as the server words it, without sending hundreds of comments.
    await a.page.route(`**/v1/pins/${pinId}/comments`, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 429,
            contentType: 'application/json',
            body: JSON.stringify({ success: false, error: { code: 'RATE_LIMITED', message: 'Too many requests.' } }),
          })
        : route.continue(),
    )
    await a.page.getByLabel('Write a comment').fill('Hello?')
    await a.page.getByRole('button', { name: 'Comment', exact: true }).click()
    const refusal = a.page.locator('.comments-new .comment-refusal')
    await refusal.waitFor({ state: 'visible', timeout: 10_000 })
    assert.match((await refusal.textContent()) ?? '', /Too many comments/)
    assert.equal(await a.page.getByLabel('Write a comment').inputValue(), 'Hello?')
    assert.equal(await a.page.locator('article.comment').count(), 0)
    await ann.context.close()
  })

  test('every XSS payload as a comment body renders without running', async () => {
    const pinId = await commentPin('XSS')
    const storable = (text: string) =>
      (text as unknown as { toWellFormed(): string }).toWellFormed().replaceAll('\u0000', '\uFFFD')
    const bodies = payloads.map((p) => storable(p.text)).filter((body) => body.trim() !== '')
    // Each key may post 20 comments a minute (RATE_LIMIT_COMMENTS): the corpus comes from several agents.
    const perKey = 20
    for (let i = 0; i < bodies.length; i += perKey) {
      const { key } = await viewer.server.newKey(undefined, workspaceId)
      for (const body of bodies.slice(i, i + perKey)) await agentPosts(pinId, body, undefined, key)
    }
    const posted = bodies.length
    const context = await viewer.browser.newContext()
    await context.addInitScript(xssTrap)
    const { page, errors } = await openThread(context, pinId)
    assert.equal(await heading(page), `${posted} comments`, 'the heading counts the pages not loaded yet')
    // Every page of the thread, through its "Show more" button.
    const more = page.locator(`${thread} .comments-more`)
    while (await more.isVisible()) {
      await more.click()
      await page.waitForFunction(
        () => !document.querySelector('section[aria-label="Comments"]')?.hasAttribute('aria-busy'),
      )
    }
    assert.equal(await page.locator('article.comment').count(), posted, 'every comment shows')
    await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('section[aria-label="Comments"] .comment-body *')) {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
        if (!el.closest('a')) el.dispatchEvent(new MouseEvent('click', { bubbles: true }))
      }
    })
    // What comes later (image loads and errors, CSP reports) has happened once every image settled and
    // two frames were drawn.
    await page.waitForFunction(() => [...document.images].every((image) => image.complete))
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
    )
    const found = await page.evaluate(() => {
      const dangerous: string[] = []
      const urlAttribute = /^(href|xlink:href|src|action|formaction|data|poster|background|ping|cite)$/i
      for (const el of document.querySelectorAll('section[aria-label="Comments"] *')) {
        for (const a of el.attributes) {
          let bad = /^on/i.test(a.name) || a.name === 'srcdoc' || a.name === 'style'
          if (!bad && urlAttribute.test(a.name)) {
            let url: URL | undefined
            try {
              url = new URL(a.value, document.baseURI)
            } catch {}
            // A data: picture in an image is harmless, as in xss.test.ts.
            const picture = el.localName === 'img' && /^data:image\//i.test(url?.href ?? '')
            bad = !['http:', 'https:', 'mailto:'].includes(url?.protocol ?? '') && !a.value.startsWith('#') && !picture
          }
          if (bad) dangerous.push(`<${el.localName} ${a.name}="${a.value.slice(0, 80)}">`)
        }
      }
      const elements = [
        ...document.querySelectorAll(
          'section[aria-label="Comments"] :is(script, object, embed, applet, base, meta, link, frame, frameset, iframe, form:not(.comment-form), style)',
        ),
      ].map((el) => el.outerHTML.slice(0, 100))
      return { dangerous, elements, hits: (window as unknown as { __hits: string[] }).__hits }
    })
    assert.deepEqual(found.dangerous, [], 'no event handler, style or script URL in a comment')
    assert.deepEqual(found.elements, [], 'no script, frame, form or style element in a comment')
    assert.deepEqual(found.hits, [], 'no payload ran and the CSP blocked nothing')
    // Chromium logs the sanitiser's parse of markup with handlers as a CSP error; the violations themselves
    // are judged above (`hits`), so the log's CSP lines are left out here.
    assert.deepEqual(
      errors.filter((e) => !e.includes('Content Security Policy')),
      [],
      'no console errors',
    )
    await context.close()
  })

  test('turning comments off hides the thread live and keeps the comments', async () => {
    const pinId = await commentPin('Switch')
    const first = await agentPosts(pinId, 'Kept while hidden')
    const ann = await member('Ann', 'viewer')
    const a = await openThread(ann, pinId)
    assert.equal(await commentIn(a.page, first.id).isVisible(), true)

    const off = await api('POST', `/v1/pins/${pinId}/share`, { allow_comments: false })
    assert.equal(off.status, 200, JSON.stringify(off.body))
    await waitUntil(
      a.page,
      'the thread hides when comments are turned off',
      () => {
        const section = document.querySelector<HTMLElement>('section[aria-label="Comments"]')
        return (!section || section.hidden) && !document.body.textContent?.includes('Kept while hidden')
      },
      null,
    )
    const refused = await api('POST', `/v1/pins/${pinId}/comments`, { body: 'no' })
    assert.equal(refused.status, 403)
    assert.equal(refused.body.error.code, 'COMMENTS_DISABLED')

    const on = await api('POST', `/v1/pins/${pinId}/share`, { allow_comments: true })
    assert.equal(on.status, 200, JSON.stringify(on.body))
    await waitUntil(
      a.page,
      'the thread is back with the same comments when they are turned on again',
      (id) => !!document.querySelector(`section[aria-label="Comments"]:not([hidden]) [data-comment-id="${id}"]`),
      first.id,
    )
    assert.deepEqual(
      (await agentLists(pinId)).map((c) => c.id),
      [first.id],
    )
    assert.deepEqual(a.errors, [])
    await ann.context.close()
  })

  test('authors delete their own comments (with replies), viewers nobody else’s, owners anyone’s', async () => {
    const pinId = await commentPin('Cleanup')
    const ann = await member('Ann', 'editor')
    const vic = await member('Vic', 'viewer')
    const olive = await member('Olive', 'owner')
    const fromAgent = await agentPosts(pinId, 'Agent note')

    const a = await openThread(ann, pinId)
    await a.page.getByLabel('Write a comment').fill('Ann note')
    await a.page.getByRole('button', { name: 'Comment', exact: true }).click()
    await a.page.locator('article.comment', { hasText: 'Ann note' }).waitFor({ timeout: 10_000 })
    const annNote = (await agentLists(pinId)).find((c) => c.body === 'Ann note')
    const replyToAnn = await agentPosts(pinId, 'Agent reply to Ann', annNote.id)
    await commentIn(a.page, replyToAnn.id).waitFor({ timeout: 10_000 })

    const v = await openThread(vic, pinId)
    assert.equal(await v.page.getByRole('button', { name: 'Delete' }).count(), 0, 'a viewer deletes nobody else’s')
    assert.equal(await v.page.getByRole('button', { name: 'Edit' }).count(), 0)
    // Ann may delete her own comment only.
    assert.equal(await commentIn(a.page, fromAgent.id).getByRole('button', { name: 'Delete' }).count(), 0)

    const own = commentIn(a.page, annNote.id)
    await own.getByRole('button', { name: 'Delete' }).click()
    await own.getByRole('button', { name: 'Yes, delete' }).click()
    await waitUntil(
      a.page,
      'the deleted comment and its reply leave the page',
      (ids) => ids.every((id) => !document.querySelector(`[data-comment-id="${id}"]`)),
      [annNote.id, replyToAnn.id],
    )
    await waitUntil(
      v.page,
      "the deletion reaches another reader's page",
      (ids) => ids.every((id) => !document.querySelector(`[data-comment-id="${id}"]`)),
      [annNote.id, replyToAnn.id],
    )
    assert.deepEqual(
      (await agentLists(pinId)).map((c) => c.id),
      [fromAgent.id],
    )

    const o = await openThread(olive, pinId)
    const agents = commentIn(o.page, fromAgent.id)
    await agents.getByRole('button', { name: 'Delete' }).click()
    await agents.getByRole('button', { name: 'Yes, delete' }).click()
    await waitUntil(
      o.page,
      "the owner deleted the agent's comment",
      () => document.querySelectorAll('article.comment').length === 0,
      null,
    )
    assert.deepEqual(await agentLists(pinId), [])
    assert.equal(await heading(o.page), '0 comments')
    for (const { errors } of [a, v, o]) assert.deepEqual(errors, [])
    for (const person of [ann, vic, olive]) await person.context.close()
  })

  test('an anonymous reader of a public pin reads the thread and is asked to sign in to comment', async () => {
    const pinId = await commentPin('Open')
    const note = await agentPosts(pinId, 'Visible to everyone')
    const { page, errors } = await openThread(null, pinId)
    assert.equal((await commentIn(page, note.id).locator('.comment-body').textContent())?.trim(), 'Visible to everyone')
    const signIn = page.getByRole('link', { name: 'Sign in to comment' })
    assert.equal(await signIn.isVisible(), true)
    assert.match((await signIn.getAttribute('href')) ?? '', /sign-in/)
    assert.equal(await page.locator(`${thread} textarea`).count(), 0, 'no form')
    assert.equal(await page.locator(`${thread} button:visible`).count(), 0, 'nothing to act on')
    assert.deepEqual(errors, [])
    await page.context().close()
  })
})
