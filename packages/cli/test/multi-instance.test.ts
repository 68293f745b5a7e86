import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { createApiKey } from '@pindown/server'
import { openStore } from '@pindown/store'
import { parseEventStream } from '@pindownai/client-js'
import { newPostgresDatabase, postgresWanted } from '../../store/test/postgres-database.js'
import { type ServeProcess, serve } from './run-cli.js'

if (!postgresWanted()) {
  test('two instances on one PostgreSQL database', (t) => t.skip('PostgreSQL is not part of this run'))
} else {
  const cleanups: (() => Promise<unknown>)[] = []
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
  })

  test('two instances on one database behave as one server', async () => {
    const db = await newPostgresDatabase()
    cleanups.push(db.drop)
    const store = await openStore({ url: db.url })
    const { key } = await createApiKey(store)
    await store.close()
    const env = { DATABASE_URL: db.url, SSE_KEEPALIVE_MS: '500' }
    const a: ServeProcess = await serve(env)
    cleanups.push(() => a.stop())
    const b: ServeProcess = await serve(env)
    cleanups.push(() => b.stop())
    const call = (server: ServeProcess, method: string, path: string, body?: unknown) =>
      fetch(server.url + path, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })

    // Created through A, read through B.
    const created = (await (await call(a, 'POST', '/v1/pins', { metadata: { title: 'Shared' } })).json()) as {
      data: { id: string }
    }
    const id = created.data.id
    const read = (await (await call(b, 'GET', `/v1/pins/${id}`)).json()) as { data: { metadata: { title: string } } }
    assert.equal(read.data.metadata.title, 'Shared')

    // An update through A reaches a stream open on B (B subscribes before it answers the stream's headers;
    // how soon is measured in the bench), and so does a comment; a long one is read from the store by B.
    const stream = await call(b, 'GET', `/v1/pins/${id}/events`)
    const events = parseEventStream(stream.body!)
    const next = async (what: string) => {
      const event = await Promise.race([
        events.next(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} on B within 10 s`)), 10_000)),
      ])
      return event.value!
    }
    await call(a, 'PUT', `/v1/pins/${id}`, { metadata: { title: 'Changed on A' }, allow_comments: true })
    const updated = await next('pin.updated')
    assert.equal(updated.event, 'pin.updated')
    assert.equal(JSON.parse(updated.data).metadata.title, 'Changed on A')
    const long = `Long comment ${'x'.repeat(9_000)}`
    await call(a, 'POST', `/v1/pins/${id}/comments`, { body: 'Short comment' })
    await call(a, 'POST', `/v1/pins/${id}/comments`, { body: long })
    for (const body of ['Short comment', long]) {
      const event = await next('comment.created')
      assert.equal(event.event, 'comment.created')
      assert.equal(JSON.parse(event.data).body, body)
    }
    await events.return(undefined)

    // The write limit is shared (comments count apart): so far 2 writes; 88 more alternating between A and B, then the 91st is refused.
    for (let i = 0; i < 88; i++) {
      const answer = await call(i % 2 ? a : b, 'POST', '/v1/pins', { metadata: { title: `Write ${i}` } })
      assert.equal(answer.status, 201, `write ${i + 3}`)
    }
    const refusedOnA = await call(a, 'POST', '/v1/pins', { metadata: { title: 'One too many' } })
    const refusedOnB = await call(b, 'POST', '/v1/pins', { metadata: { title: 'One too many' } })
    assert.equal(refusedOnA.status, 429)
    assert.equal(refusedOnB.status, 429)
    assert.ok(Number(refusedOnB.headers.get('retry-after')) >= 1)
  })
}
