import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type PinTypeId, pinTypeIds, pinTypes } from '@pindown/pin-types'
import { startWithKey, type TestServer, titled } from './harness.js'

let t: TestServer
let key: string
before(async () => ({ t, key } = await startWithKey()))
after(() => t.close())

const create = async (body: unknown) => {
  const answer = await t.request('POST', '/v1/pins', { key, body })
  assert.equal(answer.status, 201, JSON.stringify(answer.body))
  return answer.body.data.id as string
}
const get = async (id: string) => (await t.request('GET', `/v1/pins/${id}`, { key })).body.data

describe('update', () => {
  test('changes only the given fields; tags replace, title merges', async () => {
    const id = await create({ metadata: { title: 'Notes', tags: ['a', 'b'] }, pin_config: { content: '# Hi' } })
    const answer = await t.request('PUT', `/v1/pins/${id}`, {
      key,
      body: { metadata: { tags: ['c'] }, allow_edit: true },
    })
    assert.equal(answer.status, 200)
    assert.equal(answer.body.message, 'Pin updated successfully')
    const pin = answer.body.data
    assert.equal(pin.metadata.title, 'Notes')
    assert.deepEqual(pin.metadata.tags, ['c'])
    assert.deepEqual(pin.pin_config, { content: '# Hi' })
    assert.equal(pin.allow_edit, true)
    assert.equal(pin.version, 2)
    assert.ok(pin.updated_at >= pin.created_at)
    assert.deepEqual(await get(id), pin)
  })

  test('pin_config in metadata is validated again', async () => {
    const id = await create(
      titled('KPIs', { pin_type: 'stat-cards', pin_config: { cards: [{ title: 'A', value: 1 }] } }),
    )
    const bad = await t.request('PUT', `/v1/pins/${id}`, { key, body: { metadata: { pin_config: { cards: [] } } } })
    assert.equal(bad.status, 400)
    assert.equal(bad.body.error.code, 'PIN_CONFIG_INVALID')
    const good = await t.request('PUT', `/v1/pins/${id}`, {
      key,
      body: { metadata: { pin_config: { cards: [{ title: 'B', value: 2 }] } } },
    })
    assert.deepEqual(good.body.data.pin_config, { cards: [{ title: 'B', value: 2 }] })
  })

  test('changing pin_type needs a config valid for the new type', async () => {
    const id = await create(titled('Doc', { pin_config: { content: 'text' } }))
    const refused = await t.request('PUT', `/v1/pins/${id}`, { key, body: { pin_type: 'stat-cards' } })
    assert.equal(refused.body.error.code, 'PIN_CONFIG_INVALID')
    assert.equal((await get(id)).pin_type, 'markdown')
    const changed = await t.request('PUT', `/v1/pins/${id}`, {
      key,
      body: { pin_type: 'stat-cards', pin_config: { cards: [{ title: 'Up', value: '99%' }] } },
    })
    assert.equal(changed.body.data.pin_type, 'stat-cards')
    assert.equal(changed.body.data.data_type, 'pin-card')
  })

  test('If-Match with the ETag succeeds; an empty update changes nothing', async () => {
    const id = await create(titled('Versioned'))
    const read = await t.request('GET', `/v1/pins/${id}`, { key })
    assert.equal(read.headers.get('etag'), '"1"')
    const updated = await t.request('PUT', `/v1/pins/${id}`, {
      key,
      body: { is_public: true },
      headers: { 'if-match': read.headers.get('etag')! },
    })
    assert.equal(updated.status, 200)
    assert.equal(updated.headers.get('etag'), '"2"')
    const noop = await t.request('PUT', `/v1/pins/${id}`, { key, body: {} })
    assert.equal(noop.body.data.version, 2)
    const malformed = await t.request('PUT', `/v1/pins/${id}`, { key, body: {}, headers: { 'if-match': 'soon' } })
    assert.equal(malformed.body.error.code, 'VALIDATION_ERROR')
  })

  test('20 concurrent If-Match updates: one wins, 19 get 409, none is lost', async () => {
    const id = await create(titled('Contended'))
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.request('PUT', `/v1/pins/${id}`, {
          key,
          body: { metadata: { title: `W${i}` } },
          headers: { 'if-match': '1' },
        }),
      ),
    )
    const winners = answers.filter((a) => a.status === 200)
    assert.equal(winners.length, 1)
    assert.equal(answers.filter((a) => a.status === 409).length, 19)
    assert.equal((await get(id)).metadata.title, winners[0]!.body.data.metadata.title)
  })

  test('concurrent updates without If-Match all land', async () => {
    const id = await create(titled('Merged'))
    const answers = await Promise.all([
      t.request('PUT', `/v1/pins/${id}`, { key, body: { is_public: true } }),
      t.request('PUT', `/v1/pins/${id}`, { key, body: { allow_comments: true } }),
      t.request('PUT', `/v1/pins/${id}`, { key, body: { metadata: { tags: ['x'] } } }),
    ])
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200],
    )
    const pin = await get(id)
    assert.equal(pin.is_public, true)
    assert.equal(pin.allow_comments, true)
    assert.deepEqual(pin.metadata.tags, ['x'])
    assert.equal(pin.version, 4)
  })
})

