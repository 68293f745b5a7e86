import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import pg from 'pg'
import { openStore, type Store } from '../src/index.js'
import { newPostgresDatabase, postgresWanted } from './postgres-database.js'
import { runStoreTests, type TestDatabase } from './store.cases.js'

if (!postgresWanted()) {
  test('postgres store', (t) => t.skip('PostgreSQL is not part of this run (STORES does not name it)'))
} else {
  const drops: (() => Promise<void>)[] = []
  after(async () => {
    for (const drop of drops) await drop()
  })
  const newDatabase = async (): Promise<TestDatabase & { url: string }> => {
    const { url, drop } = await newPostgresDatabase()
    drops.push(drop)
    return {
      url,
      open: () => openStore({ url }),
      async countRows(table) {
        const client = new pg.Client({ connectionString: url })
        await client.connect()
        try {
          return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n)
        } finally {
          await client.end()
        }
      },
    }
  }
  const fresh = async (): Promise<{ store: Store; url: string }> => {
    const db = await newDatabase()
    return { store: await db.open(), url: db.url }
  }

  runStoreTests('postgres', newDatabase)

  test('postgres: two instances starting at once migrate safely', async () => {
    const { url } = await newDatabase()
    const stores = await Promise.all(Array.from({ length: 4 }, () => openStore({ url })))
    await stores[0]!.createWorkspace({ id: 'ws', name: 'W', createdAt: 1 })
    assert.ok(await stores[3]!.getWorkspace('ws'))
    await Promise.all(stores.map((s) => s.close()))
  })

  test('postgres: shared rate-limit windows count across connections', async () => {
    const { store } = await fresh()
    const hit = (now: number) => store.rateLimits!.hit({ keyId: 'k', bucket: 'write', now, windowMs: 1000, limit: 3 })
    const first = await Promise.all([hit(10), hit(11), hit(12), hit(13)])
    assert.deepEqual(first.map((r) => r.allowed).sort(), [false, true, true, true])
    assert.equal((await hit(500)).allowed, false)
    assert.equal((await hit(1011)).allowed, true, 'the oldest left the window')
    await store.close()
  })

  test('postgres: change notifications reach another connection', async () => {
    const { store, url } = await fresh()
    const other = await openStore({ url })
    const seen: string[] = []
    const stop = await other.changes!.subscribe((change) =>
      seen.push(`${change.type} ${change.id} v${'version' in change ? change.version : '-'}`),
    )
    await store.changes!.publish({ type: 'pin.updated', id: 'p-aaaaaaaaaaaa', workspaceId: 'ws', version: 2 })
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20))
    assert.deepEqual(seen, ['pin.updated p-aaaaaaaaaaaa v2'])
    await stop()
    await other.close()
    await store.close()
  })
}
