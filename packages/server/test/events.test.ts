import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { parseEventStream, type ServerSentEvent } from '@pindownai/client-js'
import { startWithKey, type TestServer, titled } from './harness.js'

let t: TestServer
let key: string
before(async () => ({ t, key } = await startWithKey({ SSE_KEEPALIVE_MS: '100' })))
after(() => t.close())

/** Opens a pin's event stream and reads it in the background. */
async function listen(id: string, headers: Record<string, string> = {}) {
  const controller = new AbortController()
  const response = await fetch(`${t.url}/v1/pins/${id}/events`, {
    headers: { authorization: `Bearer ${key}`, ...headers },
    signal: controller.signal,
  })
  const events: ServerSentEvent[] = []
  const waiters: (() => void)[] = []
  const ended = (async () => {
    try {
      for await (const event of parseEventStream(response.body!)) {
        events.push(event)
        for (const wake of waiters.splice(0)) wake()
      }
    } catch {}
  })()
  const next = async (count: number, ms = 1000) => {
    const deadline = Date.now() + ms
    while (events.length < count && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        waiters.push(resolve)
        setTimeout(resolve, deadline - Date.now())
      })
    }
    return events
  }
  return { response, events, next, ended, close: () => controller.abort() }
}

const create = async (title: string) => (await t.request('POST', '/v1/pins', { key, body: titled(title) })).body.data.id

test('an update, a share and a delete reach an open stream within a second, with versions as ids', async () => {
  const id = await create('Watched')
  const stream = await listen(id)
  assert.equal(stream.response.status, 200)
  assert.equal(stream.response.headers.get('content-type'), 'text/event-stream; charset=utf-8')

  await t.request('PUT', `/v1/pins/${id}`, { key, body: { metadata: { title: 'Changed' } } })
  const [updated] = await stream.next(1)
  assert.equal(updated?.event, 'pin.updated')
  assert.equal(updated?.id, '2')
  assert.equal(JSON.parse(updated!.data).metadata.title, 'Changed')

  await t.request('POST', `/v1/pins/${id}/share`, { key, body: { is_public: true } })
  const shared = (await stream.next(2))[1]
  assert.equal(shared?.event, 'pin.shared')
  assert.equal(shared?.id, '3')
  assert.equal(JSON.parse(shared!.data).shareable_url, `${t.url}/share/pin/${id}`)

  await t.request('DELETE', `/v1/pins/${id}`, { key })
  const deleted = (await stream.next(3))[2]
  assert.equal(deleted?.event, 'pin.deleted')
  assert.deepEqual(JSON.parse(deleted!.data), { id })
  await stream.ended // the server ends the stream after a delete
})

test('a reconnect with Last-Event-ID first gets what it missed', async () => {
  const id = await create('Resumable')
  await t.request('PUT', `/v1/pins/${id}`, { key, body: { is_public: true } })
  await t.request('PUT', `/v1/pins/${id}`, { key, body: { allow_comments: true } })
  const behind = await listen(id, { 'last-event-id': '1' })
  const [missed] = await behind.next(1)
  assert.equal(missed?.event, 'pin.updated')
  assert.equal(missed?.id, '3')
  behind.close()

  const current = await listen(id, { 'last-event-id': '3' })
  assert.deepEqual(await current.next(1, 300), [], 'nothing to catch up on')
  current.close()
})

test('a no-op update sends nothing; batch updates do', async () => {
  const id = await create('Quiet')
  const stream = await listen(id)
  await t.request('PUT', `/v1/pins/${id}`, { key, body: {} })
  await t.request('PATCH', '/v1/pins/batch', { key, body: { updates: [{ id, pin_layout: '2x2' }] } })
  const events = await stream.next(1)
  assert.equal(events.length, 1)
  assert.equal(events[0]?.id, '2')
  stream.close()
})

test('the stream answers 404, 401 and 403 like any read', async () => {
  assert.equal((await t.request('GET', '/v1/pins/p-000000000000/events', { key })).status, 404)
  assert.equal((await t.request('GET', '/v1/pins/p-000000000000/events')).status, 401)
  const writer = (await t.newKey(['pins:write'])).key
  assert.equal((await t.request('GET', '/v1/pins/p-000000000000/events', { key: writer })).status, 403)
  const other = (await t.newKey()).key
  const id = await create('Private to this workspace')
  assert.equal((await t.request('GET', `/v1/pins/${id}/events`, { key: other })).status, 404)
})

test('keep-alive comments flow, and shutting down ends open streams', async () => {
  const own = await startWithKey({ SSE_KEEPALIVE_MS: '100' })
  const id = (await own.t.request('POST', '/v1/pins', { key: own.key, body: titled('Open') })).body.data.id
  const response = await fetch(`${own.t.url}/v1/pins/${id}/events`, { headers: { authorization: `Bearer ${own.key}` } })
  const reader = response.body!.getReader()
  let text = ''
  while (!text.includes(': keep-alive')) text += new TextDecoder().decode((await reader.read()).value)
  await own.t.close() // must not hang on the open stream
  assert.equal((await reader.read()).done, true)
})