describe('delete and share', () => {
  test('delete answers {id, deleted} and the pin is gone', async () => {
    const id = await create(titled('Temporary'))
    const answer = await t.request('DELETE', `/v1/pins/${id}`, { key })
    assert.deepEqual(answer.body.data, { id, deleted: true })
    assert.equal((await t.request('GET', `/v1/pins/${id}`, { key })).status, 404)
    assert.equal((await t.request('DELETE', `/v1/pins/${id}`, { key })).status, 404)
  })

  test('share sets flags and answers the shareable url only while public', async () => {
    const id = await create(titled('Shared'))
    const shared = await t.request('POST', `/v1/pins/${id}/share`, {
      key,
      body: { is_public: true, allow_comments: true },
    })
    assert.deepEqual(shared.body.data, {
      id,
      is_public: true,
      allow_edit: false,
      require_sign_in: false,
      allow_comments: true,
      shareable_url: `${t.url}/share/pin/${id}`,
    })
    const hidden = await t.request('POST', `/v1/pins/${id}/share`, { key, body: { is_public: false } })
    assert.equal(hidden.body.data.shareable_url, null)
    assert.equal(hidden.body.data.allow_comments, true)
    const bad = await t.request('POST', `/v1/pins/${id}/share`, { key, body: { is_public: 'yes' } })
    assert.equal(bad.body.error.code, 'VALIDATION_ERROR')
  })
})

