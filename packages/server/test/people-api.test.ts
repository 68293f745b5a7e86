import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { newToken, sha256 } from '../src/people/secrets.js'
import { startTestServer, type TestServer, titled } from './harness.js'
import { type SmtpSink, startSmtpSink } from './smtp-sink.js'

let t: TestServer
let sink: SmtpSink
let owner: { key: string; workspaceId: string }

before(async () => {
  sink = await startSmtpSink()
  t = await startTestServer({ SMTP_URL: sink.url, RATE_LIMIT_WRITES: '10000', RATE_LIMIT_READS: '10000' })
  owner = await t.newKey()
})
after(async () => {
  await t.close()
  await sink.close()
})

/** A member of the owner's workspace with a live session; answers the cookie. */
async function signedIn(role: 'owner' | 'editor' | 'viewer'): Promise<string> {
  const people = t.server.store.people
  const id = `usr_${Math.random().toString(36).slice(2, 14).padEnd(12, '0')}`
  const now = Date.now()
  await people.createUser(
    { id, email: `${id}@example.com`, name: role, passwordHash: null, emailVerified: true, createdAt: now },
    { workspaceId: owner.workspaceId, role },
  )
  const token = newToken()
  await people.createSession({
    id: `ses_${id.slice(4)}`,
    userId: id,
    tokenHash: sha256(token),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + 3_600_000,
    userAgent: 'test',
  })
  return `pindown_session=${token}`
}

