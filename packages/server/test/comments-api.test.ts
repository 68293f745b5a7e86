import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createPerson, type Standing } from '../../viewer/test/people-fixture.js'
import { startTestServer, type TestServer, titled } from './harness.js'
import { WebClient } from './web-client.js'

/** Comments and edits from pages, through the API: programs with keys, people with sessions, and the attacks on both. */

let t: TestServer
let key: string
let workspaceId: string
let otherKey: string

before(async () => {
  t = await startTestServer({ RATE_LIMIT_COMMENTS: '1000' })
  ;({ key, workspaceId } = await t.newKey())
  otherKey = (await t.newKey()).key
})
after(() => t.close())

const newPin = async (extra: Record<string, unknown> = {}) => {
  const answer = await t.request('POST', '/v1/pins', {
    key,
    body: titled('Weekly numbers', { pin_type: 'markdown', pin_config: { content: '# Sales' }, ...extra }),
  })
  assert.equal(answer.status, 201, JSON.stringify(answer.body))
  return answer.body.data.id as string
}

const comment = (pinId: string, body: unknown, as = key) =>
  t.request('POST', `/v1/pins/${pinId}/comments`, { key: as, body })

/** A signed-in browser (without a browser) that has opened the pin's page, so it holds the page's CSRF token. */
async function personOn(pinId: string, name: string, standing: Standing) {
  const person = await createPerson(t, name, standing)
  const client = new WebClient(t.url)
  client.cookies.set('pindown_session', person.token)
  const page = await client.get(`/share/pin/${pinId}`)
  return { ...person, client, csrf: page.csrf, pageStatus: page.status }
}

