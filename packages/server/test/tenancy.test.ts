import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type Scope, scopes } from '@pindown/store'
import { isKeyed, type Operation } from '../src/operations/operation.js'
import { operations } from '../src/operations/table.js'
import { type Answer, startTestServer, type TestServer, titled } from './harness.js'

/**
 * The scope matrix and the other-workspace check, over every keyed operation of the table: a new
 * operation without a sample below fails here, so none ships unchecked.
 */

let t: TestServer
let owner: { key: string; workspaceId: string }
let other: string

before(async () => {
  // Every call below comes from a handful of keys within a minute; the limits are tested elsewhere.
  t = await startTestServer({ RATE_LIMIT_WRITES: '10000', RATE_LIMIT_READS: '10000', RATE_LIMIT_BATCH_READS: '10000' })
  owner = await t.newKey()
  other = (await t.newKey()).key
})
after(() => t.close())

const newPin = async (title = 'Owned') =>
  // Every pin takes comments, so that the comment operations have something to act on.
  (await t.request('POST', '/v1/pins', { key: owner.key, body: titled(title, { allow_comments: true }) })).body.data
    .id as string

interface Call {
  readonly path: string
  readonly body?: unknown
  /** What the pin needs before the call can succeed (a collaborator to change, say). */
  readonly given?: () => Promise<void>
}

/** A person who collaborates on the pin, put there through the store (the API invites; accepting is a page). */
const collaborator = (pinId: string) => async () => {
  const people = t.server.store.people
  if (!(await people.getUser('usr_tenancy00001'))) {
    await people.createUser({
      id: 'usr_tenancy00001',
      email: 'colleague@example.com',
      name: 'Colleague',
      passwordHash: null,
      emailVerified: true,
      createdAt: Date.now(),
    })
  }
  await people.setCollaborator({ pinId, userId: 'usr_tenancy00001', role: 'viewer', createdAt: Date.now() })
}

/** A comment on the pin (`commentOn(pinId)`), put there through the store. */
const commented = (pinId: string) => async () => {
  if (await t.server.store.comments.getComment(pinId, commentOn(pinId))) return
  const now = Date.now()
  await t.server.store.comments.addComment({
    id: commentOn(pinId),
    pinId,
    parentId: null,
    body: 'Looks right',
    author: { kind: 'user', id: 'usr_tenancy00001', name: 'Colleague' },
    resolved: false,
    edited: false,
    createdAt: now,
    updatedAt: now,
  })
}
const commentOn = (pinId: string) => `cmt_${pinId.slice(2)}`

/** For each keyed operation, a call that succeeds for the owner, aimed at the owner's pin `pinId`. */
const samples: Record<string, (pinId: string) => Call> = {
  createPin: () => ({ path: '/v1/pins', body: titled('New') }),
  listPins: () => ({ path: '/v1/pins' }),
  getPin: (id) => ({ path: `/v1/pins/${id}` }),
  updatePin: (id) => ({ path: `/v1/pins/${id}`, body: { metadata: { title: 'Changed' } } }),
  deletePin: (id) => ({ path: `/v1/pins/${id}` }),
  sharePin: (id) => ({ path: `/v1/pins/${id}/share`, body: { is_public: true } }),
  watchPin: (id) => ({ path: `/v1/pins/${id}/events` }),
  batchCreatePins: () => ({ path: '/v1/pins/batch', body: { pins: [titled('B')] } }),
  batchGetPins: (id) => ({ path: '/v1/pins/batch/get', body: { ids: [id] } }),
  batchUpdatePins: (id) => ({ path: '/v1/pins/batch', body: { updates: [{ id, is_public: true }] } }),
  batchDeletePins: (id) => ({ path: '/v1/pins/batch', body: { ids: [id] } }),
  listCollaborators: (id) => ({ path: `/v1/pins/${id}/collaborators` }),
  inviteCollaborator: (id) => ({
    path: `/v1/pins/${id}/collaborators`,
    body: { email: 'ann@example.com', role: 'viewer' },
  }),
  updateCollaborator: (id) => ({
    path: `/v1/pins/${id}/collaborators/usr_tenancy00001`,
    body: { role: 'editor' },
    given: collaborator(id),
  }),
  removeCollaborator: (id) => ({ path: `/v1/pins/${id}/collaborators/usr_tenancy00001`, given: collaborator(id) }),
  getPermissions: (id) => ({ path: `/v1/pins/${id}/permissions` }),
  listComments: (id) => ({ path: `/v1/pins/${id}/comments` }),
  createComment: (id) => ({ path: `/v1/pins/${id}/comments`, body: { body: 'Ship it' } }),
  updateComment: (id) => ({
    path: `/v1/pins/${id}/comments/${commentOn(id)}`,
    body: { resolved: true },
    given: commented(id),
  }),
  deleteComment: (id) => ({ path: `/v1/pins/${id}/comments/${commentOn(id)}`, given: commented(id) }),
}

