import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import type { CommentRecord, PinRecord, Store } from '../src/index.js'

/** The comments part of every backend's behaviour suite; run from `runStoreTests` on a store with workspace `ws-a`. */
export function runCommentTests(name: string, store: () => Store, t0: number): void {
  describe(`${name} comments`, () => {
    let seq = 0
    const pinId = 'p-comments0001'
    const pin: PinRecord = {
      id: pinId,
      workspaceId: 'ws-a',
      pinType: 'markdown',
      pinConfig: { content: 'x' },
      pinLayout: '1x1',
      dataType: 'markdown',
      title: 'Commented',
      tags: [],
      isPublic: false,
      allowEdit: false,
      requireSignIn: false,
      allowComments: true,
      pendingInvites: {},
      createdAt: t0,
      updatedAt: t0,
      version: 1,
      updatedBy: { kind: 'user', id: 'usr_000000000001', name: 'Ann' },
    }
    const comment = (overrides: Partial<CommentRecord> = {}): CommentRecord => {
      seq++
      return {
        id: `cmt_${String(seq).padStart(12, '0')}`,
        pinId,
        parentId: null,
        body: `Comment ${seq}`,
        author: { kind: 'app', id: 'key_x', name: 'Agent' },
        resolved: false,
        edited: false,
        createdAt: t0 + seq,
        updatedAt: t0 + seq,
        ...overrides,
      }
    }

    before(async () => {
      await store().insertPins([pin])
    })

    test('a pin keeps who changed it last', async () => {
      assert.deepEqual((await store().getPin('ws-a', pinId))?.updatedBy, pin.updatedBy)
    })

    test('comments list oldest first, paged by keyset, and filtered by change time', async () => {
      const s = store().comments
      const made = [comment(), comment(), comment()]
      for (const c of made) assert.equal(await s.addComment(c), 'added')
      const first = await s.listComments(pinId, { limit: 2 })
      assert.deepEqual(
        first.items.map((c) => c.id),
        made.slice(0, 2).map((c) => c.id),
      )
      assert.equal(first.hasMore, true)
      const last = first.items[1]!
      const rest = await s.listComments(pinId, { limit: 2, after: { createdAt: last.createdAt, id: last.id } })
      assert.deepEqual(
        rest.items.map((c) => c.id),
        [made[2]!.id],
      )
      assert.equal(rest.hasMore, false)
      const since = await s.listComments(pinId, { limit: 10, since: made[1]!.updatedAt })
      assert.deepEqual(
        since.items.map((c) => c.id),
        [made[2]!.id],
      )
      assert.deepEqual(await s.getComment(pinId, made[0]!.id), made[0])
      assert.equal(await s.getComment('p-other0000001', made[0]!.id), undefined)
      assert.equal(await s.countComments(pinId), 3)
    })

    test('replies go one level deep, to a comment of the same pin', async () => {
      const s = store().comments
      const top = comment()
      await s.addComment(top)
      assert.equal(await s.addComment(comment({ parentId: top.id })), 'added')
      const reply = comment({ parentId: top.id })
      await s.addComment(reply)
      assert.equal(await s.addComment(comment({ parentId: reply.id })), 'parent-not-found')
      assert.equal(await s.addComment(comment({ parentId: 'cmt_nothere00000' })), 'parent-not-found')
      assert.equal(await s.addComment(comment({ pinId: 'p-gone00000000' })), 'pin-gone')
    })

    test('an edit marks the comment edited only when its text changes; resolving is not an edit', async () => {
      const s = store().comments
      const c = comment()
      await s.addComment(c)
      const resolved = await s.updateComment(pinId, c.id, { resolved: true, updatedAt: t0 + 1000 })
      assert.equal(resolved?.resolved, true)
      assert.equal(resolved?.edited, false)
      assert.equal(resolved?.updatedAt, t0 + 1000)
      const same = await s.updateComment(pinId, c.id, { body: c.body, updatedAt: t0 + 1001 })
      assert.equal(same?.edited, false)
      const edited = await s.updateComment(pinId, c.id, { body: 'Better words', updatedAt: t0 + 1002 })
      assert.equal(edited?.edited, true)
      assert.equal(edited?.body, 'Better words')
      assert.equal(edited?.resolved, true)
      assert.equal(await s.updateComment('p-other0000001', c.id, { body: 'x', updatedAt: t0 }), undefined)
    })

    test('deleting a comment deletes its replies; deleting the pin deletes its comments', async () => {
      const s = store().comments
      const top = comment()
      await s.addComment(top)
      const reply = comment({ parentId: top.id })
      await s.addComment(reply)
      assert.equal(await s.deleteComment('p-other0000001', top.id), false)
      assert.equal(await s.deleteComment(pinId, top.id), true)
      assert.equal(await s.getComment(pinId, reply.id), undefined)
      assert.equal(await s.deleteComment(pinId, top.id), false)
      await store().deletePins('ws-a', [pinId])
      assert.equal(await s.countComments(pinId), 0)
    })
  })
}
