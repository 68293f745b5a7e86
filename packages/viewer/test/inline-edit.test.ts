import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { type SignedInPerson, type Standing, signedInContext } from './people-fixture.js'
import { startViewer, type ViewerFixture } from './viewer-harness.js'

let viewer: ViewerFixture
let workspaceId: string

before(async () => {
  viewer = await startViewer()
  const [key] = await viewer.server.server.store.listApiKeys()
  workspaceId = key!.workspaceId
})
after(() => viewer.close())

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
type Json = any

const checklist = {
  title: 'Launch',
  items: [
    { id: 'docs', text: 'Write docs' },
    { id: 'qa', text: 'QA sign-off' },
  ],
}

const board = {
  columns: [
    {
      id: 'todo',
      title: 'To do',
      cards: [
        { id: 'PAY-1', title: 'Retry webhooks' },
        { id: 'PAY-2', title: 'Archive invoices' },
      ],
    },
    { id: 'doing', title: 'Doing', cards: [{ id: 'PAY-3', title: 'Ledger' }] },
    { id: 'done', title: 'Done', cards: [] },
  ],
}

const editablePin = (pinType: string, config: unknown) =>
  viewer.createPin({ pin_type: pinType, pin_config: config, metadata: { title: pinType }, allow_edit: true })

async function pinNow(pinId: string): Promise<Json> {
  const answer = await viewer.server.request('GET', `/v1/pins/${pinId}`, { key: viewer.key })
  assert.equal(answer.status, 200, JSON.stringify(answer.body))
  return answer.body.data
}

/** Polls the pin through the API until `check` holds; fails with `message` and the last config after 10 s. */
async function configBecomes(pinId: string, check: (config: Json) => boolean, message: string): Promise<Json> {
  const deadline = Date.now() + 10_000
  let config: Json
  do {
    config = (await pinNow(pinId)).pin_config
    if (check(config)) return config
    await new Promise((resolve) => setTimeout(resolve, 50))
  } while (Date.now() < deadline)
  assert.fail(`${message}; the pin's config is ${JSON.stringify(config)}`)
}

interface Opened {
  readonly page: Page
  readonly errors: string[]
}

/** A pin's page in the person's browser (anonymous when null), once every renderer has drawn. */
async function openPin(person: SignedInPerson | null, pinId: string): Promise<Opened> {
  const context = person ? person.context : await viewer.browser.newContext()
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  const response = await page.goto(`${viewer.server.url}/share/pin/${pinId}`)
  assert.equal(response?.status(), 200)
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 })
  return { page, errors }
}

/** Waits (10 s at most) until `selector` is in the page, failing with `message`. */
async function shows(page: Page, selector: string, message: string): Promise<void> {
  await page.waitForSelector(selector, { state: 'attached', timeout: 10_000 }).catch(() => assert.fail(message))
}

/** Waits until the page shows the pin's current version (re-rendered from the live stream after a save). */
async function showsCurrent(page: Page, pinId: string): Promise<void> {
  const { version } = await pinNow(pinId)
  await shows(
    page,
    `[data-pin-id="${pinId}"][data-version="${version}"]`,
    `the page did not re-render version ${version}`,
  )
}

const person = (name: string, standing: Standing) => signedInContext(viewer.browser, viewer.server, name, standing)

/** Every edit control a renderer may offer; none may be there for a reader who cannot edit. */
async function editControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    for (const root of document.querySelectorAll('.pin-body')) {
      for (const box of root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
        if (!box.disabled) found.push('enabled checkbox')
      }
      if (root.querySelector('[draggable="true"]')) found.push('draggable element')
      if (root.querySelector('.kanban-move, .canvas-movable, .table-cell-editable')) found.push('move or edit control')
      const header = root.closest('article')?.querySelector('.pin-header')
      for (const button of [...root.querySelectorAll('button'), ...(header?.querySelectorAll('button') ?? [])]) {
        if (/edit|save/i.test(`${button.textContent} ${button.getAttribute('aria-label') ?? ''}`)) {
          found.push(`button ${button.textContent}`)
        }
      }
    }
    return found
  })
}

