import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { pinTypeIds, pinTypes } from '@pindown/pin-types'
import type { Locator, Page } from 'playwright-core'
import { type SignedInPerson, signedInContext } from './people-fixture.js'
import { startViewer, type ViewerFixture } from './viewer-harness.js'

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
type Json = any

let viewer: ViewerFixture
let editor: SignedInPerson

before(async () => {
  viewer = await startViewer()
  const [key] = await viewer.server.server.store.listApiKeys()
  editor = await signedInContext(viewer.browser, viewer.server, 'Edith Editor', {
    workspaceId: key!.workspaceId,
    role: 'editor',
  })
  // No internet here: outside pictures and embeds that examples name are answered locally.
  await editor.context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>outside</title>' }),
  )
})
after(async () => {
  await editor.context.close()
  await viewer.close()
})

const editablePin = (pinType: string, config: unknown, metadata: Json = { title: pinType }) =>
  viewer.createPin({ pin_type: pinType, pin_config: config, metadata, allow_edit: true })

async function pinNow(pinId: string): Promise<Json> {
  const answer = await viewer.server.request('GET', `/v1/pins/${pinId}`, { key: viewer.key })
  assert.equal(answer.status, 200, JSON.stringify(answer.body))
  return answer.body.data
}

const putWithKey = (pinId: string, body: unknown) =>
  viewer.server.request('PUT', `/v1/pins/${pinId}`, { key: viewer.key, body })

/** Waits (10 s at most) for `selector`, failing with `message`. */
async function shows(page: Page, selector: string, message: string, state: 'attached' | 'detached' = 'attached') {
  await page.waitForSelector(selector, { state, timeout: 10_000 }).catch(() => assert.fail(message))
}

/** The PUT bodies the page sends. */
function recordPuts(page: Page): Json[] {
  const bodies: Json[] = []
  page.on('request', (request) => {
    if (request.method() === 'PUT') bodies.push(JSON.parse(request.postData() ?? 'null'))
  })
  return bodies
}

/** Goes to a pin's page and opens its edit form. */
async function openEditor(page: Page, pinId: string): Promise<Locator> {
  const response = await page.goto(`${viewer.server.url}/share/pin/${pinId}`)
  assert.equal(response?.status(), 200)
  await shows(page, 'body[data-ready="true"]', `the page of ${pinId} did not get ready`)
  await shows(page, 'button.pin-edit', `the page of ${pinId} offers the editor no Edit button`)
  await page.click('button.pin-edit')
  await shows(page, 'dialog.pin-editor[open] .pe-form', 'the edit form did not open')
  return page.locator('dialog.pin-editor')
}

/** Clicks Save and waits for the dialog to close; fails with what the form says when it stays open. */
async function saveAndClose(page: Page, what: string): Promise<void> {
  await page.click('dialog.pin-editor .pe-save')
  const closed = await page
    .waitForSelector('dialog.pin-editor', { state: 'detached', timeout: 10_000 })
    .then(() => true)
    .catch(() => false)
  if (!closed) {
    const said = await page.locator('dialog.pin-editor .pe-summary, dialog.pin-editor .pe-conflict').allTextContents()
    assert.fail(`${what}: the dialog stayed open, saying ${JSON.stringify(said)}`)
  }
}

/** The field labelled `label` in the n-th item (from 0) of the form's first list. */
const itemField = (dialog: Locator, n: number, label: string) =>
  dialog.locator('.pe-items > .pe-item').nth(n).getByLabel(label, { exact: true }).first()

const statCards = () => structuredClone(pinTypes['stat-cards'].examples[0]) as Json

