import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { openStore } from '../src/index.js'
import { runStoreTests } from './store.cases.js'

const dir = mkdtempSync(join(tmpdir(), 'pindown-store-'))
after(() => rmSync(dir, { recursive: true, force: true }))

runStoreTests('sqlite', () => openStore({ url: `sqlite:${join(dir, 'conformance.db')}` }))

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
