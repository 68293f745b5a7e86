import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PindownClient,
  PindownError,
  RateLimitError,
  ValidationError,
} from '@pindownai/client-js'
import { startTestServer, type TestServer } from '../../server/test/harness.js'

let server: TestServer
let client: PindownClient
before(async () => {
  server = await startTestServer()
  client = new PindownClient({ apiKey: (await server.newKey()).key, baseUrl: server.url })
})
after(() => server.close())

describe('pins', () => {
  test('create, get, update, share, delete', async () => {
    const { id } = await client.pins.create({
      pin_type: 'markdown',
      pin_config: { content: '# Plan' },
      metadata: { title: 'Plan' },
    })
    const pin = await client.pins.get(id)
    assert.equal(pin.version, 1)
    const updated = await client.pins.update(id, { metadata: { tags: ['q3'] } }, { ifMatch: 1 })
    assert.deepEqual(updated.metadata.tags, ['q3'])
    assert.equal(updated.version, 2)
    const shared = await client.pins.share(id, { is_public: true })
    assert.equal(shared.shareable_url, `${server.url}/share/pin/${id}`)
    assert.deepEqual(await client.pins.delete(id), { id, deleted: true })
    await assert.rejects(client.pins.get(id), NotFoundError)
  })

  test('list pages and iterate walks every pin once', async () => {
    const own = new PindownClient({ apiKey: (await server.newKey()).key, baseUrl: server.url })
    const ids = []
    for (let i = 0; i < 7; i++) ids.push((await own.pins.create({ metadata: { title: `Note ${i}` } })).id)
    const page = await own.pins.list({ limit: 3, offset: 1 })
    assert.equal(page.total, 7)
    assert.deepEqual(
      page.items.map((p) => p.id),
      [...ids].reverse().slice(1, 4),
    )
    const seen = []
    for await (const pin of own.pins.iterate({ limit: 2 })) seen.push(pin.id)
    assert.deepEqual(seen, [...ids].reverse())
  })

  test('batch create, get, update, delete', async () => {
    const created = await client.pins.batch.create([
      { metadata: { title: 'One' } },
      { pin_type: 'stat-cards', pin_config: { cards: [{ title: 'Up', value: 1 }] }, metadata: { title: 'Two' } },
    ])
    assert.equal(created.created.length, 2)
    const ids = created.created.map((c) => c.id)
    const got = await client.pins.batch.get([...ids, 'p-000000000000'])
    assert.equal(got.found.length, 2)
    assert.deepEqual(got.not_found, ['p-000000000000'])
    const updated = await client.pins.batch.update([{ id: ids[0]!, is_public: true }])
    assert.equal(updated.updated[0]?.id, ids[0])
    const deleted = await client.pins.batch.delete(ids)
    assert.deepEqual([...deleted.deleted].sort(), [...ids].sort())
  })
})

