import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startViewer, type ViewerFixture } from './viewer-harness.js'

let viewer: ViewerFixture
before(async () => {
  viewer = await startViewer()
})
after(() => viewer.close())

const markdownPin = (title: string, content: string, extra: Record<string, unknown> = {}) =>
  viewer.createPin({ pin_type: 'markdown', pin_config: { content }, metadata: { title }, ...extra })
const put = (id: string, body: unknown) => viewer.server.request('PUT', `/v1/pins/${id}`, { key: viewer.key, body })

describe('one pin', () => {
  test('shows title, tags and last update', async () => {
    const id = await markdownPin('Sprint notes', '## Done\n\n- importer', {
      metadata: { title: 'Sprint notes', tags: ['team', 'q4'] },
    })
    const { page, errors } = await viewer.open(`/share/pin/${id}`)
    assert.equal(await page.locator('h1').textContent(), 'Sprint notes')
    assert.deepEqual(await page.locator('.tag').allTextContents(), ['team', 'q4'])
    assert.match((await page.locator('.pin-meta time').textContent()) ?? '', /^Updated /)
    assert.equal(await page.title(), 'Sprint notes')
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('a PUT changes the open page within a second, keeping the scroll position', async () => {
    const long = Array.from({ length: 80 }, (_, i) => `Paragraph ${i} of the incident review.`).join('\n\n')
    const id = await markdownPin('Incident review', `# Draft\n\n${long}`)
    const { page, errors } = await viewer.open(`/share/pin/${id}`, { height: 600 })
    await page.evaluate(() => window.scrollTo(0, 900))
    await page.waitForSelector('html[data-live="open"]')
    assert.equal((await put(id, { pin_config: { content: `# Final\n\n${long}` } })).status, 200)
    // How soon is measured in the bench; here it only has to arrive.
    await page.waitForFunction(() => document.querySelector('.markdown h1')?.textContent?.trim() === 'Final', null, {
      timeout: 10_000,
    })
    assert.equal(await page.evaluate(() => window.scrollY), 900)
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('a pin made private or deleted disappears from an open page, and its page is then a 404', async () => {
    for (const hide of ['private', 'delete'] as const) {
      const id = await markdownPin(`Going away (${hide})`, 'Secret plans')
      const { page } = await viewer.open(`/share/pin/${id}`)
      await page.waitForSelector('html[data-live="open"]')
      if (hide === 'private') {
        await viewer.server.request('POST', `/v1/pins/${id}/share`, { key: viewer.key, body: { is_public: false } })
      } else {
        await viewer.server.request('DELETE', `/v1/pins/${id}`, { key: viewer.key })
      }
      await page.waitForSelector('.pin-gone', { timeout: 10_000 })
      assert.equal(await page.locator('.markdown').count(), 0)
      assert.ok(!(await page.content()).includes('Secret plans'))
      const reopened = await viewer.open(`/share/pin/${id}`)
      assert.equal(reopened.status, 404)
      await page.close()
      await reopened.page.close()
    }
  })
})

describe('visibility', () => {
  test('a private pin is a 404 page that does not hint it exists', async () => {
    const id = await markdownPin('Private', 'nothing to see', { is_public: false })
    const { page, status } = await viewer.open(`/share/pin/${id}`)
    assert.equal(status, 404)
    assert.equal(await page.locator('h1').textContent(), 'Pin not found')
    assert.ok(!(await page.content()).includes('Private'))
    const unknown = await viewer.open('/share/pin/p-000000000000')
    assert.equal(await unknown.page.content(), (await page.content()).replace(id, 'p-000000000000'))
    await page.close()
    await unknown.page.close()
  })

  test('a public pin that requires sign-in is a 401 page', async () => {
    const id = await markdownPin('Members only', 'hidden', { require_sign_in: true })
    const { page, status } = await viewer.open(`/share/pin/${id}`)
    assert.equal(status, 401)
    assert.equal(await page.locator('h1').textContent(), 'Sign-in required')
    assert.ok(!(await page.content()).includes('hidden'))
    await page.close()
  })

  test('security headers: strict CSP, no framing except ?embed=1, which drops the chrome', async () => {
    const id = await markdownPin('Embeddable', 'in a frame')
    const normal = await fetch(`${viewer.server.url}/share/pin/${id}`)
    const csp = normal.headers.get('content-security-policy') ?? ''
    assert.match(csp, /script-src 'self';/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.equal(normal.headers.get('x-frame-options'), 'DENY')
    assert.equal(normal.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(normal.headers.get('referrer-policy'), 'no-referrer')
    const embedded = await fetch(`${viewer.server.url}/share/pin/${id}?embed=1`)
    assert.match(embedded.headers.get('content-security-policy') ?? '', /frame-ancestors \*/)
    assert.equal(embedded.headers.get('x-frame-options'), null)
    const { page } = await viewer.open(`/share/pin/${id}?embed=1`)
    assert.equal(await page.locator('.page-header').count(), 0)
    assert.equal((await page.locator('.markdown').textContent())?.trim(), 'in a frame')
    await page.close()
  })
})

describe('boards', () => {
  test('2x1 and 1x2 pins span two columns and two rows; narrow screens never overflow', async () => {
    const wide = await markdownPin('Wide', 'two columns', { pin_layout: '2x1' })
    const tall = await markdownPin('Tall', 'two rows', { pin_layout: '1x2' })
    const small = await markdownPin('Small', 'one cell')
    const hidden = await markdownPin('Hidden', 'private', { is_public: false })
    const path = `/share/board?pins=${wide},${tall},${small},${hidden}&title=Weekly%20board`
    const { page, errors } = await viewer.open(path, { width: 1280 })
    assert.equal(await page.locator('h1').textContent(), 'Weekly board')
    assert.equal(await page.locator('.pin-card').count(), 3, 'the private pin is left out')
    const box = async (id: string) => (await page.locator(`[data-pin-id="${id}"]`).boundingBox())!
    const [w, t, s] = [await box(wide), await box(tall), await box(small)]
    const gap = 16
    assert.ok(Math.abs(w.width - (2 * s.width + gap)) < 2, `2x1 is ${w.width}px, 1x1 is ${s.width}px`)
    assert.ok(Math.abs(t.width - s.width) < 2)
    assert.ok(t.height >= 2 * 160 + gap - 1, `1x2 is ${t.height}px tall`)
    assert.deepEqual(errors, [])
    await page.close()

    for (const width of [800, 380]) {
      const narrow = await viewer.open(path, { width })
      const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert.ok(overflow <= 0, `${width}px wide: ${overflow}px overflow`)
      await narrow.page.close()
    }
  })

  test('a board follows changes of each of its pins', async () => {
    const a = await markdownPin('A', 'first')
    const b = await markdownPin('B', 'second')
    const { page } = await viewer.open(`/share/board?pins=${a},${b}`)
    await page.waitForSelector('html[data-live="open"]')
    await put(b, { pin_config: { content: 'second, revised' } })
    await page.waitForFunction(
      (id) => document.querySelector(`[data-pin-id="${id}"] .markdown`)?.textContent?.trim() === 'second, revised',
      b,
      { timeout: 10_000 },
    )
    await page.close()
  })

  test('a board with no public pin is a 404', async () => {
    const { status, page } = await viewer.open('/share/board?pins=p-000000000000')
    assert.equal(status, 404)
    await page.close()
  })
})
