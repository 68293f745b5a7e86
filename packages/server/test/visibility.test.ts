import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { newToken, sha256 } from '../src/people/secrets.js'
import { startTestServer, type TestServer, titled } from './harness.js'

/**
 * Who sees what (docs/people.md), every cell, on the pin page, the board and the live stream:
 *
 * | pin                          | anonymous | signed in, no role | collaborator | member |
 * | private                      | 404       | 404                | 200          | 200    |
 * | public                       | 200       | 200                | 200          | 200    |
 * | public + require_sign_in     | 401       | 200                | 200          | 200    |
 */

type Reader = 'anonymous' | 'no role' | 'viewer collaborator' | 'editor collaborator' | 'member'
type Kind = 'private' | 'public' | 'public + require_sign_in'

const expected: Record<Kind, Record<Reader, 200 | 401 | 404>> = {
  private: { anonymous: 404, 'no role': 404, 'viewer collaborator': 200, 'editor collaborator': 200, member: 200 },
  public: { anonymous: 200, 'no role': 200, 'viewer collaborator': 200, 'editor collaborator': 200, member: 200 },
  'public + require_sign_in': {
    anonymous: 401,
    'no role': 200,
    'viewer collaborator': 200,
    'editor collaborator': 200,
    member: 200,
  },
}

let t: TestServer
let key: string
const pins = {} as Record<Kind, string>
const cookies = {} as Record<Reader, string | undefined>
const ids = {} as Record<Reader, string>

/** An account with a live session; answers the cookie a browser would send. */
async function person(name: string): Promise<{ userId: string; cookie: string }> {
  const people = t.server.store.people
  const userId = `usr_${name.replace(/\W/g, '').slice(0, 12).padEnd(12, '0')}`
  const now = Date.now()
  await people.createUser({
    id: userId,
    email: `${name.replace(/\W/g, '')}@example.com`,
    name,
    passwordHash: null,
    emailVerified: true,
    createdAt: now,
  })
  const token = newToken()
  await people.createSession({
    id: `ses_${userId.slice(4)}`,
    userId,
    tokenHash: sha256(token),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + 3_600_000,
    userAgent: 'test',
  })
  return { userId, cookie: `pindown_session=${token}` }
}

const headers = (reader: Reader) => (cookies[reader] ? { cookie: cookies[reader] } : undefined)

/** The first event of a stream (at version 0, so a visible pin is sent at once), then the stream is closed. */
async function firstEvent(path: string, reader: Reader): Promise<string> {
  const abort = new AbortController()
  const response = await fetch(t.url + path, { headers: headers(reader) ?? {}, signal: abort.signal })
  assert.equal(response.status, 200)
  const reader_ = response.body!.getReader()
  let text = ''
  const deadline = Date.now() + 10_000
  while (!/^event: (.+)$/m.test(text)) {
    assert.ok(Date.now() < deadline, `no event within 10 s on ${path}`)
    const { value, done } = await reader_.read()
    if (done) break
    text += new TextDecoder().decode(value)
  }
  abort.abort()
  return /^event: (.+)$/m.exec(text)?.[1] ?? '(none)'
}

before(async () => {
  t = await startTestServer({ RATE_LIMIT_PUBLIC: '100000' })
  const owner = await t.newKey()
  key = owner.key
  const create = async (extra: Record<string, unknown>) =>
    (await t.request('POST', '/v1/pins', { key, body: titled('Visible?', extra) })).body.data.id as string
  pins.private = await create({})
  pins.public = await create({ is_public: true })
  pins['public + require_sign_in'] = await create({ is_public: true, require_sign_in: true })

  for (const reader of ['no role', 'viewer collaborator', 'editor collaborator', 'member'] as const) {
    const { userId, cookie } = await person(reader)
    cookies[reader] = cookie
    ids[reader] = userId
  }
  const people = t.server.store.people
  for (const pinId of Object.values(pins)) {
    await people.setCollaborator({ pinId, userId: ids['viewer collaborator'], role: 'viewer', createdAt: 0 })
    await people.setCollaborator({ pinId, userId: ids['editor collaborator'], role: 'editor', createdAt: 0 })
  }
  await people.setMember({ workspaceId: owner.workspaceId, userId: ids.member, role: 'viewer', createdAt: 0 })
})
after(() => t.close())

