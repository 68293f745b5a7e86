import assert from 'node:assert/strict'
import { readFileSync, statSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { crc32 } from 'node:zlib'
import { parseEventStream, type ServerSentEvent } from '@pindownai/client-js'
import { type CreatedKey, keyChecksum } from '../src/auth/api-keys.js'
import { announceFirstKey } from '../src/bootstrap.js'
import { type Answer, startTestServer, type TestServer, titled } from './harness.js'

/** The faults and attacks of the hardening review, each kept fixed by a test. */

let t: TestServer
let key: string

before(async () => {
  t = await startTestServer({
    EVENT_STREAMS_PER_IP: '3',
    EVENT_STREAMS_MAX: '5',
    RATE_LIMIT_AUTH_FAILURES: '5',
    RATE_LIMIT_WRITES: '10000',
    SSE_KEEPALIVE_MS: '100',
  })
  key = (await t.newKey()).key
})
after(() => t.close())

const create = async (body: unknown) => (await t.request('POST', '/v1/pins', { key, body })).body.data.id as string

/** An event stream read in the background; `until` waits for an event or the end, with a bound. */
async function openStream(path: string, headers: Record<string, string> = {}) {
  const controller = new AbortController()
  const response = await fetch(t.url + path, { headers, signal: controller.signal })
  const events: ServerSentEvent[] = []
  let done = false
  const ended = (async () => {
    if (!response.ok) return
    try {
      for await (const event of parseEventStream(response.body!)) events.push(event)
    } catch {}
    done = true
  })()
  const until = async (what: string, check: () => boolean, ms = 5000) => {
    const deadline = Date.now() + ms
    while (!check()) {
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; events: ${JSON.stringify(events)}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
  return { response, events, ended, isDone: () => done, until, close: () => controller.abort() }
}

/** Sends bytes on a raw socket and reads the whole answer (the server closes the connection). */
function rawRequest(bytes: string): Promise<string> {
  const { port } = new URL(t.url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes))
    let out = ''
    socket.on('data', (chunk) => {
      out += chunk
    })
    socket.on('close', () => resolve(out))
    socket.on('error', reject)
  })
}

const envelopeOf = (answer: Answer) => answer.body as { success: false; error: { code: string; message: string } }

