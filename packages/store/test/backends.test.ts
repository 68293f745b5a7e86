import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { test } from 'node:test'
import { backendFor, backends } from '../src/backends.js'
import { openStore } from '../src/index.js'

for (const name of Object.keys(backends)) {
  test(`backend ${name} runs the store conformance suite`, () => {
    const file = new URL(`./${name}-store.test.ts`, import.meta.url)
    assert.ok(existsSync(file), `a registered backend needs test/${name}-store.test.ts`)
    assert.ok(
      readFileSync(file, 'utf8').includes(`runStoreTests('${name}',`),
      `test/${name}-store.test.ts must call runStoreTests('${name}', …)`,
    )
  })
}

test('a database URL names its backend by scheme; a path without one is SQLite', () => {
  assert.equal(backendFor('sqlite:data/pindown.db'), backends.sqlite)
  assert.equal(backendFor('sqlite::memory:'), backends.sqlite)
  assert.equal(backendFor('data/pindown.db'), backends.sqlite)
  assert.equal(backendFor(':memory:'), backends.sqlite)
  assert.equal(backendFor('C:\\data\\pindown.db'), backends.sqlite)
  assert.equal(backendFor('postgres://app@db/pindown'), backends.postgres)
  assert.equal(backendFor('PostgreSQL://app@db/pindown'), backends.postgres)
})

test('an unknown scheme is refused, naming the known ones and not the URL', async () => {
  await assert.rejects(openStore({ url: 'mysql://app:secret@db/pindown' }), (error: Error) => {
    assert.match(error.message, /scheme mysql: \(known: sqlite:, postgres:, postgresql:/)
    assert.doesNotMatch(error.message, /secret/)
    return true
  })
})