describe('the generated edit form', () => {
  test('every example of every type comes back exactly from the form: saving it unchanged sends nothing', async () => {
    const id = await editablePin('markdown', { content: 'A page to open the editor on' })
    const page = await editor.context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    const puts = recordPuts(page)
    await openEditor(page, id)
    await page.click('dialog.pin-editor .pe-cancel')
    await shows(page, 'dialog.pin-editor', 'Cancel did not close the dialog', 'detached')
    // The module the Edit button loaded, called here with each example (the page keeps one instance).
    const editorModule = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .find((name) => /\/edit-dialog-[^/]*\.js$/.test(name)) ?? '',
    )
    assert.ok(editorModule, 'the Edit button did not load the editor module')
    const failures: string[] = []
    let count = 0
    for (const type of pinTypeIds) {
      for (const [n, example] of pinTypes[type].examples.entries()) {
        const what = `${type} example ${n}`
        const pin: Json = {
          id: 'p-not-saved',
          pin_type: type,
          pin_config: example,
          pin_layout: '1x1',
          metadata: { title: what, tags: ['a'] },
          allow_edit: true,
          allow_comments: false,
          created_at: 0,
          updated_at: 0,
          updated_by: null,
          version: 1,
        }
        await page.evaluate(
          async ({ url, pin }) => {
            const { openEditor } = await import(url)
            const reader = { id: 'u', name: 'U', csrf: 'none', roles: {} }
            ;(window as Json).editorClosed = openEditor(pin, reader)
          },
          { url: editorModule, pin },
        )
        const sent = puts.length
        await page.click('dialog.pin-editor .pe-save')
        const closed = await page
          .waitForSelector('dialog.pin-editor', { state: 'detached', timeout: 5_000 })
          .then(() => true)
          .catch(() => false)
        if (!closed) {
          const said = await page.locator('dialog.pin-editor .pe-summary').textContent()
          failures.push(`${what}: the dialog stayed open (${said}); sent ${JSON.stringify(puts[sent])}`)
          await page.keyboard.press('Escape')
          await shows(page, 'dialog.pin-editor', `${what}: Escape did not close the dialog`, 'detached')
        } else if (puts.length !== sent) {
          failures.push(`${what}: the unchanged form sent ${JSON.stringify(puts[sent])}`)
        } else if ((await page.evaluate(() => (window as Json).editorClosed)) !== undefined) {
          failures.push(`${what}: the editor resolved with a saved pin`)
        }
        count += 1
      }
    }
    await page.close()
    assert.deepEqual(failures, [])
    assert.deepEqual(errors, [])
    assert.ok(count >= pinTypeIds.length, `only ${count} examples were checked`)
  })

  test('a handful of types saved through the server keep their config exactly: only the changed title is sent', async () => {
    // Between them: optional objects, records of unions, free-form JSON, dates, nested lists, numbers.
    const types = ['alert-action', 'charts', 'json-list', 'calendar', 'kanban-board', 'decision-matrix'] as const
    const page = await editor.context.newPage()
    const puts = recordPuts(page)
    for (const type of types) {
      const example = pinTypes[type].examples[0]
      const what = `${type} example 0`
      const id = await editablePin(type, example, { title: what, tags: ['round', 'trip'] })
      const stored = await pinNow(id)
      const dialog = await openEditor(page, id)
      await dialog.getByLabel('Title', { exact: true }).first().fill(`${what} (edited)`)
      const sent = puts.length
      await saveAndClose(page, what)
      assert.deepEqual(puts.slice(sent), [{ metadata: { title: `${what} (edited)` } }], `${what}: what was sent`)
      const after = await pinNow(id)
      assert.equal(after.version, stored.version + 1, `${what}: the version`)
      assert.deepEqual(after.pin_config, example, `${what}: the config`)
      assert.equal(after.metadata.title, `${what} (edited)`)
      assert.deepEqual(after.metadata.tags, ['round', 'trip'], `${what}: the tags`)
    }
    await page.close()
  })

  test('an edit of the title and a card saves a new version and the page shows it', async () => {
    const id = await editablePin('stat-cards', statCards(), { title: 'Revenue', tags: ['q4'] })
    const page = await editor.context.newPage()
    const dialog = await openEditor(page, id)
    await dialog.getByLabel('Title', { exact: true }).first().fill('Revenue this week')
    await itemField(dialog, 0, 'Title').fill('Gross revenue')
    // An optional field emptied goes away.
    await itemField(dialog, 0, 'Change').fill('')
    const saved = page.evaluate(
      () =>
        new Promise<Json>((resolve) =>
          document.addEventListener('pindown:saved', (event) => resolve((event as CustomEvent).detail), { once: true }),
        ),
    )
    await saveAndClose(page, 'the edit')
    const after = await pinNow(id)
    assert.deepEqual(await saved, { id, version: after.version })
    assert.equal(after.version, 2)
    assert.equal(after.metadata.title, 'Revenue this week')
    assert.deepEqual(after.metadata.tags, ['q4'])
    const expected = statCards()
    expected.cards[0].title = 'Gross revenue'
    delete expected.cards[0].change
    assert.deepEqual(after.pin_config, expected)
    await shows(page, `[data-pin-id="${id}"][data-version="2"]`, 'the page did not re-render version 2')
    await page.waitForFunction(() => document.body.textContent?.includes('Gross revenue'), null, { timeout: 10_000 })
    await page.close()
  })

  test('lists: items move, go and come; a value switches between text and number', async () => {
    const id = await editablePin('stat-cards', statCards())
    const page = await editor.context.newPage()
    const dialog = await openEditor(page, id)
    const titles = statCards().cards.map((card: Json) => card.title)
    await dialog.getByRole('button', { name: 'Move item 2 up' }).click()
    await dialog.getByRole('button', { name: 'Remove item 4' }).click()
    await dialog.locator('.pe-array > .pe-action', { hasText: 'Add item' }).first().click()
    await itemField(dialog, 3, 'Title').fill('Uptime')
    await itemField(dialog, 3, 'Value').fill('99.95')
    await itemField(dialog, 3, 'Value: kind').selectOption({ label: 'Number' })
    await saveAndClose(page, 'the list edit')
    const cards = (await pinNow(id)).pin_config.cards
    assert.deepEqual(
      cards.map((card: Json) => card.title),
      [titles[1], titles[0], titles[2], 'Uptime'],
    )
    assert.deepEqual(cards[3], { title: 'Uptime', value: 99.95 })
    assert.deepEqual(cards[0], statCards().cards[1])
    await page.close()
  })

  test('colour and date fields have a picker beside their text; a rule across fields is shown where it fails', async () => {
    const page = await editor.context.newPage()
    const chartId = await editablePin('charts', pinTypes.charts.examples[0])
    let dialog = await openEditor(page, chartId)
    const colour = dialog.getByLabel('Color: pick a colour').first()
    assert.equal(await colour.inputValue(), '#1f6feb')
    await colour.fill('#ff0000')
    await saveAndClose(page, 'the colour')
    assert.equal((await pinNow(chartId)).pin_config.series[0].color, '#ff0000')

    const calendarId = await editablePin('calendar', pinTypes.calendar.examples[0])
    dialog = await openEditor(page, calendarId)
    const start = itemField(dialog, 0, 'Start: pick a date')
    assert.equal(await start.inputValue(), '2026-11-02')
    await start.fill('2026-11-03')
    // A date-time keeps its time; the end is now before the start.
    assert.equal(await itemField(dialog, 0, 'Start').inputValue(), '2026-11-03T10:00:00+01:00')
    await page.click('dialog.pin-editor .pe-save')
    await shows(page, 'dialog.pin-editor .pe-summary:not([hidden])', 'the end before the start was not named')
    assert.equal(await itemField(dialog, 0, 'End').getAttribute('aria-invalid'), 'true')
    await itemField(dialog, 0, 'End: pick a date').fill('2026-11-03')
    await saveAndClose(page, 'the dates')
    const event = (await pinNow(calendarId)).pin_config.events[0]
    assert.deepEqual(event, {
      title: 'Sprint 43 planning',
      start: '2026-11-03T10:00:00+01:00',
      end: '2026-11-03T11:30:00+01:00',
    })
    await page.close()
  })

  test('an invalid value is shown at its field and nothing is sent', async () => {
    const id = await editablePin('stat-cards', statCards())
    const page = await editor.context.newPage()
    const puts = recordPuts(page)
    const dialog = await openEditor(page, id)
    const title = itemField(dialog, 1, 'Title')
    await title.fill('')
    await page.click('dialog.pin-editor .pe-save')
    await shows(page, 'dialog.pin-editor .pe-summary:not([hidden])', 'no summary of the problems was shown')
    assert.equal(await title.getAttribute('aria-invalid'), 'true')
    const issue = dialog.locator('.pe-items > .pe-item').nth(1).locator('.pe-issue:not([hidden])').first()
    assert.equal(await issue.textContent(), 'Must not be empty')
    assert.match((await dialog.locator('.pe-summary').textContent()) ?? '', /cards\[1\]\.title/)
    assert.deepEqual(puts, [])
    assert.equal((await pinNow(id)).version, 1)
    // Escape closes the dialog without saving.
    await page.keyboard.press('Escape')
    await shows(page, 'dialog.pin-editor', 'Escape did not close the dialog', 'detached')
    assert.deepEqual(puts, [])
    await page.close()
  })

  test('a pin changed meanwhile: apply my change on top keeps both; reload drops mine', async () => {
    const id = await editablePin('stat-cards', statCards())
    const page = await editor.context.newPage()
    let dialog = await openEditor(page, id)
    await itemField(dialog, 0, 'Title').fill('Mine')
    const theirs = statCards()
    theirs.cards[1].value = '2,000'
    assert.equal((await putWithKey(id, { pin_config: theirs })).status, 200)
    await page.click('dialog.pin-editor .pe-save')
    await shows(page, 'dialog.pin-editor .pe-conflict:not([hidden])', 'the conflict was not shown')
    assert.match(
      (await dialog.locator('.pe-conflict').textContent()) ?? '',
      /This pin changed while you were editing \(now version 2/,
    )
    await dialog.getByRole('button', { name: 'Apply my changes on top' }).click()
    await shows(page, 'dialog.pin-editor', 'applying on top did not save', 'detached')
    const merged = await pinNow(id)
    assert.equal(merged.version, 3)
    assert.equal(merged.pin_config.cards[0].title, 'Mine')
    assert.equal(merged.pin_config.cards[1].value, '2,000')

    await shows(page, `[data-pin-id="${id}"][data-version="3"]`, 'the page did not re-render version 3')
    await page.click('button.pin-edit')
    await shows(page, 'dialog.pin-editor[open] .pe-form', 'the edit form did not open again')
    dialog = page.locator('dialog.pin-editor')
    await itemField(dialog, 2, 'Title').fill('Dropped')
    const newer = structuredClone(merged.pin_config)
    newer.cards[2].title = 'Theirs'
    assert.equal((await putWithKey(id, { pin_config: newer })).status, 200)
    await page.click('dialog.pin-editor .pe-save')
    await shows(page, 'dialog.pin-editor .pe-conflict:not([hidden])', 'the second conflict was not shown')
    await dialog.getByRole('button', { name: 'Discard mine and reload' }).click()
    assert.equal(await itemField(dialog, 2, 'Title').inputValue(), 'Theirs')
    assert.match((await dialog.locator('.pe-subtitle').textContent()) ?? '', /version 4/)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await shows(page, 'dialog.pin-editor', 'Cancel did not close the dialog', 'detached')
    const last = await pinNow(id)
    assert.equal(last.version, 4)
    assert.deepEqual(last.pin_config, newer)
    await page.close()
  })
})
