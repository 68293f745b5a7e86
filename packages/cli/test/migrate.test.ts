import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { createApiKey, hashApiKey } from '@pindown/server'
import { openStore, type PinRecord } from '@pindown/store'
import { newPostgresDatabase, postgresWanted } from '../../store/test/postgres-database.js'
import { runCli } from './run-cli.js'

if (!postgresWanted()) {
  test('pindown migrate', (t) => t.skip('PostgreSQL is not part of this run'))
} else {
  const dir = mkdtempSync(join(tmpdir(), 'pindown-migrate-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('migrate moves 10,000 pins from SQLite to PostgreSQL, resumes, and checks counts and a sample', async () => {
    const from = `sqlite:${join(dir, 'source.db')}`
    const db = await newPostgresDatabase()
    try {
      const source = await openStore({ url: from })
      const { key, record } = await createApiKey(source, { name: 'ci' })
      const pins = Array.from(
        { length: 10_000 },
        (_, i): PinRecord => ({
          id: `p-mig${String(i).padStart(9, '0')}`,
          workspaceId: record.workspaceId,
          pinType: i % 2 ? 'stat-cards' : 'markdown',
          pinConfig:
            i % 2 ? { cards: [{ title: 'Orders', value: i, trend: 'up' }] } : { content: `# Report ${i}\n\n- item` },
          pinLayout: i % 3 ? '1x1' : '2x1',
          dataType: i % 2 ? 'pin-card' : 'markdown',
          title: `Report ${i}`,
          tags: i % 5 ? [] : ['weekly'],
          isPublic: i % 7 === 0,
          allowEdit: false,
          requireSignIn: false,
          allowComments: i % 11 === 0,
          updatedBy: null,
          pendingInvites: i % 13 ? {} : { 'ann@example.com': 'viewer' },
          createdAt: 1_700_000_000_000 + i,
          updatedAt: 1_700_000_000_000 + i,
          version: 1,
        }),
      )
      for (let i = 0; i < pins.length; i += 2_000) await source.insertPins(pins.slice(i, i + 2_000))
      await source.close()

      // An earlier run that stopped part-way: the workspace and 4,000 pins are already there.
      const target = await openStore({ url: db.url })
      await target.createWorkspace({ id: record.workspaceId, name: 'Default workspace', createdAt: record.createdAt })
      await target.insertPins(pins.slice(0, 4_000))
      await target.close()

      const first = await runCli(['migrate', '--from', from, '--to', db.url], {})
      assert.equal(first.code, 0, first.stderr)
      assert.match(
        first.stdout,
        /6000 pins copied \(4000 already there\); source 10000, target 10000; 50 sampled pins identical/,
      )
      assert.match(first.stderr, /\[#+\] 10000\/10000/)

      const again = await runCli(['migrate', '--from', from, '--to', db.url], {})
      assert.match(again.stdout, /0 pins copied \(10000 already there\)/)

      const check = await openStore({ url: db.url })
      assert.equal((await check.findApiKeyByHash(hashApiKey(key)))?.id, record.id, 'the same key works on the target')
      assert.equal((await check.listPins(record.workspaceId, { limit: 1, offset: 0, tag: 'weekly' })).total, 2_000)
      assert.deepEqual(await check.getPin(record.workspaceId, pins[1234]!.id), pins[1234])
      await check.close()
    } finally {
      await db.drop()
    }
  })

  test('migrate explains a store it cannot open', async () => {
    const result = await runCli(
      ['migrate', '--from', `sqlite:${join(dir, 'x.db')}`, '--to', 'postgres://nobody@127.0.0.1:1/none'],
      {},
    )
    assert.equal(result.code, 2)
    assert.match(result.stderr, /cannot open the target store/)
  })
}
