import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { IdempotencyKeyTaken, type IdempotentAnswer, type PinRecord, type Store } from '../src/index.js'
import { runCommentTests } from './comments.cases.js'
import { runPeopleTests } from './people.cases.js'

/** A fresh, empty database of one backend. */
export interface TestDatabase {
  open(): Promise<Store>
  /** Rows in `table`, counted with the backend's driver on a connection of the test's own. */
  countRows(table: string): Promise<number>
}

/**
 * The behaviour every Store backend must have. Each backend's `test/<name>-store.test.ts` calls this
 * (`backends.test.ts` checks that it does).
 */
export function runStoreTests(name: string, newDatabase: () => Promise<TestDatabase>): void {
  describe(`${name} store`, () => {
    let store: Store
    let seq = 0
    const t0 = 1_700_000_000_000

    const pin = (workspaceId: string, overrides: Partial<PinRecord> = {}): PinRecord => {
      seq++
      return {
        id: `p-${String(seq).padStart(12, '0')}`,
        workspaceId,
        pinType: 'markdown',
        pinConfig: { content: `# Note ${seq}` },
        pinLayout: '1x1',
        dataType: 'markdown',
        title: `Note ${seq}`,
        tags: [],
        isPublic: false,
        allowEdit: false,
        requireSignIn: false,
        allowComments: false,
        updatedBy: null,
        pendingInvites: {},
        createdAt: t0 + seq,
        updatedAt: t0 + seq,
        version: 1,
        ...overrides,
      }
    }

    before(async () => {
      store = await (await newDatabase()).open()
      await store.createWorkspace({ id: 'ws-a', name: 'A', createdAt: t0 })
      await store.createWorkspace({ id: 'ws-b', name: 'B', createdAt: t0 })
    })
    after(() => store.close())

    runPeopleTests(name, () => store, t0)
    runCommentTests(name, () => store, t0)

    test('a pin reads back exactly as written, only in its own workspace', async () => {
      const p = pin('ws-a', {
        pinType: 'stat-cards',
        pinConfig: { cards: [{ title: 'Revenue', value: 12.5, trend: 'up' }] },
        tags: ['kpi', 'sales'],
        isPublic: true,
        pendingInvites: { 'ann@example.com': 'editor' },
      })
      await store.insertPins([p])
      assert.deepEqual(await store.getPin('ws-a', p.id), p)
      assert.equal(await store.getPin('ws-b', p.id), undefined)
      assert.deepEqual(await store.getPins('ws-b', [p.id]), [])
      assert.deepEqual(await store.deletePins('ws-b', [p.id]), [])
      assert.ok(await store.getPin('ws-a', p.id))
    })

    test('workspaces are listed oldest first', async () => {
      const ids = (await store.listWorkspaces()).map((w) => w.id)
      assert.deepEqual(ids.slice(0, 2), ['ws-a', 'ws-b'])
    })

    test('findPins reads pins by id across workspaces', async () => {
      const a = pin('ws-a')
      const b = pin('ws-b')
      await store.insertPins([a, b])
      const found = await store.findPins([a.id, b.id, 'p-nothinghere'])
      assert.deepEqual(found.map((p) => p.id).sort(), [a.id, b.id].sort())
      assert.deepEqual(await store.findPins([]), [])
    })

    test('lists newest first, with offset and keyset pages that agree', async () => {
      await store.createWorkspace({ id: 'ws-list', name: 'L', createdAt: t0 })
      const pins = Array.from({ length: 25 }, () => pin('ws-list'))
      await store.insertPins(pins)
      const newestFirst = [...pins].reverse().map((p) => p.id)

      const first = await store.listPins('ws-list', { limit: 10, offset: 0 })
      assert.equal(first.total, 25)
      assert.equal(first.hasMore, true)
      assert.deepEqual(
        first.items.map((p) => p.id),
        newestFirst.slice(0, 10),
      )

      const byOffset = await store.listPins('ws-list', { limit: 10, offset: 10 })
      const last = first.items.at(-1)!
      const byCursor = await store.listPins('ws-list', { limit: 10, offset: 0, after: last })
      assert.deepEqual(
        byCursor.items.map((p) => p.id),
        byOffset.items.map((p) => p.id),
      )

      // A pin created meanwhile does not shift a keyset page.
      await store.insertPins([pin('ws-list')])
      const again = await store.listPins('ws-list', { limit: 10, offset: 0, after: last })
      assert.deepEqual(
        again.items.map((p) => p.id),
        byCursor.items.map((p) => p.id),
      )

      // 26 pins now: a page that ends on the last pin has no more after it.
      assert.equal((await store.listPins('ws-list', { limit: 10, offset: 15 })).hasMore, true)
      assert.equal((await store.listPins('ws-list', { limit: 10, offset: 16 })).hasMore, false)
    })

    test('filters by type, tag and title, with totals of the filtered set', async () => {
      await store.createWorkspace({ id: 'ws-f', name: 'F', createdAt: t0 })
      await store.insertPins([
        pin('ws-f', { title: 'Revenue Q3', pinType: 'stat-cards', tags: ['kpi'] }),
        pin('ws-f', { title: 'Revenue Q4', pinType: 'stat-cards', tags: ['kpi', 'draft'] }),
        pin('ws-f', { title: 'Team notes 100%_done', tags: ['draft'] }),
      ])
      const titles = async (q: Parameters<Store['listPins']>[1]) => {
        const page = await store.listPins('ws-f', q)
        return { titles: page.items.map((p) => p.title), total: page.total }
      }
      assert.deepEqual(await titles({ limit: 10, offset: 0, pinType: 'stat-cards' }), {
        titles: ['Revenue Q4', 'Revenue Q3'],
        total: 2,
      })
      assert.deepEqual(await titles({ limit: 10, offset: 0, tag: 'draft' }), {
        titles: ['Team notes 100%_done', 'Revenue Q4'],
        total: 2,
      })
      assert.deepEqual(await titles({ limit: 10, offset: 0, q: 'revenue', tag: 'kpi' }), {
        titles: ['Revenue Q4', 'Revenue Q3'],
        total: 2,
      })
      assert.deepEqual(await titles({ limit: 10, offset: 0, q: '%_' }), { titles: ['Team notes 100%_done'], total: 1 })
      assert.deepEqual(await titles({ limit: 10, offset: 0, q: 'Q_' }), { titles: [], total: 0 })
      const firstKpi = (await store.listPins('ws-f', { limit: 1, offset: 0, tag: 'kpi' })).items[0]!
      assert.deepEqual(await titles({ limit: 10, offset: 0, tag: 'kpi', after: firstKpi }), {
        titles: ['Revenue Q3'],
        total: 2,
      })
    })

    test('updates are conditional on the version', async () => {
      const p = pin('ws-a', { tags: ['old'] })
      await store.insertPins([p])
      const next = { ...p, title: 'Renamed', tags: ['new'], version: 2, updatedAt: p.updatedAt + 5 }
      assert.equal(await store.updatePin(next, 1), 'updated')
      assert.equal(await store.updatePin({ ...next, title: 'Lost', version: 2 }, 1), 'version-conflict')
      assert.equal(await store.updatePin({ ...next, workspaceId: 'ws-b' }, 2), 'not-found')
      assert.deepEqual(await store.getPin('ws-a', p.id), next)
      const tagged = await store.listPins('ws-a', { limit: 100, offset: 0, tag: 'old' })
      assert.equal(
        tagged.items.some((x) => x.id === p.id),
        false,
      )
    })

    test('pages and reads already served show a later update or delete', async () => {
      await store.createWorkspace({ id: 'ws-r', name: 'R', createdAt: t0 })
      const [a, b] = [pin('ws-r'), pin('ws-r')]
      await store.insertPins([a!, b!])
      const page = () => store.listPins('ws-r', { limit: 10, offset: 0 })
      assert.equal((await page()).items.length, 2)
      assert.equal((await store.getPin('ws-r', a!.id))?.title, a!.title)
      const renamed = { ...a!, title: 'Renamed', version: 2 }
      assert.equal(await store.updatePin(renamed, 1), 'updated')
      assert.deepEqual(
        (await page()).items.find((x) => x.id === a!.id),
        renamed,
      )
      assert.deepEqual(await store.getPin('ws-r', a!.id), renamed)
      // A write that keeps the version shows too (the server always raises it; the store does not rely on that).
      const same = { ...renamed, pinConfig: { content: 'changed' } }
      assert.equal(await store.updatePin(same, 2), 'updated')
      assert.deepEqual(
        (await page()).items.find((x) => x.id === a!.id),
        same,
      )
      await store.deletePins('ws-r', [b!.id])
      assert.deepEqual(
        (await page()).items.map((x) => x.id),
        [a!.id],
      )
    })

    test('of concurrent updates from one version, exactly one wins', async () => {
      const p = pin('ws-a')
      await store.insertPins([p])
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.updatePin({ ...p, title: `Writer ${i}`, version: 2 }, 1)),
      )
      assert.equal(results.filter((r) => r === 'updated').length, 1)
      assert.equal(results.filter((r) => r === 'version-conflict').length, 19)
      const winner = results.indexOf('updated')
      assert.equal((await store.getPin('ws-a', p.id))?.title, `Writer ${winner}`)
    })

    test('a failing write in a group does not undo the others', async () => {
      const a = pin('ws-a')
      const b = pin('ws-a')
      await store.insertPins([a])
      const outcomes = await Promise.allSettled([store.insertPins([a]), store.insertPins([b])])
      assert.equal(outcomes[0].status, 'rejected')
      assert.equal(outcomes[1].status, 'fulfilled')
      assert.ok(await store.getPin('ws-a', b.id))
    })

    test('deletes only what exists, and keeps the count right', async () => {
      await store.createWorkspace({ id: 'ws-d', name: 'D', createdAt: t0 })
      const pins = [pin('ws-d'), pin('ws-d'), pin('ws-d')]
      await store.insertPins(pins)
      const deleted = await store.deletePins('ws-d', [pins[0]!.id, pins[1]!.id, 'p-doesnotexist'])
      assert.deepEqual(deleted.sort(), [pins[0]!.id, pins[1]!.id].sort())
      const page = await store.listPins('ws-d', { limit: 10, offset: 0 })
      assert.equal(page.total, 1)
      assert.deepEqual(
        page.items.map((p) => p.id),
        [pins[2]!.id],
      )
    })

    test('api keys are found by hash, listed per workspace, and revoked once', async () => {
      const key = {
        id: 'key_1',
        workspaceId: 'ws-a',
        name: 'ci',
        hash: 'a'.repeat(64),
        prefix: 'pk_live_abcd',
        scopes: ['pins:read', 'pins:write'] as const,
        createdAt: t0,
        revokedAt: null,
        lastUsedAt: null,
      }
      await store.createApiKey({ ...key, scopes: [...key.scopes] })
      assert.deepEqual(await store.findApiKeyByHash(key.hash), key)
      assert.equal(await store.findApiKeyByHash('b'.repeat(64)), undefined)
      assert.deepEqual(
        (await store.listApiKeys('ws-a')).map((k) => k.id),
        ['key_1'],
      )
      assert.deepEqual(await store.listApiKeys('ws-b'), [])
      assert.equal(await store.revokeApiKey('key_1', t0 + 1), true)
      assert.equal(await store.revokeApiKey('key_1', t0 + 2), false)
      assert.equal((await store.findApiKeyByHash(key.hash))?.revokedAt, t0 + 1)
    })

    const answer = (apiKeyId: string, key: string, createdAt = t0, body = '{"ok":1}'): IdempotentAnswer => ({
      apiKeyId,
      key,
      fingerprint: `f-${body}`,
      createdAt,
      response: { status: 201, body },
    })

    test('idempotent answers: stored once per API key and key, found while they live (24 hours)', async () => {
      assert.equal(await store.findIdempotentAnswer('key_1', 'retry-1', t0), undefined)
      assert.equal(await store.recordIdempotentAnswer(answer('key_1', 'retry-1')), true)
      assert.deepEqual(await store.findIdempotentAnswer('key_1', 'retry-1', t0 + 1000), answer('key_1', 'retry-1'))
      assert.equal(await store.recordIdempotentAnswer(answer('key_1', 'retry-1', t0 + 5, '{"ok":2}')), false)
      // Another API key may use the same idempotency key.
      assert.equal(await store.recordIdempotentAnswer(answer('key_2', 'retry-1')), true)
      // After 24 hours the key is free again.
      const later = t0 + 24 * 3600 * 1000 + 1
      assert.equal(await store.findIdempotentAnswer('key_1', 'retry-1', later), undefined)
      assert.equal(await store.recordIdempotentAnswer(answer('key_1', 'retry-1', later, '{"ok":3}')), true)
      assert.equal((await store.findIdempotentAnswer('key_1', 'retry-1', later))?.response.body, '{"ok":3}')
    })

    test('a write and its answer commit together; a key that holds an answer writes nothing', async () => {
      const first = pin('ws-a')
      await store.insertPins([first], answer('key_4', 'create-1'))
      assert.ok(await store.getPin('ws-a', first.id))
      assert.ok(await store.findIdempotentAnswer('key_4', 'create-1', t0))
      const second = pin('ws-a')
      await assert.rejects(store.insertPins([second], answer('key_4', 'create-1')), IdempotencyKeyTaken)
      assert.equal(await store.getPin('ws-a', second.id), undefined, 'the second pin was rolled back')

      const changed = { ...first, title: 'Shared', version: 2 }
      assert.equal(await store.updatePin(changed, 1, answer('key_4', 'share-1')), 'updated')
      assert.ok(await store.findIdempotentAnswer('key_4', 'share-1', t0))
      await assert.rejects(store.updatePin({ ...changed, title: 'Again', version: 3 }, 2, answer('key_4', 'share-1')))
      assert.equal((await store.getPin('ws-a', first.id))?.title, 'Shared', 'the second update was rolled back')
      // A conflicting update stores no answer.
      assert.equal(await store.updatePin({ ...changed, version: 9 }, 7, answer('key_4', 'share-2')), 'version-conflict')
      assert.equal(await store.findIdempotentAnswer('key_4', 'share-2', t0), undefined)
    })

    test('concurrent writes with one idempotency key: exactly one lands', async () => {
      const pins = Array.from({ length: 10 }, () => pin('ws-a'))
      const results = await Promise.allSettled(pins.map((p) => store.insertPins([p], answer('key_3', 'race'))))
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
      const stored = await store.getPins(
        'ws-a',
        pins.map((p) => p.id),
      )
      assert.equal(stored.length, 1)
    })

    test('expired idempotency keys and idle rate-limit rows are deleted: the tables stay bounded', async () => {
      const db = await newDatabase()
      const fresh = await db.open()
      const hour = 3_600_000
      // A key an hour for 100 hours; keys live 24 hours.
      for (let i = 0; i < 100; i++) {
        assert.equal(await fresh.recordIdempotentAnswer(answer('key_1', `k${i}`, t0 + i * hour)), true)
      }
      assert.ok(await fresh.findIdempotentAnswer('key_1', 'k99', t0 + 99 * hour + 1))
      // 100 API keys seen once each, ten to a one-second window: each key's window is over long before the end.
      for (let i = 0; i < 100; i++) {
        await fresh.rateLimits?.hit({ keyId: `key_${i}`, bucket: 'write', now: t0 + i * 100, windowMs: 1000, limit: 5 })
      }
      await fresh.close()

      const keys = await db.countRows('idempotency_keys')
      assert.ok(keys >= 24 && keys <= 25, `${keys} idempotency keys kept: the last day's 24 expected`)
      if (fresh.rateLimits) {
        const events = await db.countRows('rate_events')
        assert.ok(events <= 20, `${events} rate-limit rows kept: at most two windows' worth (20) expected`)
      }
    })
  })
}