describe('event streams are bounded', () => {
  test('public streams per address are capped with a 429, all streams with a 503; closing frees a slot', async () => {
    const id = await create(titled('Public', { is_public: true }))
    const publicStreams = await Promise.all([1, 2, 3].map(() => openStream(`/share/events?pins=${id}:1`)))
    assert.deepEqual(
      publicStreams.map((s) => s.response.status),
      [200, 200, 200],
    )
    const fourth = await t.request('GET', `/share/events?pins=${id}:1`)
    assert.equal(fourth.status, 429)
    assert.equal(envelopeOf(fourth).error.code, 'RATE_LIMITED')
    assert.ok(fourth.headers.get('retry-after'))

    const keyed = await Promise.all(
      [1, 2].map(() => openStream(`/v1/pins/${id}/events`, { authorization: `Bearer ${key}` })),
    )
    assert.deepEqual(
      keyed.map((s) => s.response.status),
      [200, 200],
    )
    const sixth = await t.request('GET', `/v1/pins/${id}/events`, { key })
    assert.equal(sixth.status, 503)
    assert.equal(envelopeOf(sixth).error.code, 'SERVICE_UNAVAILABLE')

    publicStreams[0]!.close()
    await publicStreams[0]!.ended
    // The server sees the close a moment later; then the slot is free again.
    let again = await openStream(`/share/events?pins=${id}:1`)
    for (let i = 0; i < 50 && again.response.status === 429; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      again = await openStream(`/share/events?pins=${id}:1`)
    }
    assert.equal(again.response.status, 200)
    for (const s of [...publicStreams, ...keyed, again]) s.close()
  })

  test('a stream whose client left while the server looked the pin up is not counted (found by the fuzzer)', async () => {
    const id = await create(titled('Gone early'))
    // A body after a GET without a length reads as a second, broken request: the server drops the
    // connection while the first request's handler still awaits the store.
    for (let i = 0; i < 8; i++) {
      await rawRequest(`GET /v1/pins/${id}/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\n\r\n{"a":1}`)
    }
    const streams = await Promise.all(
      [1, 2, 3, 4, 5].map(() => openStream(`/v1/pins/${id}/events`, { authorization: `Bearer ${key}` })),
    )
    assert.deepEqual(
      streams.map((s) => s.response.status),
      [200, 200, 200, 200, 200],
      'all five slots (EVENT_STREAMS_MAX) are free',
    )
    for (const s of streams) s.close()
    await Promise.all(streams.map((s) => s.ended))
  })

  test('/share/events without pins is a 400', async () => {
    for (const query of ['', '?pins=', '?pins=,,', '?pins=not-an-id']) {
      const answer = await t.request('GET', `/share/events${query}`)
      assert.equal(answer.status, 400, query)
      assert.equal(envelopeOf(answer).error.code, 'VALIDATION_ERROR')
    }
  })

  test('a public stream ends once none of its pins can be seen', async () => {
    const id = await create(titled('Soon gone', { is_public: true }))
    const stream = await openStream(`/share/events?pins=${id}:1`)
    await t.request('DELETE', `/v1/pins/${id}`, { key })
    await stream.until('the stream to end', stream.isDone)
    assert.deepEqual(
      stream.events.map((e) => e.event),
      ['pin.removed'],
    )
  })

  test("a private pin's edits send nothing to a public stream: no side channel", async () => {
    const secret = await create(titled('Private'))
    const open = await create(titled('Open', { is_public: true }))
    const stream = await openStream(`/share/events?pins=${secret}:1,${open}:1`)
    await stream.until('the catch-up', () => stream.events.length >= 1)
    for (let i = 0; i < 3; i++) {
      await t.request('PUT', `/v1/pins/${secret}`, { key, body: { metadata: { title: `Private ${i}` } } })
    }
    await t.request('PUT', `/v1/pins/${open}`, { key, body: { metadata: { title: 'Open 2' } } })
    await stream.until('the public update', () => stream.events.some((e) => e.event === 'pin.updated'))
    assert.deepEqual(
      stream.events.map((e) => `${e.event} ${JSON.parse(e.data).id}`),
      [`pin.removed ${secret}`, `pin.updated ${open}`],
    )
    stream.close()
  })

  test('revoking a key ends its open streams before another event is sent', async () => {
    const fresh = await t.newKey()
    const id = (await t.request('POST', '/v1/pins', { key: fresh.key, body: titled('Watched') })).body.data.id
    const stream = await openStream(`/v1/pins/${id}/events`, { authorization: `Bearer ${fresh.key}` })
    assert.equal(stream.response.status, 200)
    assert.ok(await t.server.store.revokeApiKey(fresh.id, Date.now()))
    await t.request('PUT', `/v1/pins/${id}`, { key, body: { metadata: { title: 'Not for you' } } })
    await stream.until('the stream to end', stream.isDone)
    assert.deepEqual(stream.events, [])
  })
})

