import assert from 'node:assert/strict'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { startTestServer, titled } from './harness.js'

test('the 91st write in a minute is 429 with Retry-After; reads have their own budget', async () => {
  const t = await startTestServer()
  try {
    const { key } = await t.newKey()
    for (let i = 1; i <= 90; i++) {
      // Failed writes count too: every other request is invalid.
      const body = i % 2 === 0 ? titled(`Pin ${i}`) : { metadata: {} }
      const answer = await t.request('POST', '/v1/pins', { key, body })
      assert.notEqual(answer.status, 429, `write ${i}`)
      assert.equal(answer.headers.get('x-ratelimit-limit'), '90')
      assert.equal(answer.headers.get('x-ratelimit-remaining'), String(90 - i))
    }
    const limited = await t.request('POST', '/v1/pins', { key, body: titled('One too many') })
    assert.equal(limited.status, 429)
    assert.equal(limited.body.error.code, 'RATE_LIMITED')
    const retryAfter = Number(limited.headers.get('retry-after'))
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`)
    const reset = Number(limited.headers.get('x-ratelimit-reset'))
    assert.ok(reset * 1000 > Date.now() && reset * 1000 <= Date.now() + 61_000)

    // A refused request is not counted, and nothing was created by it.
    assert.equal((await t.request('POST', '/v1/pins', { key, body: titled('Again') })).status, 429)
    const list = await t.request('GET', '/v1/pins?limit=100', { key })
    assert.equal(list.status, 200)
    assert.equal(list.body.data.total, 45)
    assert.equal(list.headers.get('x-ratelimit-limit'), '120')

    // Share and batch writes are writes; another key is not affected.
    const other = await t.newKey()
    assert.equal((await t.request('POST', '/v1/pins', { key: other.key, body: titled('Fine') })).status, 201)
  } finally {
    await t.close()
  }
})

test('the window rolls: requests are allowed again once the oldest leave it', async () => {
  const t = await startTestServer({ RATE_LIMIT_WRITES: '3', RATE_LIMIT_BATCH_READS: '2', RATE_LIMIT_WINDOW_MS: '1500' })
  try {
    const { key } = await t.newKey()
    for (let i = 0; i < 3; i++)
      assert.equal((await t.request('POST', '/v1/pins', { key, body: titled('x') })).status, 201)
    const limited = await t.request('DELETE', '/v1/pins/batch', { key, body: { ids: ['p-000000000000'] } })
    assert.equal(limited.status, 429)
    const batchGet = { ids: ['p-000000000000'] }
    assert.equal((await t.request('POST', '/v1/pins/batch/get', { key, body: batchGet })).status, 200)
    assert.equal((await t.request('POST', '/v1/pins/batch/get', { key, body: batchGet })).status, 200)
    assert.equal((await t.request('POST', '/v1/pins/batch/get', { key, body: batchGet })).status, 429)
    await sleep(Number(limited.headers.get('retry-after')) * 1000 + 100)
    assert.equal((await t.request('POST', '/v1/pins', { key, body: titled('later') })).status, 201)
  } finally {
    await t.close()
  }
})