/** A PUT made by the page itself, with its session cookie and whatever CSRF token the page holds. */
function forgedUpdate(page: Page, pinId: string, config: unknown, version: number): Promise<number> {
  return page.evaluate(
    async ({ pinId, config, version }) => {
      const data = JSON.parse(document.getElementById('pindown-data')?.textContent ?? '{}')
      const response = await fetch(`/v1/pins/${pinId}`, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          'if-match': `"${version}"`,
          'x-csrf-token': data.reader?.csrf ?? 'none',
        },
        body: JSON.stringify({ pin_config: config }),
      })
      return response.status
    },
    { pinId, config, version },
  )
}

describe('inline edits', () => {
  test('an editor ticks an item and moves a card; a viewer sees both, has no controls and cannot forge an edit', async () => {
    const checklistId = await editablePin('checklist', checklist)
    const boardId = await editablePin('kanban-board', board)
    const editor = await person('Eddie Editor', { workspaceId, role: 'editor' })
    const reader = await person('Vera Viewer', { workspaceId, role: 'viewer' })
    try {
      const editorList = await openPin(editor, checklistId)
      const editorBoard = await openPin(editor, boardId)
      const viewerList = await openPin(reader, checklistId)
      const viewerBoard = await openPin(reader, boardId)
      assert.notDeepEqual(await editControls(editorList.page), [], 'the editor has checklist controls')
      assert.notDeepEqual(await editControls(editorBoard.page), [], 'the editor has board controls')
      assert.deepEqual(await editControls(viewerList.page), [], 'the viewer sees no checklist edit control')
      assert.deepEqual(await editControls(viewerBoard.page), [], 'the viewer sees no board edit control')

      await editorList.page.getByRole('checkbox', { name: 'QA sign-off' }).check()
      await shows(
        viewerList.page,
        '.checklist-item.is-checked[data-item-id="qa"]',
        "the viewer's page did not show the ticked item",
      )
      await configBecomes(
        checklistId,
        (c) => c.items[1].checked === true && c.items[0].checked !== true,
        'the tick was not saved on its item',
      )

      const card = editorBoard.page.locator('.kanban-card[data-card-id="PAY-1"]')
      await card.dragTo(editorBoard.page.locator('.kanban-column[data-column-id="done"]'))
      await shows(
        viewerBoard.page,
        '.kanban-column[data-column-id="done"] .kanban-card[data-card-id="PAY-1"]',
        "the viewer's page did not show the card in its new column",
      )
      const moved = await configBecomes(
        boardId,
        (c) => c.columns[2].cards.some((x: Json) => x.id === 'PAY-1'),
        'the card move was not saved',
      )
      assert.deepEqual(
        moved.columns.map((c: Json) => c.cards.map((x: Json) => x.id)),
        [['PAY-2'], ['PAY-3'], ['PAY-1']],
      )
      // Re-rendered from the stream, the viewer's pages still offer nothing to edit.
      assert.deepEqual(await editControls(viewerList.page), [])
      assert.deepEqual(await editControls(viewerBoard.page), [])

      for (const opened of [editorList, editorBoard, viewerList, viewerBoard]) assert.deepEqual(opened.errors, [])

      const before = await pinNow(boardId)
      const forged = structuredClone(before.pin_config)
      forged.columns[0].cards = []
      const status = await forgedUpdate(viewerBoard.page, boardId, forged, before.version)
      assert.ok(status === 403 || status === 404, `the viewer's forged update answered ${status}`)
      const afterForgery = await pinNow(boardId)
      assert.equal(afterForgery.version, before.version)
      assert.deepEqual(afterForgery.pin_config, before.pin_config)
    } finally {
      await editor.context.close()
      await reader.context.close()
    }
  })

  test('a collaborator viewer and an anonymous reader get no controls on an editable pin', async () => {
    const pins = await Promise.all([
      editablePin('checklist', checklist),
      editablePin('kanban-board', board),
      editablePin('markdown', { content: '# Notes' }),
      editablePin('table', { columns: [{ id: 'a', name: 'A' }], rows: [{ a: 'x' }] }),
      editablePin('realtime-canvas', { elements: [{ id: 'n1', kind: 'note', x: 0, y: 0, text: 'Hi' }] }),
    ])
    for (const pinId of pins) {
      const collaborator = await person('Colin Collaborator', { pinId, role: 'viewer' })
      try {
        for (const who of [collaborator, null]) {
          const { page } = await openPin(who, pinId)
          assert.deepEqual(await editControls(page), [], `${who ? 'collaborator' : 'anonymous'} on ${pinId}`)
          await (who ? page.close() : page.context().close())
        }
      } finally {
        await collaborator.context.close()
      }
    }
  })

  test('a pin without allow_edit offers its editors no controls', async () => {
    const pinId = await viewer.createPin({ pin_type: 'checklist', pin_config: checklist, metadata: { title: 'Fixed' } })
    const editor = await person('Ed Fixed', { workspaceId, role: 'editor' })
    try {
      const { page } = await openPin(editor, pinId)
      assert.deepEqual(await editControls(page), [])
    } finally {
      await editor.context.close()
    }
  })

  describe('each editor saves the right config', () => {
    let editor: SignedInPerson
    before(async () => {
      editor = await person('Edna Editor', { workspaceId, role: 'editor' })
    })
    after(() => editor.context.close())

    test('a kanban card moves with its "Move to" menu, and before another card by dragging', async () => {
      const pinId = await editablePin('kanban-board', board)
      const { page, errors } = await openPin(editor, pinId)
      await page.getByRole('combobox', { name: 'Move Ledger to' }).selectOption('done')
      await configBecomes(pinId, (c) => c.columns[2].cards[0]?.id === 'PAY-3', 'the menu move was not saved')
      await showsCurrent(page, pinId)
      const target = page.locator('.kanban-card[data-card-id="PAY-3"]')
      await page.locator('.kanban-card[data-card-id="PAY-2"]').dragTo(target, { targetPosition: { x: 20, y: 4 } })
      const config = await configBecomes(
        pinId,
        (c) => c.columns[2].cards.length === 2,
        'the drag before another card was not saved',
      )
      assert.deepEqual(
        config.columns.map((c: Json) => c.cards.map((x: Json) => x.id)),
        [['PAY-1'], [], ['PAY-2', 'PAY-3']],
      )
      assert.deepEqual(errors, [])
    })

    test('markdown is edited beside a live preview and saved', async () => {
      const written = '## Plan\n\n- **ship** it\n\n<script>window.ran = 1</script><a href="javascript:alert(1)">x</a>'
      const pinId = await editablePin('markdown', { content: '# Notes\n\nOld text.' })
      const { page, errors } = await openPin(editor, pinId)
      await page.getByRole('button', { name: 'Edit the text' }).click()
      const source = page.getByRole('textbox', { name: 'Markdown' })
      assert.equal(await source.inputValue(), '# Notes\n\nOld text.')
      await source.fill(written)
      await shows(page, '.markdown-preview h2', 'the preview did not show the heading')
      await shows(page, '.markdown-preview li strong', 'the preview did not show the bold list item')
      await shows(page, '.markdown-preview a', 'the preview did not show the link text')
      const unsafe = await page.evaluate(() => ({
        ran: 'ran' in window,
        scripts: document.querySelectorAll('.markdown-preview script').length,
        href: document.querySelector('.markdown-preview a')?.getAttribute('href') ?? null,
      }))
      assert.deepEqual(unsafe, { ran: false, scripts: 0, href: null }, 'the preview is sanitised')
      await page.getByRole('button', { name: 'Save' }).click()
      await configBecomes(pinId, (c) => c.content === written, 'the markdown was not saved')
      await shows(page, '.pin-body h2', 'the page does not show the saved text')
      assert.equal(await page.locator('.markdown-source').count(), 0, 'the editor closed')

      // Cancel leaves the pin as it was.
      const version = (await pinNow(pinId)).version
      await page.getByRole('button', { name: 'Edit the text' }).click()
      await page.getByRole('textbox', { name: 'Markdown' }).fill('thrown away')
      await page.getByRole('button', { name: 'Cancel' }).click()
      assert.equal((await pinNow(pinId)).version, version)
      assert.deepEqual(errors, [])
    })

    test('a table cell is edited in place, keeping numbers numbers', async () => {
      const pinId = await editablePin('table', {
        columns: [
          { id: 'region', name: 'Region' },
          { id: 'revenue', name: 'Revenue', type: 'currency' },
          { id: 'growth', name: 'Growth', type: 'percent' },
        ],
        rows: [
          { region: 'North', revenue: 100, growth: 0.1 },
          { region: 'South', revenue: 200, growth: 0.2 },
        ],
      })
      const { page, errors } = await openPin(editor, pinId)
      // Sorted descending by region, the first row shown is South: the edit must land on South all the same.
      await page.getByRole('button', { name: 'Region' }).click()
      await page.getByRole('button', { name: 'Region' }).click()
      await page.locator('tbody tr').first().locator('td').nth(1).dblclick()
      const input = page.getByRole('textbox', { name: 'Revenue, row 2' })
      assert.equal(await input.inputValue(), '200')
      await input.fill('1,250.5')
      await input.press('Enter')
      let config = await configBecomes(pinId, (c) => c.rows[1].revenue !== 200, 'the number cell was not saved')
      assert.deepEqual(config.rows, [
        { region: 'North', revenue: 100, growth: 0.1 },
        { region: 'South', revenue: 1250.5, growth: 0.2 },
      ])

      await showsCurrent(page, pinId)
      await page.locator('tbody tr').first().locator('td').first().dblclick()
      const region = page.getByRole('textbox', { name: /^Region, row / })
      await region.fill('Escaped')
      await region.press('Escape')
      assert.equal(await page.locator('tbody input').count(), 0, 'Escape closes the input')

      await page.locator('tbody tr').first().locator('td').nth(2).dblclick()
      const growth = page.getByRole('textbox', { name: /^Growth, row / })
      assert.equal(await growth.inputValue(), '10%')
      await growth.fill('12.5%')
      await growth.press('Enter')
      config = await configBecomes(pinId, (c) => c.rows[0].growth !== 0.1, 'the percent cell was not saved')
      assert.deepEqual(config.rows, [
        { region: 'North', revenue: 100, growth: 0.125 },
        { region: 'South', revenue: 1250.5, growth: 0.2 },
      ])
      assert.deepEqual(errors, [])
    })

    test('a flexible-table cell takes text', async () => {
      const pinId = await editablePin('flexible-table', {
        columns: [{ id: 'name', name: 'Name' }],
        rows: [{ name: 'Old' }],
      })
      const { page, errors } = await openPin(editor, pinId)
      await page.locator('tbody td').first().focus()
      await page.keyboard.press('Enter')
      await page.getByRole('textbox', { name: 'Name, row 1' }).fill('New name')
      await page.keyboard.press('Enter')
      await configBecomes(pinId, (c) => c.rows[0].name === 'New name', 'the text cell was not saved')
      assert.deepEqual(errors, [])
    })

    test('a canvas note is dragged to a new place', async () => {
      const pinId = await editablePin('realtime-canvas', {
        elements: [
          { id: 'n1', kind: 'note', x: 0, y: 0, w: 160, h: 100, text: 'Drag me' },
          { id: 'n2', kind: 'note', x: 400, y: 300, w: 160, h: 100, text: 'Stay' },
          { id: 'a1', kind: 'arrow', x: 0, y: 0, from: 'n1', to: 'n2' },
        ],
        viewport: { zoom: 1 },
      })
      const { page, errors } = await openPin(editor, pinId)
      const note = page.locator('.canvas-note', { hasText: 'Drag me' })
      const box = await note.boundingBox()
      assert.ok(box)
      await page.mouse.move(box.x + 40, box.y + 40)
      await page.mouse.down()
      await page.mouse.move(box.x + 90, box.y + 70, { steps: 5 })
      await page.mouse.up()
      const config = await configBecomes(pinId, (c) => c.elements[0].x !== 0, 'the note move was not saved')
      assert.deepEqual(
        config.elements.map((e: Json) => [e.id, e.x, e.y]),
        [
          ['n1', 50, 30],
          ['n2', 400, 300],
          ['a1', 0, 0],
        ],
      )
      // And from the keyboard: focus the note, arrow right moves it 10 units.
      await showsCurrent(page, pinId)
      await page.locator('.canvas-note', { hasText: 'Drag me' }).focus()
      await page.keyboard.press('ArrowRight')
      await configBecomes(pinId, (c) => c.elements[0].x === 60, 'the keyboard move was not saved')
      assert.deepEqual(errors, [])
    })
  })
})