test('a list page of large pins stops at 4 MB with a cursor, and the cursor walks every pin once', async () => {
  const big = {
    metadata: { title: 'Big', tags: ['big'] },
    pin_type: 'json-viewer',
    pin_config: { data: ['x'.repeat(100_000), 'y'.repeat(100_000), 'z'.repeat(100_000), 'w'.repeat(100_000)] },
  }
  const ids = new Set<string>()
  for (let i = 0; i < 12; i++) ids.add(await create(big))
  const seen: string[] = []
  let cursor: string | null = null
  let pages = 0
  const before = process.memoryUsage().rss
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
    const response = await fetch(`${t.url}/v1/pins?tag=big&limit=100${query}`, {
      headers: { authorization: `Bearer ${key}` },
    })
    const text = await response.text()
    assert.ok(text.length < 5 * 1024 * 1024, `a page of ${text.length} characters`)
    const page = JSON.parse(text).data
    assert.equal(page.limit, page.items.length < 12 && page.next_cursor ? page.items.length : 100)
    seen.push(...page.items.map((p: { id: string }) => p.id))
    cursor = page.next_cursor
    pages++
  } while (cursor)
  assert.ok(pages >= 2, `${pages} pages`)
  assert.deepEqual(seen.sort(), [...ids].sort())
  console.log(
    `# 12 pins of 800 KB listed in ${pages} pages; RSS ${Math.round(before / 1e6)} → ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
  )
})

describe('bodies', () => {
  const deep = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`)

  test('a config nested 2,000 deep is PIN_CONFIG_INVALID naming the limit, alone in a batch', async () => {
    const body = { metadata: { title: 'Deep' }, pin_type: 'json-viewer', pin_config: { data: deep(2000) } }
    const single = await t.request('POST', '/v1/pins', { key, body })
    assert.equal(single.status, 400)
    assert.equal(envelopeOf(single).error.code, 'PIN_CONFIG_INVALID')
    assert.match(envelopeOf(single).error.message, /deeper than 64 levels/)

    const batch = await t.request('POST', '/v1/pins/batch', { key, body: { pins: [titled('Fine'), body] } })
    assert.equal(batch.status, 200)
    assert.equal(batch.body.data.created.length, 1)
    assert.equal(batch.body.data.failed[0].index, 1)
    assert.equal(batch.body.data.failed[0].error.code, 'PIN_CONFIG_INVALID')
  })

  test('a body nested 20,000 deep, or an array of 200,000, is a 400 and the server goes on', async () => {
    const tooDeep = await t.request('POST', '/v1/pins', {
      key,
      raw: `{"a":${'['.repeat(20000)}${']'.repeat(20000)}}`,
      headers: { 'content-type': 'application/json' },
    })
    assert.equal(tooDeep.status, 400)
    assert.match(envelopeOf(tooDeep).error.message, /deeper than 10000 levels/)
    const json = {
      metadata: { title: 'Huge' },
      pin_type: 'json-viewer',
      pin_config: { data: new Array(200_000).fill(0) },
    }
    const huge = await t.request('POST', '/v1/pins', { key, body: json })
    assert.equal(huge.status, 400)
    assert.match(envelopeOf(huge).error.message, /at most 100000/)
    const invites = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`p${i}@example.com`, 'viewer']))
    const many = await t.request('POST', '/v1/pins', { key, body: titled('Invites', { pending_invites: invites }) })
    assert.equal(many.status, 400)
    assert.match(envelopeOf(many).error.message, /At most 100 invites/)
    assert.equal((await t.request('GET', '/v1/pins?limit=1', { key })).status, 200)
  })

  test('strict UTF-8 JSON: lone surrogates, a BOM, another charset and gzip are refused', async () => {
    const title = (text: string) => `{"metadata":{"title":"${text}"}}`
    const cases: [string, Record<string, string>, number, string, RegExp][] = [
      [title('\\ud800 alone'), {}, 400, 'VALIDATION_ERROR', /lone UTF-16 surrogate/],
      [`\ufeff${title('BOM')}`, {}, 400, 'INVALID_JSON', /byte order mark/],
      [
        title('utf16'),
        { 'content-type': 'application/json; charset=utf-16' },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        /charset/,
      ],
      [title('gz'), { 'content-encoding': 'gzip' }, 415, 'UNSUPPORTED_MEDIA_TYPE', /Content-Encoding/],
    ]
    for (const [raw, headers, status, code, message] of cases) {
      const answer = await t.request('POST', '/v1/pins', {
        key,
        raw,
        headers: { 'content-type': 'application/json', ...headers },
      })
      assert.equal(answer.status, status, raw)
      assert.equal(envelopeOf(answer).error.code, code)
      assert.match(envelopeOf(answer).error.message, message)
    }
    const invalidUtf8 = await fetch(`${t.url}/v1/pins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"metadata":{"title":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]),
    })
    assert.equal(invalidUtf8.status, 400)
    assert.match(((await invalidUtf8.json()) as { error: { message: string } }).error.message, /not valid UTF-8/)
  })

  test('NUL, which PostgreSQL cannot store, is refused alike on both stores (found by the fuzzer)', async () => {
    const title = await t.request('POST', '/v1/pins', { key, body: titled('a\u0000b') })
    assert.equal(title.status, 400)
    assert.match(envelopeOf(title).error.message, /NUL/)
    assert.equal((await t.request('DELETE', '/v1/pins/%00', { key })).status, 404)
    const batch = await t.request('DELETE', '/v1/pins/batch', { key, body: { ids: ['p-\u0000'] } })
    assert.equal(batch.status, 400, 'NUL anywhere in a body refuses the body')
    for (const query of ['q', 'tag', 'pin_type', 'cursor']) {
      const list = await t.request('GET', `/v1/pins?${query}=a%00b`, { key })
      assert.equal(list.status, 400, query)
    }
  })

  test("an object posing as a list ({length: {toString: []}}) is a 400, not the schema library's crash (found by the fuzzer)", async () => {
    const hostile = { length: { toString: [] } }
    const batch = await t.request('DELETE', '/v1/pins/batch', { key, body: { ids: hostile } })
    assert.equal(batch.status, 400)
    assert.equal(envelopeOf(batch).error.code, 'VALIDATION_ERROR')
    const config = await t.request('POST', '/v1/pins', {
      key,
      body: { metadata: { title: 'Cards' }, pin_type: 'stat-cards', pin_config: { cards: hostile } },
    })
    assert.equal(config.status, 400)
    assert.equal(envelopeOf(config).error.code, 'PIN_CONFIG_INVALID')
  })

  test('a batch update item whose id is an object fails alone', async () => {
    const answer = await t.request('PATCH', '/v1/pins/batch', { key, body: { updates: [{ id: { toString: 1 } }] } })
    assert.equal(answer.status, 200)
    assert.equal(answer.body.data.failed[0].id, null)
    assert.equal(answer.body.data.failed[0].error.code, 'VALIDATION_ERROR')
  })
})

describe('every bad request gets the envelope, never a 500, never its input echoed', () => {
  test('paths', async () => {
    const long = 'x'.repeat(10_000)
    const cases: [string, number, string][] = [
      ['/assets/../package.json', 404, 'NOT_FOUND'],
      ['/assets//x', 404, 'NOT_FOUND'],
      ['/assets/%00', 404, 'NOT_FOUND'],
      ['/assets/.vite/manifest.json', 404, 'NOT_FOUND'],
      ['/%zz', 400, 'VALIDATION_ERROR'],
      ['/v1/pins/%E0%A4%A', 400, 'VALIDATION_ERROR'],
      [`/v1/pins/${long}`, 414, 'URL_TOO_LONG'],
    ]
    for (const [path, status, code] of cases) {
      const text = await rawRequest(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
      assert.match(text, new RegExp(`^HTTP/1.1 ${status} `), path)
      const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))
      assert.equal(body.error.code, code, path)
      assert.ok(!text.includes(long), 'the long path is not echoed')
    }
    const id = await create(titled('On a board', { is_public: true }))
    const board = await fetch(`${t.url}/share/board?title=a&title=b&pins=${id}&pins=${id}`)
    assert.equal(board.status, 200, 'repeated query parameters take the first')
    assert.match(await board.text(), /<title>a/)
  })

  test('HTTP the parser refuses: 16 KB of headers, a Content-Length that lies, garbage', async () => {
    const big = await rawRequest(`GET /v1/pins HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17_000)}\r\n\r\n`)
    assert.match(big, /^HTTP\/1.1 431 /)
    assert.equal(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4)).error.code, 'HEADERS_TOO_LARGE')
    const lying = await rawRequest(
      `POST /v1/pins HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    )
    assert.match(lying, /^HTTP\/1.1 400 /)
    assert.equal(JSON.parse(lying.slice(lying.indexOf('\r\n\r\n') + 4)).success, false)
    const garbage = await rawRequest('\u0001\u0002 nonsense\r\n\r\n')
    assert.match(garbage, /^HTTP\/1.1 400 /)
  })

  test('nosniff on API answers, errors and assets', async () => {
    for (const path of ['/v1/pin-types', '/v1/pins', '/nowhere']) {
      const answer = await t.request('GET', path, { key })
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', path)
    }
    const page = await fetch(`${t.url}/share/pin/${await create(titled('Page', { is_public: true }))}`)
    const asset = /src="(\/assets\/[^"]+)"/.exec(await page.text())?.[1]
    assert.ok(asset, 'the page loads its script from /assets/')
    const script = await fetch(t.url + asset)
    assert.equal(script.status, 200)
    assert.equal(script.headers.get('x-content-type-options'), 'nosniff')
  })

  test('a key put where it does not belong (a URL) is answered, and the log line redacts it', async () => {
    // npm test scans every test server's log for key material afterwards (scripts/test.mjs).
    const answer = await t.request('GET', `/v1/pins?api_key=${key}`, { key })
    assert.equal(answer.status, 400, 'unknown query parameters are refused')
  })

  test('failed API key checks are limited per address: past the limit, 401s become 429s', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) statuses.push((await t.request('GET', '/v1/pins', { key: 'pk_live_wrong' })).status)
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429])
    assert.equal((await t.request('GET', '/v1/pins', { key })).status, 200, 'a good key still works')
  })
})

