import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { startTestServer, type TestServer } from '../../server/test/harness.js'
import { launchBrowser } from '../../viewer/test/browser.js'

// The built SDK, loaded as ES modules by a page on another origin than the API.
const dist = fileURLToPath(new URL('../dist/', import.meta.url))
let api: TestServer
let site: Server
let siteUrl: string
let browser: Browser

before(async () => {
  // The browser first: if it cannot start, no server is left open to keep the test process alive.
  browser = await launchBrowser()
  api = await startTestServer()
  site = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    if (path === '/')
      return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>')
    try {
      const body = await readFile(join(dist, path.replace(/^\/client\//, '')))
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  const address = site.address()
  siteUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})
after(async () => {
  await browser?.close()
  site?.close()
  await api?.close()
})

test('the SDK works in a browser page on another origin (CORS)', async () => {
  const { key } = await api.newKey()
  const page = await browser.newPage()
  await page.goto(`${siteUrl}/`)
  const result = await page.evaluate(
    async ({ apiKey, baseUrl }) => {
      const { PindownClient, ValidationError } = await import(`${location.origin}/client/index.js`)
      const client = new PindownClient({ apiKey, baseUrl })
      const created = await client.pins.create({ metadata: { title: 'From a browser' } })
      const pin = await client.pins.get(created.id)
      let error = ''
      try {
        await client.pins.create({ pin_type: 'stat-cards', pin_config: { cards: [] }, metadata: { title: 'x' } })
      } catch (e) {
        const failure = e as { code: string; details: { path: string }[] }
        error = e instanceof ValidationError ? `${failure.code} ${failure.details[0]?.path}` : String(e)
      }
      return { title: pin.metadata.title, error }
    },
    { apiKey: key, baseUrl: api.url },
  )
  assert.deepEqual(result, { title: 'From a browser', error: 'PIN_CONFIG_INVALID cards' })
  await page.close()
})