describe('comments by programs', () => {
  test('a key comments, replies one level deep, and lists oldest first with paging and since', async () => {
    const pinId = await newPin({ allow_comments: true })
    const first = await comment(pinId, { body: 'Numbers look **low** this week' })
    assert.equal(first.status, 201)
    const made = first.body.data
    assert.match(made.id, /^cmt_[a-z0-9]{12}$/)
    assert.deepEqual(made.author.kind, 'app')
    assert.equal(made.parent_id, null)
    const reply = (await comment(pinId, { body: 'Checked: a holiday', parent_id: made.id })).body.data
    assert.equal(reply.parent_id, made.id)
    const deeper = await comment(pinId, { body: 'Too deep', parent_id: reply.id })
    assert.equal(deeper.status, 400)
    assert.equal(deeper.body.error.details[0].path, 'parent_id')
    const third = (await comment(pinId, { body: 'Third' })).body.data

    const page1 = await t.request('GET', `/v1/pins/${pinId}/comments?limit=2`, { key })
    assert.deepEqual(
      page1.body.data.items.map((c: { id: string }) => c.id),
      [made.id, reply.id],
    )
    assert.equal(page1.body.data.total, 3)
    const page2 = await t.request('GET', `/v1/pins/${pinId}/comments?cursor=${page1.body.data.next_cursor}`, { key })
    assert.deepEqual(
      page2.body.data.items.map((c: { id: string }) => c.id),
      [third.id],
    )
    assert.equal(page2.body.data.next_cursor, null)
    const since = await t.request('GET', `/v1/pins/${pinId}/comments?since=${reply.created_at}`, { key })
    assert.ok(since.body.data.items.every((c: { updated_at: number }) => c.updated_at > reply.created_at))
  })

  test('bodies are checked: empty, too long, unknown fields', async () => {
    const pinId = await newPin({ allow_comments: true })
    for (const body of [{ body: '   ' }, { body: 'x'.repeat(10_001) }, { body: 'ok', extra: 1 }, {}]) {
      const answer = await comment(pinId, body)
      assert.equal(answer.status, 400, JSON.stringify(body).slice(0, 40))
      assert.equal(answer.body.error.code, 'VALIDATION_ERROR')
    }
    assert.equal((await comment(pinId, { body: 'x'.repeat(10_000) })).status, 201)
  })

  test('a pin without allow_comments refuses comments with COMMENTS_DISABLED and keeps its thread', async () => {
    const pinId = await newPin({ allow_comments: true })
    await comment(pinId, { body: 'Kept' })
    await t.request('POST', `/v1/pins/${pinId}/share`, { key, body: { allow_comments: false } })
    const refused = await comment(pinId, { body: 'Now?' })
    assert.equal(refused.status, 403)
    assert.equal(refused.body.error.code, 'COMMENTS_DISABLED')
    // The program that owns the pin still reads the hidden thread; turning comments back on shows it again.
    const kept = await t.request('GET', `/v1/pins/${pinId}/comments`, { key })
    assert.equal(kept.body.data.items[0].body, 'Kept')
  })

  test("keys edit only their own comments, resolve any, and delete any of their workspace's", async () => {
    const pinId = await newPin({ allow_comments: true })
    const mine = (await comment(pinId, { body: 'Typo hree' })).body.data
    const colleague = (await t.newKey(undefined, workspaceId)).key
    const edit = await t.request('PATCH', `/v1/pins/${pinId}/comments/${mine.id}`, {
      key: colleague,
      body: { body: 'Hijacked' },
    })
    assert.equal(edit.status, 403)
    assert.equal(edit.body.error.code, 'COMMENT_NOT_YOURS')
    const resolved = await t.request('PATCH', `/v1/pins/${pinId}/comments/${mine.id}`, {
      key: colleague,
      body: { resolved: true },
    })
    assert.equal(resolved.body.data.resolved, true)
    assert.equal(resolved.body.data.edited, false)
    const fixed = await t.request('PATCH', `/v1/pins/${pinId}/comments/${mine.id}`, {
      key,
      body: { body: 'Typo here' },
    })
    assert.equal(fixed.body.data.edited, true)
    assert.equal((await t.request('PATCH', `/v1/pins/${pinId}/comments/${mine.id}`, { key, body: {} })).status, 400)
    const reply = (await comment(pinId, { body: 'Reply', parent_id: mine.id })).body.data
    const deleted = await t.request('DELETE', `/v1/pins/${pinId}/comments/${mine.id}`, { key: colleague })
    assert.deepEqual(deleted.body.data, { id: mine.id, deleted: true })
    const left = await t.request('GET', `/v1/pins/${pinId}/comments`, { key })
    assert.ok(!left.body.data.items.some((c: { id: string }) => c.id === reply.id), 'the reply went with it')
  })

  test("another workspace's key finds neither the pin nor its comments, and changes nothing", async () => {
    const pinId = await newPin({ allow_comments: true, is_public: true })
    const c = (await comment(pinId, { body: 'Private talk' })).body.data
    const calls = [
      t.request('GET', `/v1/pins/${pinId}/comments`, { key: otherKey }),
      comment(pinId, { body: 'Intruder' }, otherKey),
      t.request('PATCH', `/v1/pins/${pinId}/comments/${c.id}`, { key: otherKey, body: { resolved: true } }),
      t.request('DELETE', `/v1/pins/${pinId}/comments/${c.id}`, { key: otherKey }),
    ]
    for (const answer of await Promise.all(calls)) {
      assert.equal(answer.status, 404)
      assert.doesNotMatch(JSON.stringify(answer.body), /Private talk/)
    }
    const thread = await t.request('GET', `/v1/pins/${pinId}/comments`, { key })
    assert.deepEqual(
      thread.body.data.items.map((x: { body: string; resolved: boolean }) => [x.body, x.resolved]),
      [['Private talk', false]],
    )
  })

  test('a comment on another pin is not found through this one', async () => {
    const a = await newPin({ allow_comments: true })
    const b = await newPin({ allow_comments: true })
    const onA = (await comment(a, { body: 'On A' })).body.data
    assert.equal((await t.request('DELETE', `/v1/pins/${b}/comments/${onA.id}`, { key })).status, 404)
    assert.equal((await comment(b, { body: 'Reply across', parent_id: onA.id })).status, 400)
  })
})