describe('the first key', () => {
  const created = { key: `pk_live_${'K'.repeat(43)}` } as CreatedKey
  test('at a terminal it is printed once', () => {
    const text = announceFirstKey(created, 'http://127.0.0.1:4000', { tty: true, keyFile: '/nonexistent/key' })
    assert.equal(text.split(created.key).length - 1, 1)
    assert.match(text, /Authorization: Bearer \$PINDOWN_API_KEY/)
  })
  test('elsewhere it goes to a file only its owner can read, and is not printed', () => {
    const keyFile = join(t.dir, 'first-api-key.txt')
    const text = announceFirstKey(created, 'http://127.0.0.1:4000', { tty: false, keyFile })
    assert.doesNotMatch(text, /pk_live_/)
    assert.ok(text.includes(keyFile))
    assert.equal(readFileSync(keyFile, 'utf8').trim(), created.key)
    assert.equal(statSync(keyFile).mode & 0o777, 0o600)
  })
})

test('keys end in a checksum secret scanners can check: CRC-32 of the random part, in base62', async () => {
  const { key } = await t.newKey()
  assert.match(key, /^pk_live_[0-9A-Za-z]{43}$/)
  const random = key.slice('pk_live_'.length, -6)
  let n = crc32(Buffer.from(random))
  let expected = ''
  for (let i = 0; i < 6; i++) {
    expected = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[n % 62] + expected
    n = Math.floor(n / 62)
  }
  assert.equal(key.slice(-6), expected)
  assert.equal(keyChecksum(random), expected)
})

test('public pages count per address; the built files they load do not', async () => {
  const small = await startTestServer({ RATE_LIMIT_PUBLIC: '3' })
  try {
    const owner = (await small.newKey()).key
    const id = (await small.request('POST', '/v1/pins', { key: owner, body: titled('Page', { is_public: true }) })).body
      .data.id
    const first = await fetch(`${small.url}/share/pin/${id}`)
    const asset = /src="(\/assets\/[^"]+)"/.exec(await first.text())?.[1]
    assert.ok(asset)
    for (let i = 0; i < 10; i++) assert.equal((await fetch(small.url + asset)).status, 200, 'assets are not limited')
    const statuses = [
      (await fetch(`${small.url}/share/pin/${id}`)).status,
      (await fetch(`${small.url}/share/pin/${id}`)).status,
    ]
    assert.deepEqual(statuses, [200, 200])
    const fourth = await small.request('GET', `/share/pin/${id}`)
    assert.equal(fourth.status, 429)
    assert.equal(fourth.body.error.code, 'RATE_LIMITED')
    assert.ok(fourth.headers.get('retry-after'))
  } finally {
    await small.close()
  }
})