describe('watch', () => {
  test('delivers updates and shares live, then the delete, then ends', async () => {
    const { id } = await client.pins.create({ metadata: { title: 'Watched' } })
    const seen: string[] = []
    let live = () => {}
    const open = new Promise<void>((resolve) => (live = resolve))
    const watcher = client.pins.watch(
      id,
      (event) => {
        seen.push(event.type === 'pin.deleted' ? event.type : `${event.type} v${event.pin.version}`)
      },
      { onOpen: () => live() },
    )
    await open
    await client.pins.update(id, { metadata: { title: 'Watched 2' } })
    await client.pins.share(id, { is_public: true })
    await client.pins.delete(id)
    await watcher.done
    assert.deepEqual(seen, ['pin.updated v2', 'pin.shared v3', 'pin.deleted'])
  })

  test('sinceVersion catches up on what happened before watching', async () => {
    const { id } = await client.pins.create({ metadata: { title: 'Behind' } })
    await client.pins.update(id, { is_public: true })
    const versions: number[] = []
    const watcher = client.pins.watch(
      id,
      (event) => {
        if (event.type !== 'pin.deleted') versions.push(event.pin.version)
      },
      { sinceVersion: 1 },
    )
    for (const deadline = Date.now() + 10_000; versions.length === 0; ) {
      assert.ok(Date.now() < deadline, 'no catch-up event within 10 s')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    watcher.close()
    await watcher.done
    assert.deepEqual(versions, [2])
  })

  test('a pin that does not exist ends the watch with a NotFoundError', async () => {
    let failure: unknown
    const watcher = client.pins.watch('p-000000000000', () => {}, { onError: (e) => (failure = e) })
    await watcher.done
    assert.ok(failure instanceof NotFoundError)
  })
})

describe('errors', () => {
  test('a bad config is a ValidationError with the path', async () => {
    const error = await client.pins
      .create({
        pin_type: 'stat-cards',
        pin_config: {
          cards: [
            { title: 'A', value: 1 },
            { title: 'B', value: { n: 1 } as never },
          ],
        },
        metadata: { title: 'KPIs' },
      })
      .catch((e: unknown) => e)
    assert.ok(error instanceof ValidationError)
    assert.ok(error instanceof PindownError)
    assert.equal(error.code, 'PIN_CONFIG_INVALID')
    assert.equal(error.status, 400)
    assert.equal(error.details[0]?.path, 'cards[1].value')
    assert.match(error.message, /at cards\[1\]\.value/)
    assert.match(error.requestId ?? '', /\S/)
  })

  test('a revoked key is an AuthenticationError', async () => {
    const { key, id } = await server.newKey()
    const revokedClient = new PindownClient({ apiKey: key, baseUrl: server.url })
    await revokedClient.pins.list()
    await server.server.store.revokeApiKey(id, Date.now())
    const error = await revokedClient.pins.list().catch((e: unknown) => e)
    assert.ok(error instanceof AuthenticationError)
    assert.equal(error.message, 'Invalid API key')
  })

  test('a stale If-Match is a ConflictError', async () => {
    const { id } = await client.pins.create({ metadata: { title: 'Versioned' } })
    await client.pins.update(id, { is_public: true })
    await assert.rejects(client.pins.update(id, { is_public: false }, { ifMatch: 1 }), ConflictError)
  })

  test('the 91st write is a RateLimitError with retryAfter, used and limit', async () => {
    const limited = new PindownClient({ apiKey: (await server.newKey()).key, baseUrl: server.url })
    for (let i = 0; i < 90; i++) await limited.pins.create({ metadata: { title: `Write ${i}` } })
    const error = await limited.pins.create({ metadata: { title: 'One too many' } }).catch((e: unknown) => e)
    assert.ok(error instanceof RateLimitError)
    assert.equal(error.status, 429)
    assert.equal(error.limit, 90)
    assert.equal(error.used, 90)
    assert.ok(error.retryAfter >= 1 && error.retryAfter <= 60)
  })

  test('no key at all is a clear error before any request', () => {
    const saved = process.env.PINDOWN_API_KEY
    delete process.env.PINDOWN_API_KEY
    try {
      assert.throws(() => new PindownClient({ baseUrl: server.url }), /No API key/)
    } finally {
      if (saved !== undefined) process.env.PINDOWN_API_KEY = saved
    }
  })

  test('an unreachable server is a PindownError with code NETWORK_ERROR', async () => {
    const offline = new PindownClient({ apiKey: 'pk_live_x', baseUrl: 'http://127.0.0.1:9', maxRetries: 0 })
    const error = await offline.pins.list().catch((e: unknown) => e)
    assert.ok(error instanceof PindownError)
    assert.equal(error.code, 'NETWORK_ERROR')
  })
})

describe('retries', () => {
  test('a create whose answer is lost is retried with the same idempotency key and created once', async () => {
    const { key } = await server.newKey()
    let calls = 0
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      if (++calls === 1) throw new TypeError('socket hang up')
      return response
    }
    const retrying = new PindownClient({ apiKey: key, baseUrl: server.url, fetch: flaky, maxRetryDelayMs: 10 })
    const pin = await retrying.pins.create({ metadata: { title: 'Exactly once' } })
    assert.equal(calls, 2)
    const all = await retrying.pins.list()
    assert.equal(all.total, 1)
    assert.equal(all.items[0]?.id, pin.id)
  })

  test('a 5xx is retried with backoff, then surfaces with its request id', async () => {
    const broken = await startTestServer()
    try {
      const { key } = await broken.newKey()
      await broken.server.store.close() // a real failure: the database is gone
      let calls = 0
      const counting: typeof fetch = (input, init) => {
        calls++
        return fetch(input, init)
      }
      const c = new PindownClient({
        apiKey: key,
        baseUrl: broken.url,
        fetch: counting,
        maxRetries: 2,
        maxRetryDelayMs: 5,
      })
      const error = await c.pins.get('p-000000000000').catch((e: unknown) => e)
      assert.equal(calls, 3)
      assert.ok(error instanceof PindownError)
      assert.equal(error.code, 'INTERNAL_ERROR')
      assert.equal(error.status, 500)
      assert.match(error.message, new RegExp(`request id ${error.requestId}`))
    } finally {
      await broken.close()
    }
  })
})
