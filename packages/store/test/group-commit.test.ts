import assert from 'node:assert/strict'
import { test } from 'node:test'
import Database from 'better-sqlite3'
import { GroupCommit } from '../src/sqlite/group-commit.js'
import type { SqliteDatabase } from '../src/sqlite/sqlite-config.js'

/** An in-memory table and a group commit whose sync the test ends by hand, like a slow disk. */
function setup() {
  const db = new Database(':memory:') as unknown as SqliteDatabase
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)')
  const syncs: { done: () => void; fail: (error: Error) => void }[] = []
  let groups = 0
  const writes = new GroupCommit(db, {
    sync: () => new Promise<void>((done, fail) => syncs.push({ done, fail })),
    committed: () => groups++,
  })
  const insert = (text: string) => writes.write(() => db.prepare('INSERT INTO notes (text) VALUES (?)').run(text))
  const count = () => (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n
  return { writes, syncs, insert, count, groups: () => groups }
}

const turn = () => new Promise((resolve) => setImmediate(resolve))

test('a write is answered only once its group is synced, and the next group gathers meanwhile', async () => {
  const { syncs, insert, count, groups } = setup()
  let answered = 0
  for (const text of ['a', 'b']) insert(text).then(() => answered++)
  await turn()
  assert.equal(groups(), 1)
  assert.equal(count(), 2, 'committed')
  assert.equal(answered, 0, 'not answered before the sync')

  const later = insert('c').then(() => answered++)
  await turn()
  assert.equal(groups(), 1, 'no second commit while the first sync is in flight')
  assert.equal(count(), 2)

  syncs[0]!.done()
  await turn()
  await turn()
  assert.equal(answered, 2)
  assert.equal(groups(), 2, 'the waiting write commits as soon as the sync ends')
  syncs[1]!.done()
  await later
  assert.equal(answered, 3)
  assert.equal(count(), 3)
})

test('a failed sync fails every write of its group, and the next group still goes through', async () => {
  const { syncs, insert } = setup()
  const first = insert('a')
  const second = insert('b')
  await turn()
  syncs[0]!.fail(new Error('EIO'))
  await assert.rejects(first, /EIO/)
  await assert.rejects(second, /EIO/)
  const third = insert('c')
  await turn()
  syncs[1]!.done()
  await third
})

test('drain waits for the sync in flight and commits what is queued', async () => {
  const { writes, syncs, insert, count } = setup()
  const first = insert('a')
  await turn()
  const queued = insert('b')
  const drained = writes.drain()
  syncs[0]!.done()
  await first
  await turn()
  syncs[1]!.done()
  await drained
  await queued
  assert.equal(count(), 2)
})
