import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { type PinTypeId, pinTypeIds, pinTypes, validatePinConfig } from '@pindown/pin-types'
import { startViewer, type ViewerFixture } from './viewer-harness.js'
import { payloads } from './xss-payloads.js'

// PIN_TYPES=a,b limits the run, as in render.test.ts.
const only = process.env.PIN_TYPES?.split(',').filter(Boolean)
const types = pinTypeIds.filter((id) => !only || only.includes(id))

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

/** Every path to a string value in `value` (object keys are left alone: they name columns, options...). */
function stringPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path]
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]))
  return []
}

function setAt(root: Json, path: (string | number)[], text: string): Json {
  const copy = structuredClone(root)
  let node = copy as Record<string | number, Json>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>
  node[path.at(-1)!] = text
  return copy
}

/** The example with `payload` in every string field where the schema still accepts it. */
function poisoned(type: PinTypeId, example: Json, payload: string): Json {
  let config = example
  for (const path of stringPaths(example)) {
    const candidate = setAt(config, path, payload)
    if (validatePinConfig(type, candidate).ok) config = candidate
  }
  return config
}

let viewer: ViewerFixture
before(async () => {
  viewer = await startViewer()
})
after(() => viewer.close())

test(`${payloads.length} payloads exist`, () => assert.ok(payloads.length >= 50))

for (const type of types) {
  test(`${type}: no payload in any string field runs a script`, async () => {
    const example = pinTypes[type].examples[0] as Json
    const ids: string[] = []
    const pins = payloads.map((payload) => ({
      is_public: true,
      pin_type: type,
      pin_config: poisoned(type, example, payload),
      metadata: { title: payload.slice(0, 200), tags: [payload.slice(0, 50)] },
    }))
    for (let i = 0; i < pins.length; i += 50) {
      const answer = await viewer.server.request('POST', '/v1/pins/batch', {
        key: viewer.key,
        body: { pins: pins.slice(i, i + 50) },
      })
      assert.deepEqual(answer.body.data.failed, [])
      ids.push(...answer.body.data.created.map((c: { id: string }) => c.id))
    }
    const page = await viewer.browser.newPage()
    await page.addInitScript(() => {
      const w = window as unknown as { __xss: (n: number) => void; __hits: string[] }
      w.__hits = []
      w.__xss = (n) => w.__hits.push(`payload ${n}`)
      for (const name of ['alert', 'confirm', 'prompt'] as const) window[name] = (() => w.__hits.push(name)) as never
      // Chromium reports a violation whenever hostile markup with an inline handler is parsed, even by the
      // sanitiser into an inert document where nothing can run. Those come from our own bundles and are
      // recorded apart; any other violation (a script element or handler reaching the page) is a failure.
      document.addEventListener('securitypolicyviolation', (e) => {
        const sanitiserParse = e.violatedDirective === 'script-src-attr' && e.sourceFile.includes('/assets/')
        if (!sanitiserParse) w.__hits.push(`CSP ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`)
      })
    })
    await page.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: '' }),
    )
    for (let i = 0; i < ids.length; i += 50) {
      await page.goto(`${viewer.server.url}/share/board?pins=${ids.slice(i, i + 50).join(',')}`)
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 })
      await page.waitForTimeout(300)
      // Hover and click everything a visitor could, in case a handler waits for them.
      await page.evaluate(() => {
        for (const el of document.querySelectorAll<HTMLElement>('main *')) {
          el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
          // Not links: following one leaves the page (their URLs are checked by the DOM scan below).
          if (!el.closest('a')) el.dispatchEvent(new MouseEvent('click', { bubbles: true }))
        }
      })
      const dangerous = await page.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes]
            .filter(
              (a) =>
                /^on/i.test(a.name) ||
                (/^(href|src|xlink:href|action|formaction|data)$/i.test(a.name) &&
                  /^\s*(javascript|data:text)/i.test(a.value)) ||
                a.name === 'srcdoc',
            )
            .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}">`),
        ),
      )
      assert.deepEqual(dangerous, [], 'no event handler, javascript: URL or srcdoc in the DOM')
      const hits = await page.evaluate(() => (window as unknown as { __hits: string[] }).__hits)
      assert.deepEqual(hits, [], 'no payload ran and the CSP blocked nothing')
    }
    await page.close()
  })
}
