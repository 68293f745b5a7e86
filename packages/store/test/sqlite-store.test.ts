import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import Database from 'better-sqlite3'
import { openStore } from '../src/index.js'
import { sqliteMigrations } from '../src/sqlite/sqlite-migrations.js'
import { runStoreTests, type TestDatabase } from './store.cases.js'

const dir = mkdtempSync(join(tmpdir(), 'pindown-store-'))
after(() => rmSync(dir, { recursive: true, force: true }))

let databases = 0
const newDatabase = async (): Promise<TestDatabase> => {
  const path = join(dir, `conformance-${++databases}.db`)
  return {
    open: () => openStore({ url: `sqlite:${path}` }),
    async countRows(table) {
      const db = new Database(path)
      try {
        return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      } finally {
        db.close()
      }
    },
  }
}

runStoreTests('sqlite', newDatabase)

test('sqlite: pins survive closing and reopening the file', async () => {
  const url = `sqlite:${join(dir, 'reopen.db')}`
  const first = await openStore({ url })
  await first.createWorkspace({ id: 'ws', name: 'W', createdAt: 1 })
  const pins = Array.from({ length: 50 }, (_, i) => ({
    id: `p-reopen${String(i).padStart(5, '0')}`,
    workspaceId: 'ws',
    pinType: 'markdown',
    pinConfig: { content: `n${i}` },
    pinLayout: '1x1' as const,
    dataType: 'markdown' as const,
    title: `T${i}`,
    tags: ['t'],
    isPublic: false,
    allowEdit: false,
    requireSignIn: false,
    allowComments: false,
    updatedBy: null,
    pendingInvites: {},
    createdAt: 1000 + i,
    updatedAt: 1000 + i,
    version: 1,
  }))
  await Promise.all(pins.map((p) => first.insertPins([p])))
  await first.close()
  const second = await openStore({ url })
  const page = await second.listPins('ws', { limit: 100, offset: 0 })
  assert.equal(page.total, 50)
  assert.deepEqual(page.items.map((p) => p.id).sort(), pins.map((p) => p.id).sort())
  await second.close()
})

test('sqlite: a file an older version made is migrated on open, its data kept', async () => {
  const path = join(dir, 'older.db')
  const older = new Database(path)
  older.exec(sqliteMigrations[0]!)
  older.pragma('user_version = 1')
  older.prepare("INSERT INTO workspaces (id, name, created_at) VALUES ('ws', 'W', 1)").run()
  older.close()

  const store = await openStore({ url: `sqlite:${path}` })
  assert.deepEqual(await store.listWorkspaces(), [{ id: 'ws', name: 'W', createdAt: 1 }])
  await store.close()
  const migrated = new Database(path)
  assert.equal(migrated.pragma('user_version', { simple: true }), sqliteMigrations.length)
  assert.ok(migrated.prepare("SELECT 1 FROM sqlite_master WHERE name = 'pins_page'").get())
  migrated.close()
})