/** `GET /v1/me` as that person: their CSRF token and the cookie holding its secret. */
async function csrf(cookie: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${t.url}/v1/me`, { headers: { cookie } })
  const body = (await response.json()) as { data: { csrf_token: string } }
  const secret = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('pindown_csrf='))!
    .split(';')[0]!
  return { token: body.data.csrf_token, cookie: `${cookie}; ${secret}` }
}

test('pending_invites on create become emailed invites; an unchanged update sends none, a new role sends one', async () => {
  const created = await t.request('POST', '/v1/pins', {
    key: owner.key,
    body: titled('Q3 plan', { pending_invites: { 'ann@example.com': 'viewer', 'bob@example.com': 'editor' } }),
  })
  assert.equal(created.status, 201)
  const id = created.body.data.id
  const mails = [await sink.next(), await sink.next()]
  assert.deepEqual(mails.map((m) => (m.to as { text: string }).text).sort(), ['ann@example.com', 'bob@example.com'])
  assert.match(mails[0]!.text ?? '', new RegExp(`${t.url}/invite/[0-9A-Za-z]{43}`))
  assert.match(mails[0]!.subject ?? '', /Q3 plan/)

  const listed = await t.request('GET', `/v1/pins/${id}/collaborators`, { key: owner.key })
  assert.deepEqual(
    listed.body.data.pending.map((p: { email: string; role: string }) => `${p.email}:${p.role}`).sort(),
    ['ann@example.com:viewer', 'bob@example.com:editor'],
  )
  assert.deepEqual(listed.body.data.active, [])
  assert.doesNotMatch(JSON.stringify(listed.body), /invite\//, 'links are not kept, so never listed')

  await t.request('PUT', `/v1/pins/${id}`, {
    key: owner.key,
    body: {
      metadata: { title: 'Q3 plan v2' },
      pending_invites: { 'ann@example.com': 'editor', 'bob@example.com': 'editor' },
    },
  })
  const resent = await sink.next()
  assert.equal((resent.to as { text: string }).text, 'ann@example.com')
  await assert.rejects(sink.next(500), /No email/)
})

test('invite, list, withdraw: the link is answered once; a person is removed by email or id', async () => {
  const id = (await t.request('POST', '/v1/pins', { key: owner.key, body: titled('Shared') })).body.data.id
  const invited = await t.request('POST', `/v1/pins/${id}/collaborators`, {
    key: owner.key,
    body: { email: 'Carol@Example.com', role: 'editor', message: 'Have a look' },
  })
  assert.equal(invited.status, 201)
  assert.equal(invited.body.data.email, 'carol@example.com')
  assert.equal(invited.body.data.emailed, true)
  const mail = await sink.next()
  assert.ok(mail.text?.includes(invited.body.data.invite_url))
  assert.match(mail.text ?? '', /Have a look/)

  const bad = await t.request('POST', `/v1/pins/${id}/collaborators`, {
    key: owner.key,
    body: { email: 'x', role: 'owner' },
  })
  assert.equal(bad.status, 400)
  assert.deepEqual(bad.body.error.details.map((d: { path: string }) => d.path).sort(), ['email', 'role'])

  const withdrawn = await t.request('DELETE', `/v1/pins/${id}/collaborators/carol@example.com`, { key: owner.key })
  assert.equal(withdrawn.status, 200)
  const again = await t.request('DELETE', `/v1/pins/${id}/collaborators/carol@example.com`, { key: owner.key })
  assert.equal(again.status, 404)
  const unknown = await t.request('PUT', `/v1/pins/${id}/collaborators/usr_nobody000000`, {
    key: owner.key,
    body: { role: 'viewer' },
  })
  assert.equal(unknown.status, 404)
})

test('permissions say what the key and each role may do, and what anonymous readers get', async () => {
  const id = (
    await t.request('POST', '/v1/pins', {
      key: owner.key,
      body: titled('P', { is_public: true, require_sign_in: true }),
    })
  ).body.data.id
  const readOnly = await t.newKey(['pins:read', 'pins:share'], owner.workspaceId)
  const answer = await t.request('GET', `/v1/pins/${id}/permissions`, { key: readOnly.key })
  assert.equal(answer.status, 200)
  assert.deepEqual(answer.body.data.key, { scopes: ['pins:read', 'pins:share'], read: true, write: false, share: true })
  assert.equal(answer.body.data.roles.viewer.edit, false)
  assert.equal(answer.body.data.roles.editor.invite, false)
  assert.equal(answer.body.data.roles.owner.delete, true)
  assert.equal(answer.body.data.visibility.anonymous, 'sign-in')
})

test('session operations: 401 without a session; changes need this site as Origin and a CSRF token', async () => {
  assert.equal((await t.request('GET', '/v1/me')).status, 401)
  assert.equal((await t.request('GET', '/v1/me')).body.error.code, 'SIGN_IN_REQUIRED')
  const cookie = await signedIn('owner')
  const me = await t.request('GET', '/v1/me', { headers: { cookie } })
  assert.equal(me.status, 200)
  assert.equal(me.body.data.workspace.role, 'owner')

  const { token, cookie: withSecret } = await csrf(cookie)
  const body = { name: 'from the web', scopes: ['pins:read'] }
  const foreign = await t.request('POST', '/v1/workspace/keys', {
    headers: { cookie: withSecret, origin: 'https://evil.example', 'x-csrf-token': token },
    body,
  })
  assert.equal(foreign.status, 403)
  assert.equal(foreign.body.error.code, 'CSRF_FAILED')
  const noToken = await t.request('POST', '/v1/workspace/keys', {
    headers: { cookie: withSecret, origin: t.url },
    body,
  })
  assert.equal(noToken.status, 403)
  assert.equal(noToken.body.error.code, 'CSRF_FAILED')
  const forged = await t.request('POST', '/v1/workspace/keys', {
    headers: { cookie: withSecret, origin: t.url, 'x-csrf-token': `${token}x` },
    body,
  })
  assert.equal(forged.status, 403)

  const created = await t.request('POST', '/v1/workspace/keys', {
    headers: { cookie: withSecret, origin: t.url, 'x-csrf-token': token },
    body,
  })
  assert.equal(created.status, 201)
  assert.match(created.body.data.key, /^pk_live_/)
  // The new key works, and is listed (without itself) with when it was last used.
  assert.equal((await t.request('GET', '/v1/pins', { key: created.body.data.key })).status, 200)
  const keys = await t.request('GET', '/v1/workspace/keys', { headers: { cookie } })
  const listed = keys.body.data.items.find((k: { id: string }) => k.id === created.body.data.id)
  assert.ok(listed.last_used_at > 0)
  assert.doesNotMatch(JSON.stringify(keys.body), new RegExp(created.body.data.key))
  // An API key never stands in for a session, and a session never reaches a keyed operation.
  assert.equal((await t.request('GET', '/v1/workspace/keys', { key: owner.key })).status, 401)
  assert.equal((await t.request('GET', '/v1/pins', { headers: { cookie } })).status, 401)
})

test('roles: a viewer or editor cannot manage the workspace; the last owner cannot leave', async () => {
  for (const role of ['viewer', 'editor'] as const) {
    const answer = await t.request('GET', '/v1/workspace/members', { headers: { cookie: await signedIn(role) } })
    assert.equal(answer.status, 403)
    assert.equal(answer.body.error.code, 'ROLE_REQUIRED')
  }
  const cookie = await signedIn('owner')
  const { token, cookie: withSecret } = await csrf(cookie)
  const change = { cookie: withSecret, origin: t.url, 'x-csrf-token': token }
  const members = (await t.request('GET', '/v1/workspace/members', { headers: { cookie } })).body.data.active
  const owners = members.filter((m: { role: string }) => m.role === 'owner')
  // Demote every other owner, then the last one cannot be demoted or removed.
  const me = (await t.request('GET', '/v1/me', { headers: { cookie } })).body.data.user.id
  for (const o of owners.filter((m: { user_id: string }) => m.user_id !== me)) {
    const demoted = await t.request('PUT', `/v1/workspace/members/${o.user_id}`, {
      headers: change,
      body: { role: 'viewer' },
    })
    assert.equal(demoted.status, 200)
  }
  const last = await t.request('PUT', `/v1/workspace/members/${me}`, { headers: change, body: { role: 'viewer' } })
  assert.equal(last.status, 409)
  assert.equal(last.body.error.code, 'LAST_OWNER')
  assert.equal((await t.request('DELETE', `/v1/workspace/members/${me}`, { headers: change })).status, 409)

  const invited = await t.request('POST', '/v1/workspace/members', {
    headers: change,
    body: { email: 'dana@example.com', role: 'editor' },
  })
  assert.equal(invited.status, 201)
  assert.match((await sink.next()).subject ?? '', /workspace/)
})

test('sign out everywhere ends every session of the person', async () => {
  const cookie = await signedIn('viewer')
  const { token, cookie: withSecret } = await csrf(cookie)
  const ended = await t.request('POST', '/v1/me/sign-out-everywhere', {
    headers: { cookie: withSecret, origin: t.url, 'x-csrf-token': token },
    body: {},
  })
  assert.equal(ended.status, 200)
  assert.equal(ended.body.data.ended, 1)
  assert.equal((await t.request('GET', '/v1/me', { headers: { cookie } })).status, 401)
})
