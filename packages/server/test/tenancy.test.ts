import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Scope } from '@pindown/store'
import { startTestServer, type TestServer, titled } from './harness.js'

let t: TestServer
let owner: string
let pinId: string
let keys: Record<'noRead' | 'noWrite' | 'noShare' | 'otherWorkspace', string>

before(async () => {
  t = await startTestServer()
  const first = await t.newKey()
  owner = first.key
  pinId = (await t.request('POST', '/v1/pins', { key: owner, body: titled('Owned') })).body.data.id
  const all: Scope[] = ['pins:read', 'pins:write', 'pins:share']
  const without = (scope: Scope) => all.filter((s) => s !== scope)
  keys = {
    noRead: (await t.newKey(without('pins:read'), first.workspaceId)).key,
    noWrite: (await t.newKey(without('pins:write'), first.workspaceId)).key,
    noShare: (await t.newKey(without('pins:share'), first.workspaceId)).key,
    otherWorkspace: (await t.newKey()).key,
  }
})
after(() => t.close())

/** Every authenticated endpoint, the scope it needs, and a body that would succeed for the owner. */
const endpoints = (): { method: string; path: string; scope: Scope; body?: unknown }[] => [
  { method: 'POST', path: '/v1/pins', scope: 'pins:write', body: titled('New') },
  { method: 'GET', path: '/v1/pins', scope: 'pins:read' },
  { method: 'GET', path: `/v1/pins/${pinId}`, scope: 'pins:read' },
  { method: 'PUT', path: `/v1/pins/${pinId}`, scope: 'pins:write', body: { metadata: { title: 'Changed' } } },
  { method: 'POST', path: `/v1/pins/${pinId}/share`, scope: 'pins:share', body: { is_public: true } },
  { method: 'DELETE', path: `/v1/pins/${pinId}`, scope: 'pins:write' },
  { method: 'POST', path: '/v1/pins/batch', scope: 'pins:write', body: { pins: [titled('B')] } },
  { method: 'POST', path: '/v1/pins/batch/get', scope: 'pins:read', body: { ids: [pinId] } },
  { method: 'PATCH', path: '/v1/pins/batch', scope: 'pins:write', body: { updates: [{ id: pinId, is_public: true }] } },
  { method: 'DELETE', path: '/v1/pins/batch', scope: 'pins:write', body: { ids: [pinId] } },
]

describe('a key lacking a scope gets 403 naming it, on every endpoint', () => {
  for (const [name, scope] of [
    ['noRead', 'pins:read'],
    ['noWrite', 'pins:write'],
    ['noShare', 'pins:share'],
  ] as const) {
    test(`without ${scope}`, async () => {
      for (const e of endpoints()) {
        const answer = await t.request(e.method, e.path, { key: keys[name], body: e.body })
        if (e.scope === scope) {
          assert.equal(answer.status, 403, `${e.method} ${e.path}`)
          assert.equal(answer.body.error.code, 'SCOPE_REQUIRED')
          assert.match(answer.body.error.message, new RegExp(scope))
        } else {
          assert.notEqual(answer.status, 403, `${e.method} ${e.path}`)
        }
      }
      // Scope comes before lookup: a pin that does not exist is still a 403.
      const missing = e403Probe(scope)
      const answer = await t.request(missing.method, missing.path, { key: keys[name], body: missing.body })
      assert.equal(answer.status, 403)
    })
  }
})

function e403Probe(scope: Scope) {
  const ghost = 'p-zzzzzzzzzzzz'
  if (scope === 'pins:read') return { method: 'GET', path: `/v1/pins/${ghost}` }
  if (scope === 'pins:write') return { method: 'DELETE', path: `/v1/pins/${ghost}` }
  return { method: 'POST', path: `/v1/pins/${ghost}/share`, body: { is_public: true } }
}

test("another workspace's pin is a 404 on every endpoint, and stays untouched", async () => {
  const other = keys.otherWorkspace
  const pinId = (await t.request('POST', '/v1/pins', { key: owner, body: titled('Owned') })).body.data.id
  const get = await t.request('GET', `/v1/pins/${pinId}`, { key: other })
  assert.equal(get.status, 404)
  assert.equal(get.body.error.code, 'NOT_FOUND')
  const put = await t.request('PUT', `/v1/pins/${pinId}`, { key: other, body: { metadata: { title: 'Hijacked' } } })
  assert.equal(put.status, 404)
  assert.equal(
    (await t.request('POST', `/v1/pins/${pinId}/share`, { key: other, body: { is_public: true } })).status,
    404,
  )
  assert.equal((await t.request('DELETE', `/v1/pins/${pinId}`, { key: other })).status, 404)

  const batchGet = await t.request('POST', '/v1/pins/batch/get', { key: other, body: { ids: [pinId] } })
  assert.deepEqual(batchGet.body.data, { found: [], not_found: [pinId], permission_denied: [] })
  const batchPatch = await t.request('PATCH', '/v1/pins/batch', {
    key: other,
    body: { updates: [{ id: pinId, is_public: true }] },
  })
  assert.deepEqual(batchPatch.body.data.updated, [])
  assert.equal(batchPatch.body.data.failed[0].error.code, 'NOT_FOUND')
  const batchDelete = await t.request('DELETE', '/v1/pins/batch', { key: other, body: { ids: [pinId] } })
  assert.deepEqual(batchDelete.body.data.deleted, [])
  assert.equal(batchDelete.body.data.failed[0].error.code, 'NOT_FOUND')

  const list = await t.request('GET', '/v1/pins', { key: other })
  assert.equal(
    list.body.data.items.some((p: { id: string }) => p.id === pinId),
    false,
  )

  const mine = await t.request('GET', `/v1/pins/${pinId}`, { key: owner })
  assert.equal(mine.status, 200)
  assert.equal(mine.body.data.metadata.title, 'Owned')
  assert.equal(mine.body.data.is_public, false)
})

test('a revoked key answers 401 at once', async () => {
  const fresh = await t.newKey()
  assert.equal((await t.request('GET', '/v1/pins', { key: fresh.key })).status, 200)
  assert.ok(await t.server.store.revokeApiKey(fresh.id, Date.now()))
  const answer = await t.request('GET', '/v1/pins', { key: fresh.key })
  assert.equal(answer.status, 401)
  assert.equal(answer.body.error.message, 'Invalid API key')
})