describe('comments by people', () => {
  test('a collaborator comments from the page; the author is the person, checked for CSRF and Origin', async () => {
    const pinId = await newPin({ allow_comments: true })
    const ann = await personOn(pinId, 'Ann Viewer', { pinId, role: 'viewer' })
    assert.equal(ann.pageStatus, 200)
    assert.ok(ann.csrf, 'the page carries a CSRF token for a signed-in reader')
    const path = `/v1/pins/${pinId}/comments`
    const noToken = await ann.client.api('POST', path, { body: { body: 'Hi' } })
    assert.equal(noToken.status, 403)
    assert.equal(noToken.body.error.code, 'CSRF_FAILED')
    const foreign = await ann.client.api('POST', path, {
      body: { body: 'Hi' },
      csrf: ann.csrf!,
      origin: 'https://evil.example',
    })
    assert.equal(foreign.body.error.code, 'CSRF_FAILED')
    const posted = await ann.client.api('POST', path, { body: { body: 'Hi from Ann' }, csrf: ann.csrf! })
    assert.equal(posted.status, 201)
    assert.deepEqual(posted.body.data.author, { kind: 'user', id: ann.userId, name: 'Ann Viewer' })
    const listed = await t.request('GET', path, { key })
    assert.equal(listed.body.data.items.at(-1).body, 'Hi from Ann')
  })

  test('anonymous readers of a public pin read the thread but cannot post; private pins are not found', async () => {
    const open = await newPin({ allow_comments: true, is_public: true })
    const closed = await newPin({ allow_comments: true })
    await comment(open, { body: 'Public note' })
    await comment(closed, { body: 'Secret note' })
    const anonymous = new WebClient(t.url)
    const thread = await anonymous.api('GET', `/v1/pins/${open}/comments`)
    assert.equal(thread.status, 200)
    assert.equal(thread.body.data.items[0].body, 'Public note')
    const post = await anonymous.api('POST', `/v1/pins/${open}/comments`, { body: { body: 'Anon' } })
    assert.equal(post.status, 401)
    assert.equal(post.body.error.code, 'SIGN_IN_REQUIRED')
    const hidden = await anonymous.api('GET', `/v1/pins/${closed}/comments`)
    assert.equal(hidden.status, 404)
    assert.doesNotMatch(JSON.stringify(hidden.body), /Secret/)
    const unknown = await anonymous.api('GET', '/v1/pins/p-000000000000/comments')
    assert.deepEqual(unknown.body.error.code, hidden.body.error.code)
    // A signed-in stranger: the private pin stays not found; the public one takes their comment.
    const stranger = await personOn(open, 'Sam Stranger', { none: true })
    const onClosed = await stranger.client.api('POST', `/v1/pins/${closed}/comments`, {
      body: { body: 'Let me in' },
      csrf: stranger.csrf!,
    })
    assert.equal(onClosed.status, 404)
    const onOpen = await stranger.client.api('POST', `/v1/pins/${open}/comments`, {
      body: { body: 'Nice chart' },
      csrf: stranger.csrf!,
    })
    assert.equal(onOpen.status, 201)
  })

  test('people edit and delete their own comments; workspace owners delete anyone’s', async () => {
    const pinId = await newPin({ allow_comments: true })
    const viewer = await personOn(pinId, 'Vic Viewer', { pinId, role: 'viewer' })
    const owner = await personOn(pinId, 'Olga Owner', { workspaceId, role: 'owner' })
    const agent = (await comment(pinId, { body: 'From the agent' })).body.data
    const path = (id: string) => `/v1/pins/${pinId}/comments/${id}`
    const edit = await viewer.client.api('PATCH', path(agent.id), { body: { body: 'Changed' }, csrf: viewer.csrf! })
    assert.equal(edit.body.error.code, 'COMMENT_NOT_YOURS')
    const remove = await viewer.client.api('DELETE', path(agent.id), { csrf: viewer.csrf! })
    assert.equal(remove.body.error.code, 'COMMENT_NOT_YOURS')
    const own = (
      await viewer.client.api('POST', `/v1/pins/${pinId}/comments`, { body: { body: 'Mine' }, csrf: viewer.csrf! })
    ).body.data
    const edited = await viewer.client.api('PATCH', path(own.id), {
      body: { body: 'Mine, edited' },
      csrf: viewer.csrf!,
    })
    assert.equal(edited.body.data.edited, true)
    assert.equal((await viewer.client.api('DELETE', path(own.id), { csrf: viewer.csrf! })).status, 200)
    assert.equal((await owner.client.api('DELETE', path(agent.id), { csrf: owner.csrf! })).status, 200)
  })

  test('comments per person per minute are limited (RATE_LIMIT_COMMENTS)', async () => {
    const limited = await startTestServer({ RATE_LIMIT_COMMENTS: '2' })
    try {
      const { key: k } = await limited.newKey()
      const pin = (
        await limited.request('POST', '/v1/pins', { key: k, body: titled('Busy', { allow_comments: true }) })
      ).body.data.id
      const statuses = []
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (await limited.request('POST', `/v1/pins/${pin}/comments`, { key: k, body: { body: `${i}` } })).status,
        )
      }
      assert.deepEqual(statuses, [201, 201, 429])
      // Other writes have their own budget.
      assert.equal((await limited.request('PUT', `/v1/pins/${pin}`, { key: k, body: titled('Still') })).status, 200)
    } finally {
      await limited.close()
    }
  })
})