const keyed = operations.filter((op) => isKeyed(op.access))
const scopeOf = (op: Operation) => (isKeyed(op.access) ? op.access.scope : undefined)

/** Calls an operation; an event stream is answered by its headers, then closed. */
async function call(op: Operation, key: string, pinId: string): Promise<Answer> {
  const sample = samples[op.id]
  assert.ok(sample, `tenancy.test.ts has no sample call for ${op.id}: add one`)
  const { path, body, given } = sample(pinId)
  if (pinId !== 'p-zzzzzzzzzzzz') await given?.()
  if (op.answer.kind !== 'event-stream') return t.request(op.method, path, { key, body })
  const abort = new AbortController()
  const response = await fetch(t.url + path, { headers: { authorization: `Bearer ${key}` }, signal: abort.signal })
  const text = response.ok ? '' : await response.text()
  abort.abort()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined }
}

test('every keyed operation has a sample call', () => {
  assert.deepEqual(
    keyed.map((op) => op.id).filter((id) => !samples[id]),
    [],
  )
})

describe('scopes: every scope × every keyed operation', () => {
  for (const scope of scopes) {
    test(`a key without ${scope} gets 403 naming it exactly where it is needed`, async () => {
      const key = (await t.newKey(scopes.filter((s) => s !== scope) as Scope[], owner.workspaceId)).key
      for (const op of keyed) {
        const answer = await call(op, key, await newPin())
        if (scopeOf(op) === scope) {
          assert.equal(answer.status, 403, `${op.id}`)
          assert.equal(answer.body.error.code, 'SCOPE_REQUIRED')
          assert.match(answer.body.error.message, new RegExp(scope))
        } else {
          assert.ok(answer.status < 300, `${op.id} answered ${answer.status}`)
        }
      }
    })

    test(`a key with only ${scope} reaches only its operations, and the scope comes before the lookup`, async () => {
      const key = (await t.newKey([scope], owner.workspaceId)).key
      for (const op of keyed) {
        // A pin that does not exist: the scope is checked first, so a missing scope is still a 403.
        const answer = await call(op, key, 'p-zzzzzzzzzzzz')
        if (scopeOf(op) === scope) assert.notEqual(answer.status, 403, op.id)
        else assert.equal(answer.status, 403, op.id)
      }
    })
  }
})

test('the owner gets answers of the shape each operation declares', async () => {
  for (const op of keyed) {
    const answer = await call(op, owner.key, await newPin())
    if (op.answer.kind !== 'envelope') {
      assert.equal(answer.status, 200, op.id)
      continue
    }
    assert.equal(answer.status, op.answer.status, op.id)
    assert.equal(answer.body.success, true, op.id)
    const parsed = op.answer.data.safeParse(answer.body.data)
    assert.ok(parsed.success, `${op.id}: ${parsed.error?.message}`)
  }
})

test("another workspace's pin is not found by any operation, shows up in none, and stays untouched", async () => {
  const title = `Secret ${Date.now()}`
  const pinId = await newPin(title)
  for (const op of keyed) {
    const answer = await call(op, other, pinId)
    if (op.params?.shape.pinId) {
      assert.equal(answer.status, 404, op.id)
      assert.equal(answer.body.error.code, 'NOT_FOUND', op.id)
    } else {
      assert.ok(answer.status < 300, `${op.id} answered ${answer.status}`)
    }
    assert.doesNotMatch(JSON.stringify(answer.body ?? ''), new RegExp(title), op.id)
  }
  const batchGet = await t.request('POST', '/v1/pins/batch/get', { key: other, body: { ids: [pinId] } })
  assert.deepEqual(batchGet.body.data, { found: [], not_found: [pinId], permission_denied: [] })

  const mine = await t.request('GET', `/v1/pins/${pinId}`, { key: owner.key })
  assert.equal(mine.status, 200)
  assert.equal(mine.body.data.metadata.title, title)
  assert.equal(mine.body.data.version, 1)
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