describe('who sees what: every cell of the table', () => {
  for (const kind of Object.keys(expected) as Kind[]) {
    for (const reader of Object.keys(expected[kind]) as Reader[]) {
      const status = expected[kind][reader]
      test(`${kind} pin, ${reader}: ${status}`, async () => {
        const page = await fetch(`${t.url}/share/pin/${pins[kind]}`, { headers: headers(reader) ?? {} })
        const html = await page.text()
        assert.equal(page.status, status, 'the pin page')
        if (status === 401) assert.match(html, /href="\/sign-in\?next=%2Fshare%2Fpin%2Fp-/)
        if (status === 404) {
          // Exactly the page of a pin that does not exist.
          const missing = await fetch(`${t.url}/share/pin/p-doesnotexist`, { headers: headers(reader) ?? {} })
          assert.equal(html, await missing.text())
        }

        const board = await fetch(`${t.url}/share/board?pins=${pins[kind]}`, { headers: headers(reader) ?? {} })
        assert.equal(board.status, status === 200 ? 200 : 404, 'the board')

        const event = await firstEvent(`/share/events?pins=${pins[kind]}:0`, reader)
        assert.equal(event, status === 200 ? 'pin.updated' : 'pin.removed', 'the live stream')
      })
    }
  }
})

test('a collaborator removed while watching stops receiving the pin at once', async () => {
  const { userId, cookie } = await person('leaving reader')
  const pinId = pins.private
  await t.server.store.people.setCollaborator({ pinId, userId, role: 'viewer', createdAt: 0 })
  const abort = new AbortController()
  const response = await fetch(`${t.url}/share/events?pins=${pinId}:0`, { headers: { cookie }, signal: abort.signal })
  const stream = response.body!.getReader()
  let text = ''
  const until = async (pattern: RegExp) => {
    const deadline = Date.now() + 10_000
    while (!pattern.test(text)) {
      assert.ok(Date.now() < deadline, `waited 10 s for ${pattern}; got ${text}`)
      const { value, done } = await stream.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
  }
  await until(/event: pin.updated/)
  const removed = await t.request('DELETE', `/v1/pins/${pinId}/collaborators/${userId}`, { key })
  assert.equal(removed.status, 200)
  await until(/event: pin.removed/)
  // And later changes are not sent.
  await t.request('PUT', `/v1/pins/${pinId}`, { key, body: { metadata: { title: 'After removal' } } })
  const rest = await Promise.race([
    stream.read().then(({ done }) => (done ? 'closed' : 'more')),
    new Promise((r) => setTimeout(() => r('open'), 2000)),
  ])
  assert.notEqual(rest, 'more')
  assert.doesNotMatch(text, /After removal/)
  abort.abort()
})

test('a session that ends stops its streams at the next change', async () => {
  const { userId, cookie } = await person('signing out')
  await t.server.store.people.setCollaborator({ pinId: pins.private, userId, role: 'viewer', createdAt: 0 })
  const abort = new AbortController()
  const response = await fetch(`${t.url}/share/events?pins=${pins.private}:0`, {
    headers: { cookie },
    signal: abort.signal,
  })
  const stream = response.body!.getReader()
  let text = ''
  const deadline = Date.now() + 10_000
  const read = async (pattern: RegExp) => {
    while (!pattern.test(text)) {
      assert.ok(Date.now() < deadline, `waited for ${pattern}; got ${text}`)
      const { value, done } = await stream.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
  }
  await read(/event: pin.updated/)
  await t.server.store.people.deleteSessions(userId)
  await t.request('PUT', `/v1/pins/${pins.private}`, { key, body: { metadata: { title: 'Secret edit' } } })
  await read(/event: pin.removed/)
  assert.doesNotMatch(text, /Secret edit/)
  abort.abort()
})