describe('edits from pages', () => {
  test('an editor changes the pin with If-Match; the pin records who; the answer is what pages show', async () => {
    const pinId = await newPin({ allow_edit: true, pending_invites: { 'zoe@example.com': 'viewer' } })
    const editor = await personOn(pinId, 'Eve Editor', { workspaceId, role: 'editor' })
    const read = await editor.client.api('GET', `/v1/pins/${pinId}`)
    assert.equal(read.status, 200)
    assert.equal(read.body.data.pending_invites, undefined, 'invited addresses are not for pages')
    assert.equal(read.headers.get('etag'), '"1"')
    const saved = await editor.client.api('PUT', `/v1/pins/${pinId}`, {
      body: { pin_config: { content: '# Sales, checked' }, metadata: { title: 'Weekly numbers (checked)' } },
      csrf: editor.csrf!,
      headers: { 'if-match': '"1"' },
    })
    assert.equal(saved.status, 200, JSON.stringify(saved.body))
    assert.equal(saved.body.data.version, 2)
    const pin = (await t.request('GET', `/v1/pins/${pinId}`, { key })).body.data
    assert.deepEqual(pin.updated_by, { kind: 'user', id: editor.userId, name: 'Eve Editor' })
    assert.equal(pin.metadata.title, 'Weekly numbers (checked)')
    const stale = await editor.client.api('PUT', `/v1/pins/${pinId}`, {
      body: { pin_config: { content: 'Old' } },
      csrf: editor.csrf!,
      headers: { 'if-match': '"1"' },
    })
    assert.equal(stale.status, 409)
    assert.equal(stale.headers.get('etag'), '"2"')
  })

  test('a key records itself as the author of its changes', async () => {
    const pinId = await newPin()
    const pin = (await t.request('PUT', `/v1/pins/${pinId}`, { key, body: titled('Renamed') })).body.data
    assert.equal(pin.updated_by.kind, 'app')
  })

  test('viewers, strangers, forged and sharing changes are refused, and the pin stays as it was', async () => {
    const pinId = await newPin({ allow_edit: true, is_public: true })
    const put = (who: Awaited<ReturnType<typeof personOn>>, body: unknown) =>
      who.client.api('PUT', `/v1/pins/${pinId}`, { body, csrf: who.csrf! })
    const viewer = await personOn(pinId, 'Val Viewer', { pinId, role: 'viewer' })
    assert.equal((await put(viewer, { metadata: { title: 'Forged' } })).body.error.code, 'ROLE_REQUIRED')
    const stranger = await personOn(pinId, 'Stan Stranger', { none: true })
    assert.equal((await put(stranger, { metadata: { title: 'Forged' } })).body.error.code, 'ROLE_REQUIRED')
    const editor = await personOn(pinId, 'Ed Editor', { pinId, role: 'editor' })
    const sharing = await put(editor, { is_public: false, pending_invites: { 'x@example.com': 'editor' } })
    assert.equal(sharing.status, 400)
    assert.deepEqual(
      sharing.body.error.details.map((d: { path: string }) => d.path),
      ['is_public', 'pending_invites'],
    )
    const anonymous = new WebClient(t.url)
    assert.equal((await anonymous.api('PUT', `/v1/pins/${pinId}`, { body: titled('Anon') })).status, 401)
    await t.request('POST', `/v1/pins/${pinId}/share`, { key, body: { allow_edit: false } })
    assert.equal((await put(editor, { metadata: { title: 'Late' } })).body.error.code, 'EDITING_DISABLED')
    const pin = (await t.request('GET', `/v1/pins/${pinId}`, { key })).body.data
    assert.equal(pin.metadata.title, 'Weekly numbers')
    assert.equal(pin.is_public, true)
    assert.deepEqual(pin.pending_invites, {})
  })

  test('a private pin is not found by a signed-in person who has no role on it', async () => {
    const pinId = await newPin({ allow_edit: true })
    const stranger = await personOn(pinId, 'Nina Nobody', { none: true })
    assert.equal(stranger.pageStatus, 404)
    // A token from a page they may open: the refusal is then about the pin, and says only "not found".
    const csrf = (await stranger.client.get(`/share/pin/${await newPin({ is_public: true })}`)).csrf!
    const answer = await stranger.client.api('PUT', `/v1/pins/${pinId}`, { body: titled('X'), csrf })
    assert.equal(answer.status, 404)
    const unknown = await stranger.client.api('PUT', '/v1/pins/p-000000000000', { body: titled('X'), csrf })
    assert.deepEqual(unknown.body.error.code, answer.body.error.code)
    assert.equal((await stranger.client.api('GET', `/v1/pins/${pinId}`)).status, 404)
  })
})

