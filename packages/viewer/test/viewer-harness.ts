import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../../server/test/harness.js'
import { launchBrowser } from './browser.js'

// 1x1 grey PNG.
const placeholderPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN4+P//fwAJTgPdk3c3NwAAAABJRU5ErkJggg==',
  'base64',
)

export interface OpenedPage {
  readonly page: Page
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[]
  readonly status: number
}

export interface ViewerFixture {
  readonly server: TestServer
  readonly browser: Browser
  readonly key: string
  /** Creates a pin (public unless the body says otherwise) and answers its id. */
  createPin(body: Record<string, unknown>): Promise<string>
  open(path: string, options?: { width?: number; height?: number; waitReady?: boolean }): Promise<OpenedPage>
  close(): Promise<void>
}

/**
 * Collects the page's console errors and uncaught exceptions (answered, to be checked by the test), and
 * answers the outside pictures and embeds that examples name locally: this machine has no internet, and
 * they would load for a real visitor.
 */
export async function watchPage(page: Page): Promise<string[]> {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) =>
      route.request().resourceType() === 'image'
        ? route.fulfill({ status: 200, contentType: 'image/png', body: placeholderPng })
        : route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>embed</title>' }),
  )
  return errors
}

/** A server with the built viewer, a key, and Debian's Chromium. Rate limits are out of the way. */
export async function startViewer(): Promise<ViewerFixture> {
  // The browser first: if it cannot start, no server is left open to keep the test process alive.
  const browser = await launchBrowser()
  const server = await startTestServer({
    RATE_LIMIT_WRITES: '100000',
    RATE_LIMIT_READS: '100000',
    // Public pages count every request, the viewer's scripts too: a run loads hundreds of pages a minute.
    RATE_LIMIT_PUBLIC: '100000',
    RATE_LIMIT_COMMENTS: '100000',
    SSE_KEEPALIVE_MS: '1000',
  })
  const key = (await server.newKey()).key
  return {
    server,
    browser,
    key,
    async createPin(body) {
      const answer = await server.request('POST', '/v1/pins', { key, body: { is_public: true, ...body } })
      if (answer.status !== 201) throw new Error(`create failed: ${JSON.stringify(answer.body)}`)
      return answer.body.data.id
    },
    async open(path, options = {}) {
      const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 } })
      const errors = await watchPage(page)
      const response = await page.goto(server.url + path)
      if (options.waitReady !== false && response?.status() === 200) {
        await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 })
      }
      return { page, errors, status: response?.status() ?? 0 }
    },
    async close() {
      await browser.close()
      await server.close()
    },
  }
}
