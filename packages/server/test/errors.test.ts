import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type Answer, startTestServer, startWithKey, type TestServer, titled } from './harness.js'

let t: TestServer
let key: string
before(async () => ({ t, key } = await startWithKey()))
after(() => t.close())

function assertError(answer: Answer, status: number, code: string, message?: RegExp | string) {
  assert.equal(answer.status, status, JSON.stringify(answer.body))
  assert.equal(answer.body.success, false)
  assert.equal(answer.body.error.code, code)
  assert.equal(typeof answer.body.error.message, 'string')
  if (typeof message === 'string') assert.equal(answer.body.error.message, message)
  else if (message) assert.match(answer.body.error.message, message)
  assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8')
}

const create = (body: unknown) => t.request('POST', '/v1/pins', { key, body })
const paths = (answer: Answer) => answer.body.error.details.map((d: { path: string }) => d.path)

describe('VALIDATION_ERROR', () => {
  test('metadata missing', async () => {
    const answer = await create({ pin_type: 'markdown' })
    assertError(answer, 400, 'VALIDATION_ERROR', 'Invalid request at metadata: Required')
  })
  test('empty title, and a title of blanks', async () => {
    assertError(await create(titled('')), 400, 'VALIDATION_ERROR', /metadata\.title: Must not be empty/)
    assertError(await create(titled('   ')), 400, 'VALIDATION_ERROR', /metadata\.title/)
  })
  test('title over 200 characters; 21 tags', async () => {
    assertError(await create(titled('x'.repeat(201))), 400, 'VALIDATION_ERROR', /metadata\.title: Must be at most 200/)
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`)
    assertError(await create({ metadata: { title: 'T', tags } }), 400, 'VALIDATION_ERROR', /metadata\.tags/)
  })
  test('bad layout', async () => {
    const answer = await create(titled('T', { pin_layout: '5x5' }))
    assertError(answer, 400, 'VALIDATION_ERROR', /pin_layout: Expected one of "1x1"/)
  })
  test('metadata.pin_type disagreeing with the root', async () => {
    const answer = await create({ pin_type: 'markdown', metadata: { title: 'T', pin_type: 'table' } })
    assertError(answer, 400, 'VALIDATION_ERROR', /metadata\.pin_type: Must match the root pin_type/)
  })
  test('agreeing placements are fine, and metadata alone works', async () => {
    const cards = { cards: [{ title: 'A', value: 1 }] }
    const both = await create({
      pin_type: 'stat-cards',
      metadata: { title: 'T', pin_type: 'stat-cards', pin_config: cards },
    })
    assert.equal(both.status, 201)
    const pin = await t.request('GET', `/v1/pins/${both.body.data.id}`, { key })
    assert.deepEqual(pin.body.data.pin_config, cards)
  })
  test('bad invite role and bad email, each named by path', async () => {
    const role = await create(titled('T', { pending_invites: { 'ann@example.com': 'owner' } }))
    assertError(
      role,
      400,
      'VALIDATION_ERROR',
      /pending_invites\["ann@example.com"\]: Expected one of "editor", "viewer"/,
    )
    const email = await create(titled('T', { pending_invites: { 'not-an-email': 'viewer' } }))
    assertError(email, 400, 'VALIDATION_ERROR', /pending_invites\["not-an-email"\]: Not a valid email address/)
  })
  test('an unknown root key is named, not ignored', async () => {
    const answer = await create(titled('T', { pin_confg: {} }))
    assertError(answer, 400, 'VALIDATION_ERROR', 'Invalid request at pin_confg: Unknown key')
  })
  test('every problem is listed in details', async () => {
    const answer = await create({ pin_layout: 'big', is_public: 'yes', metadata: { title: '' } })
    assertError(answer, 400, 'VALIDATION_ERROR')
    assert.deepEqual(paths(answer).sort(), ['is_public', 'metadata.title', 'pin_layout'])
  })
  test('a body that is JSON but not an object', async () => {
    assertError(await create([1, 2]), 400, 'VALIDATION_ERROR', /\(root\)/)
  })
})

describe('pin types and configs', () => {
  test('INVALID_PIN_TYPE names where to find the valid ids', async () => {
    const answer = await create(titled('T', { pin_type: 'hologram' }))
    assertError(answer, 400, 'INVALID_PIN_TYPE', 'Unknown pin_type "hologram": GET /v1/pin-types lists the valid ids')
  })
  test('PIN_CONFIG_INVALID deep in an array, with every problem in details', async () => {
    const answer = await create(
      titled('T', {
        pin_type: 'stat-cards',
        pin_config: { cards: [{ title: 'A', value: 1 }, { title: 'B' }, { title: 3, value: 2, trend: 'up' }] },
      }),
    )
    assertError(
      answer,
      400,
      'PIN_CONFIG_INVALID',
      'Invalid pin_config for pin_type "stat-cards" at cards[1].value: Required',
    )
    assert.deepEqual(answer.body.error.details, [
      { path: 'cards[1].value', message: 'Required' },
      { path: 'cards[2].title', message: 'Expected string, received number' },
    ])
  })
  test('a config at the root level that is not an object', async () => {
    assertError(await create(titled('T', { pin_config: 'hello' })), 400, 'VALIDATION_ERROR', /pin_config/)
  })
})

describe('body handling', () => {
  test('INVALID_JSON for a body that does not parse', async () => {
    const answer = await t.request('POST', '/v1/pins', {
      key,
      raw: '{"metadata": {"title": ',
      headers: { 'content-type': 'application/json' },
    })
    assertError(answer, 400, 'INVALID_JSON', /not valid JSON/)
  })
  test('UNSUPPORTED_MEDIA_TYPE for a body that is not JSON', async () => {
    const answer = await t.request('POST', '/v1/pins', {
      key,
      raw: 'title=Hi',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assertError(answer, 415, 'UNSUPPORTED_MEDIA_TYPE', /application\/x-www-form-urlencoded/)
    const text = await t.request('POST', '/v1/pins', { key, raw: 'hi', headers: { 'content-type': 'text/plain' } })
    assertError(text, 415, 'UNSUPPORTED_MEDIA_TYPE')
  })
  test('PAYLOAD_TOO_LARGE for a body over 1 MiB', async () => {
    const body = titled('Big', { pin_config: { content: 'x'.repeat(1024 * 1024) } })
    assertError(await create(body), 413, 'PAYLOAD_TOO_LARGE')
  })
  test('BATCH_TOO_LARGE for 51 items, and nothing is created', async () => {
    const before = (await t.request('GET', '/v1/pins?limit=1', { key })).body.data.total
    const pins = Array.from({ length: 51 }, (_, i) => titled(`Item ${i}`))
    assertError(
      await t.request('POST', '/v1/pins/batch', { key, body: { pins } }),
      400,
      'BATCH_TOO_LARGE',
      /At most 50/,
    )
    const ids = Array.from({ length: 101 }, (_, i) => `p-${String(i).padStart(12, '0')}`)
    assertError(
      await t.request('POST', '/v1/pins/batch/get', { key, body: { ids } }),
      400,
      'BATCH_TOO_LARGE',
      /At most 100/,
    )
    assert.equal((await t.request('GET', '/v1/pins?limit=1', { key })).body.data.total, before)
  })
})

describe('auth', () => {
  test('UNAUTHORIZED for a missing, malformed or unknown key', async () => {
    for (const authorization of [undefined, 'Bearer nope', `Bearer pk_live_${'a'.repeat(43)}`, 'Basic abc']) {
      const answer = await t.request('GET', '/v1/pins', { ...(authorization && { headers: { authorization } }) })
      assertError(answer, 401, 'UNAUTHORIZED', 'Invalid API key')
    }
  })
  test('SCOPE_REQUIRED names the scope', async () => {
    const reader = await t.newKey(['pins:read'])
    const answer = await t.request('POST', '/v1/pins', { key: reader.key, body: titled('T') })
    assertError(answer, 403, 'SCOPE_REQUIRED', 'This API key lacks the pins:write scope')
  })
  test('an error never echoes the key', async () => {
    const bad = `pk_live_${'Z'.repeat(43)}`
    const answer = await t.request('GET', '/v1/pins', { key: bad })
    assert.ok(!JSON.stringify(answer.body).includes(bad))
  })
})

describe('store errors', () => {
  test('NOT_FOUND for an unknown pin and an unknown route', async () => {
    assertError(await t.request('GET', '/v1/pins/p-000000000000', { key }), 404, 'NOT_FOUND', /No pin p-000000000000/)
    assertError(await t.request('GET', '/v1/pins/not-an-id', { key }), 404, 'NOT_FOUND')
    assertError(await t.request('GET', '/v2/nothing', { key }), 404, 'NOT_FOUND', 'No route GET /v2/nothing')
  })
  test('VERSION_CONFLICT for a stale If-Match, and nothing changes', async () => {
    const id = (await create(titled('Original'))).body.data.id
    const first = await t.request('PUT', `/v1/pins/${id}`, {
      key,
      body: { metadata: { title: 'One' } },
      headers: { 'if-match': '"1"' },
    })
    assert.equal(first.status, 200)
    const stale = await t.request('PUT', `/v1/pins/${id}`, {
      key,
      body: { metadata: { title: 'Two' } },
      headers: { 'if-match': '"1"' },
    })
    assertError(stale, 409, 'VERSION_CONFLICT', `Pin ${id} is at version 2, not the version If-Match gives`)
    assert.equal(stale.headers.get('etag'), '"2"', 'the current version, to retry with')
    assert.equal((await t.request('GET', `/v1/pins/${id}`, { key })).body.data.metadata.title, 'One')
  })
  test('IDEMPOTENCY_CONFLICT for a reused key with another body', async () => {
    const headers = { 'idempotency-key': 'order-42' }
    assert.equal((await t.request('POST', '/v1/pins', { key, body: titled('A'), headers })).status, 201)
    assertError(await t.request('POST', '/v1/pins', { key, body: titled('B'), headers }), 409, 'IDEMPOTENCY_CONFLICT')
  })
})

test("every answer carries a request id, the caller's when given", async () => {
  const answer = await t.request('GET', '/v1/pins', { key, headers: { 'x-request-id': 'trace-123' } })
  assert.equal(answer.headers.get('x-request-id'), 'trace-123')
})

test('INTERNAL_ERROR says only the request id, and the server keeps serving', async () => {
  const broken = await startTestServer()
  try {
    const { key: brokenKey } = await broken.newKey()
    // A real failure: the database goes away under a running server.
    await broken.server.store.close()
    const answer = await broken.request('GET', '/v1/pins/p-000000000000', { key: brokenKey })
    const requestId = answer.headers.get('x-request-id')
    assertError(answer, 500, 'INTERNAL_ERROR', `Internal server error (request id ${requestId})`)
    assert.equal((await broken.request('GET', '/v1/pin-types')).status, 200)
  } finally {
    await broken.close()
  }
})