describe('list', () => {
  let lister: string
  const ids: string[] = []
  before(async () => {
    lister = (await t.newKey()).key
    for (let i = 0; i < 12; i++) {
      const body = titled(`Report ${i}`, {
        pin_type: i % 3 === 0 ? 'stat-cards' : 'markdown',
        ...(i % 3 === 0 && { pin_config: { cards: [{ title: 'N', value: i }] } }),
        metadata: { title: `${i % 2 ? 'Weekly' : 'Daily'} report ${i}`, tags: i % 4 === 0 ? ['exec'] : [] },
      })
      ids.push((await t.request('POST', '/v1/pins', { key: lister, body })).body.data.id)
    }
  })
  const list = async (query: string) => (await t.request('GET', `/v1/pins${query}`, { key: lister })).body.data

  test('newest first with total, limit and offset', async () => {
    const page = await list('?limit=5&offset=2')
    assert.equal(page.total, 12)
    assert.equal(page.limit, 5)
    assert.equal(page.offset, 2)
    assert.deepEqual(
      page.items.map((p: { id: string }) => p.id),
      [...ids].reverse().slice(2, 7),
    )
    assert.equal((await list('')).limit, 50)
    assert.equal((await list('?limit=1000')).limit, 100)
  })

  test('cursor pages walk every pin once', async () => {
    const seen: string[] = []
    let cursor: string | null = ''
    while (cursor !== null) {
      const page: { items: { id: string }[]; next_cursor: string | null } = await list(
        `?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      )
      seen.push(...page.items.map((p) => p.id))
      cursor = page.next_cursor
    }
    assert.deepEqual(seen, [...ids].reverse())
  })

  test('filters by type, tag and title', async () => {
    assert.equal((await list('?pin_type=stat-cards')).total, 4)
    assert.equal((await list('?tag=exec')).total, 3)
    assert.equal((await list('?q=weekly')).total, 6)
    assert.equal((await list('?q=weekly&pin_type=stat-cards')).total, 2)
  })

  test('bad parameters are named', async () => {
    const answer = await t.request('GET', '/v1/pins?limit=zero', { key: lister })
    assert.equal(answer.body.error.code, 'VALIDATION_ERROR')
    assert.match(answer.body.error.message, /limit/)
    const cursor = await t.request('GET', '/v1/pins?cursor=garbage', { key: lister })
    assert.match(cursor.body.error.message, /cursor/)
  })
})

describe('batch', () => {
  test('create: good items are created, bad ones fail with their index', async () => {
    const answer = await t.request('POST', '/v1/pins/batch', {
      key,
      body: {
        pins: [
          titled('Good one'),
          { metadata: {} },
          titled('Bad config', { pin_type: 'stat-cards', pin_config: { cards: [{ title: 'x' }] } }),
          titled('Bad type', { pin_type: 'nope' }),
          titled('Good two', { pin_type: 'stat-cards', pin_config: { cards: [{ title: 'x', value: 1 }] } }),
        ],
      },
    })
    assert.equal(answer.status, 200)
    const { created, failed } = answer.body.data
    assert.deepEqual(
      created.map((c: { index: number }) => c.index),
      [0, 4],
    )
    assert.deepEqual(
      failed.map((f: { index: number; error: { code: string } }) => [f.index, f.error.code]),
      [
        [1, 'VALIDATION_ERROR'],
        [2, 'PIN_CONFIG_INVALID'],
        [3, 'INVALID_PIN_TYPE'],
      ],
    )
    assert.equal(failed[1].error.message, 'Invalid pin_config for pin_type "stat-cards" at cards[0].value: Required')
    for (const c of created) assert.equal((await get(c.id)).id, c.id)
  })

  test('get: found, not_found; duplicates answered once', async () => {
    const a = await create(titled('A'))
    const answer = await t.request('POST', '/v1/pins/batch/get', {
      key,
      body: { ids: [a, 'p-aaaaaaaaaaaa', a, 'junk'] },
    })
    assert.deepEqual(
      answer.body.data.found.map((p: { id: string }) => p.id),
      [a],
    )
    assert.deepEqual(answer.body.data.not_found, ['p-aaaaaaaaaaaa', 'junk'])
    assert.deepEqual(answer.body.data.permission_denied, [])
  })

  test('update: each item on its own', async () => {
    const a = await create(titled('A'))
    const answer = await t.request('PATCH', '/v1/pins/batch', {
      key,
      body: {
        updates: [
          { id: a, metadata: { title: 'A2' } },
          { id: 'p-bbbbbbbbbbbb', is_public: true },
          { id: a, pin_layout: '9x9' },
        ],
      },
    })
    assert.deepEqual(
      answer.body.data.updated.map((u: { id: string; index: number }) => [u.id, u.index]),
      [[a, 0]],
    )
    assert.deepEqual(
      answer.body.data.failed.map((f: { index: number; id: string; error: { code: string } }) => [
        f.index,
        f.id,
        f.error.code,
      ]),
      [
        [1, 'p-bbbbbbbbbbbb', 'NOT_FOUND'],
        [2, a, 'VALIDATION_ERROR'],
      ],
    )
    assert.equal((await get(a)).metadata.title, 'A2')
  })

  test('delete: deleted and failed', async () => {
    const a = await create(titled('A'))
    const answer = await t.request('DELETE', '/v1/pins/batch', { key, body: { ids: [a, 'p-cccccccccccc'] } })
    assert.deepEqual(answer.body.data.deleted, [a])
    assert.equal(answer.body.data.failed[0].id, 'p-cccccccccccc')
    assert.equal(answer.body.data.failed[0].error.code, 'NOT_FOUND')
  })
})

describe('idempotency', () => {
  test('a retry gets the first answer and creates nothing twice', async () => {
    const own = (await t.newKey()).key
    const headers = { 'idempotency-key': 'create-report-7' }
    const first = await t.request('POST', '/v1/pins', { key: own, body: titled('Once'), headers })
    const retry = await t.request('POST', '/v1/pins', { key: own, body: titled('Once'), headers })
    assert.equal(retry.status, 201)
    assert.deepEqual(retry.body, first.body)
    assert.equal(retry.headers.get('idempotent-replayed'), 'true')
    assert.equal((await t.request('GET', '/v1/pins', { key: own })).body.data.total, 1)
  })

  test('concurrent requests with one key: one runs, the others wait their turn or are refused', async () => {
    const own = (await t.newKey()).key
    const headers = { 'idempotency-key': 'burst' }
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.request('POST', '/v1/pins/batch', { key: own, body: { pins: [titled('B')] }, headers }),
      ),
    )
    assert.ok(answers.every((a) => a.status === 200 || a.status === 409))
    assert.equal((await t.request('GET', '/v1/pins', { key: own })).body.data.total, 1)
  })

  test('an error answer is replayed too; a key is per API key', async () => {
    const own = (await t.newKey()).key
    const headers = { 'idempotency-key': 'bad' }
    const first = await t.request('POST', '/v1/pins', { key: own, body: { metadata: {} }, headers })
    const again = await t.request('POST', '/v1/pins', { key: own, body: { metadata: {} }, headers })
    assert.equal(again.status, 400)
    assert.deepEqual(again.body, first.body)
    const other = (await t.newKey()).key
    assert.equal((await t.request('POST', '/v1/pins', { key: other, body: titled('Mine'), headers })).status, 201)
  })
})

describe('public documents', () => {
  test('GET /v1/pin-types lists every registered type with its schema and example', async () => {
    const answer = await t.request('GET', '/v1/pin-types')
    assert.equal(answer.status, 200)
    const { items, total } = answer.body.data
    assert.equal(total, pinTypeIds.length)
    assert.deepEqual(
      items.map((i: { id: string }) => i.id),
      pinTypeIds,
    )
    for (const item of items) {
      assert.equal(item.schema.type, 'object')
      assert.deepEqual(item.example, pinTypes[item.id as PinTypeId].examples[0])
    }
    const one = await t.request('GET', '/v1/pin-types/stat-cards')
    assert.equal(one.body.data.id, 'stat-cards')
    assert.equal((await t.request('GET', '/v1/pin-types/nope')).status, 404)
  })

  test('every example of every type round-trips through POST and GET unchanged', async () => {
    const { key } = await t.newKey() // a budget of writes of its own
    const get = async (id: string) => (await t.request('GET', `/v1/pins/${id}`, { key })).body.data
    for (const id of pinTypeIds) {
      for (const example of pinTypes[id].examples) {
        const created = await t.request('POST', '/v1/pins', {
          key,
          body: { pin_type: id, pin_config: example, metadata: { title: `${id} example` } },
        })
        assert.equal(created.status, 201, `${id}: ${JSON.stringify(created.body)}`)
        const pin = await get(created.body.data.id)
        assert.equal(pin.pin_type, id)
        assert.deepEqual(pin.pin_config, example)
      }
    }
  })

  test('legacy: data_type pin-card with a typed config, and legacy ids, work as before', async () => {
    const id = await create({
      data_type: 'pin-card',
      pin_type: 'flexible-table',
      pin_config: { columns: [{ id: 'sym', label: 'Symbol' }], rows: [{ sym: 'BTC' }] },
      metadata: { title: 'Legacy table' },
    })
    const pin = await get(id)
    assert.equal(pin.data_type, 'pin-card')
    assert.equal(pin.pin_type, 'flexible-table')
    assert.deepEqual(pin.pin_config.columns, [{ id: 'sym', label: 'Symbol' }])
    const chart = await create(
      titled('Old chart', { pin_type: 'line-chart', pin_config: { points: [{ x: 1, y: 2 }] } }),
    )
    assert.equal((await get(chart)).pin_type, 'line-chart')
  })

  test('GET /v1/openapi.json is a bare OpenAPI 3.1 document', async () => {
    const answer = await t.request('GET', '/v1/openapi.json')
    assert.equal(answer.body.openapi, '3.1.0')
    assert.equal(answer.body.success, undefined)
    assert.ok(answer.body.paths['/v1/pins'].post)
    assert.ok(answer.body.components.schemas.StatCardsPinConfig)
  })
})