describe('comment events', () => {
  /** An open event stream: resolves once the server has said it is open (and so listening). */
  async function openEvents(url: string, headers: Record<string, string> = {}) {
    const abort = new AbortController()
    const response = await fetch(url, { headers, signal: abort.signal })
    assert.equal(response.status, 200)
    const reader = response.body!.getReader()
    let text = ''
    const read = async () => {
      const { value, done } = await reader.read()
      if (done) throw new Error(`the stream ended; it said: ${text}`)
      text += new TextDecoder().decode(value)
    }
    while (!text.includes(': stream open')) await read()
    return {
      /** Reads until `pattern` has arrived, failing after 10 s with what did. */
      async until(pattern: RegExp): Promise<string> {
        const timer = setTimeout(() => abort.abort(), 10_000)
        try {
          while (!pattern.test(text)) await read()
          return text
        } catch {
          throw new Error(`no ${pattern} within 10 s; the stream said: ${text}`)
        } finally {
          clearTimeout(timer)
          abort.abort()
        }
      },
    }
  }

  test('a program watching the pin and a public page both hear of a new comment, and of its deletion', async () => {
    const pinId = await newPin({ allow_comments: true, is_public: true })
    const keyed = await openEvents(`${t.url}/v1/pins/${pinId}/events`, { authorization: `Bearer ${key}` })
    const page = await openEvents(`${t.url}/share/events?pins=${pinId}:1`)
    const made = (await comment(pinId, { body: 'Heard everywhere' })).body.data
    await t.request('DELETE', `/v1/pins/${pinId}/comments/${made.id}`, { key })
    const deleted = new RegExp(`event: comment\\.deleted\\ndata: \\{"id":"${made.id}"`)
    for (const stream of [keyed, page]) {
      const text = await stream.until(deleted)
      assert.match(text, /event: comment\.created\ndata: .*Heard everywhere/)
    }
  })

  test('a page stream says nothing of comments while the pin takes none', async () => {
    const pinId = await newPin({ allow_comments: true, is_public: true })
    const page = await openEvents(`${t.url}/share/events?pins=${pinId}:1`)
    const hidden = (await comment(pinId, { body: 'Before' })).body.data
    await t.request('POST', `/v1/pins/${pinId}/share`, { key, body: { allow_comments: false } })
    // Deleting still works while comments are off, and its event is not shown to readers.
    await t.request('DELETE', `/v1/pins/${pinId}/comments/${hidden.id}`, { key })
    await t.request('PUT', `/v1/pins/${pinId}`, { key, body: titled('Marker') })
    const text = await page.until(/Marker/)
    assert.doesNotMatch(text, /comment\.deleted/)
    assert.match(text, /comment\.created/)
  })
})
