import assert from 'node:assert/strict'
import { test } from 'node:test'
import Database from 'better-sqlite3'
import { runMigrations } from '../src/migrations.js'

/** A database whose version is kept as the SQLite store keeps it. */
function database() {
  const db = new Database(':memory:')
  const connection = {
    exec: (sql: string) => db.exec(sql),
    version: () => db.pragma('user_version', { simple: true }) as number,
    record: (version: number) => db.pragma(`user_version = ${version}`),
  }
  const tables = () =>
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (t) => t.name,
    )
  return { connection, tables }
}

test('applies only the migrations not yet recorded, in order', async () => {
  const { connection, tables } = database()
  await runMigrations(['CREATE TABLE a (x)'], connection)
  await runMigrations(['CREATE TABLE a (x)', 'CREATE TABLE b (x)', 'CREATE TABLE c (x)'], connection)
  assert.deepEqual(tables(), ['a', 'b', 'c'])
  assert.equal(connection.version(), 3)
  await runMigrations(['CREATE TABLE a (x)', 'CREATE TABLE b (x)', 'CREATE TABLE c (x)'], connection)
})

test('a failing migration is rolled back whole; those before it stay', async () => {
  const { connection, tables } = database()
  const migrations = ['CREATE TABLE a (x)', 'CREATE TABLE b (x); CREATE TABLE a (x)']
  await assert.rejects(runMigrations(migrations, connection), /already exists/)
  assert.deepEqual(tables(), ['a'])
  assert.equal(connection.version(), 1)
})
