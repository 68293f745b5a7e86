import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import type { InviteRecord, PinRecord, Store, UserRecord } from '../src/index.js'

/** The people part of every backend's behaviour suite; run from `runStoreTests` on a store with two workspaces. */
export function runPeopleTests(name: string, store: () => Store, t0: number): void {
  describe(`${name} people`, () => {
    let seq = 0
    const user = (overrides: Partial<UserRecord> = {}): UserRecord => {
      seq++
      return {
        id: `usr_${String(seq).padStart(12, '0')}`,
        email: `person${seq}@example.com`,
        name: `Person ${seq}`,
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        emailVerified: false,
        createdAt: t0 + seq,
        ...overrides,
      }
    }
    const pin = (id: string, workspaceId: string, title = id): PinRecord => ({
      id,
      workspaceId,
      pinType: 'markdown',
      pinConfig: { content: title },
      pinLayout: '1x1',
      dataType: 'markdown',
      title,
      tags: [],
      isPublic: false,
      allowEdit: false,
      requireSignIn: false,
      allowComments: false,
      updatedBy: null,
      pendingInvites: {},
      createdAt: t0 + ++seq,
      updatedAt: t0 + seq,
      version: 1,
    })
    const invite = (overrides: Partial<InviteRecord> & Pick<InviteRecord, 'target'>): InviteRecord => {
      seq++
      return {
        id: `inv_${String(seq).padStart(12, '0')}`,
        tokenHash: `hash-${seq}`,
        workspaceId: 'ws-a',
        email: `guest${seq}@example.com`,
        invitedBy: 'key_x',
        message: null,
        createdAt: t0,
        expiresAt: t0 + 1000,
        acceptedAt: null,
        acceptedBy: null,
        ...overrides,
      }
    }

    before(async () => {
      await store().insertPins([pin('p-people000001', 'ws-a', 'Alpha'), pin('p-people000002', 'ws-b', 'Beta')])
    })

    test('an account is one per address, whatever its case, created with its membership or not at all', async () => {
      const people = store().people
      const ann = user({ email: 'Ann@Example.com' })
      assert.equal(await people.createUser(ann, { workspaceId: 'ws-a', role: 'owner' }), true)
      assert.equal((await people.findUserByEmail('ANN@example.COM'))?.id, ann.id)
      assert.deepEqual(await people.getUser(ann.id), { ...ann, email: 'ann@example.com' })

      const twin = user({ email: 'ann@example.com' })
      assert.equal(await people.createUser(twin, { workspaceId: 'ws-b', role: 'owner' }), false)
      assert.equal(await people.getUser(twin.id), undefined)
      assert.deepEqual(
        (await people.memberships(ann.id)).map((m) => [m.workspaceId, m.role]),
        [['ws-a', 'owner']],
      )
      await people.updateUser(ann.id, { passwordHash: 'new', emailVerified: true, name: 'Ann' })
      const updated = await people.getUser(ann.id)
      assert.equal(updated?.passwordHash, 'new')
      assert.equal(updated?.emailVerified, true)
      assert.equal(updated?.name, 'Ann')
      assert.ok((await people.countUsers()) >= 1)
    })

    test('identities link once per provider subject', async () => {
      const people = store().people
      const u = user()
      await people.createUser(u)
      assert.equal(await people.linkIdentity({ provider: 'oidc', subject: 's1', userId: u.id, createdAt: t0 }), true)
      assert.equal(
        await people.linkIdentity({ provider: 'oidc', subject: 's1', userId: 'other', createdAt: t0 }),
        false,
      )
      assert.equal((await people.findIdentity('oidc', 's1'))?.userId, u.id)
      assert.equal(await people.findIdentity('github', 's1'), undefined)
    })

    test('sessions are found by token hash until they expire, listed, and ended one by one or everywhere', async () => {
      const people = store().people
      const u = user()
      await people.createUser(u)
      const session = (n: number, expiresAt = t0 + 10_000) => ({
        id: `ses_${u.id.slice(-8)}${n}`,
        userId: u.id,
        tokenHash: `${u.id}-token-${n}`,
        createdAt: t0,
        lastSeenAt: t0 + n,
        expiresAt,
        userAgent: `Browser ${n}`,
      })
      for (const n of [1, 2, 3]) await people.createSession(session(n))
      await people.createSession(session(4, t0 + 5))
      assert.equal((await people.findSession(`${u.id}-token-1`, t0 + 100))?.id, session(1).id)
      assert.equal(await people.findSession(`${u.id}-token-4`, t0 + 100), undefined, 'expired')
      assert.deepEqual(
        (await people.listSessions(u.id, t0 + 100)).map((s) => s.userAgent),
        ['Browser 3', 'Browser 2', 'Browser 1'],
      )
      await people.touchSession(session(1).id, t0 + 500, t0 + 20_000)
      assert.equal((await people.findSession(`${u.id}-token-1`, t0 + 15_000))?.lastSeenAt, t0 + 500)

      assert.equal(await people.deleteSession('someone-else', session(2).id), false)
      assert.equal(await people.deleteSession(u.id, session(2).id), true)
      assert.equal(await people.deleteSessions(u.id, session(1).id), 2)
      assert.deepEqual(
        (await people.listSessions(u.id, t0 + 100)).map((s) => s.id),
        [session(1).id],
      )
      await people.deleteSessions(u.id)
      assert.equal(await people.findSession(`${u.id}-token-1`, t0 + 100), undefined)
    })

    test('members: added, listed with their address, role changed, removed', async () => {
      const people = store().people
      const u = user()
      await people.createUser(u)
      await people.setMember({ workspaceId: 'ws-b', userId: u.id, role: 'viewer', createdAt: t0 })
      await people.setMember({ workspaceId: 'ws-b', userId: u.id, role: 'editor', createdAt: t0 + 1 })
      const listed = (await people.listMembers('ws-b')).find((m) => m.userId === u.id)
      assert.deepEqual(listed, {
        workspaceId: 'ws-b',
        userId: u.id,
        role: 'editor',
        createdAt: t0,
        email: u.email,
        name: u.name,
      })
      assert.equal((await people.getMember('ws-b', u.id))?.role, 'editor')
      assert.equal(await people.getMember('ws-a', u.id), undefined)
      assert.equal(await people.removeMember('ws-b', u.id), true)
      assert.equal(await people.removeMember('ws-b', u.id), false)
    })

    test('collaborators: per pin, role updated, removed, and gone with their pin', async () => {
      const people = store().people
      const u = user()
      await people.createUser(u)
      await store().insertPins([pin('p-people000003', 'ws-a')])
      await people.setCollaborator({ pinId: 'p-people000003', userId: u.id, role: 'viewer', createdAt: t0 })
      assert.equal((await people.getCollaborator('p-people000003', u.id))?.role, 'viewer')
      assert.equal(await people.updateCollaboratorRole('p-people000003', u.id, 'editor'), true)
      assert.equal(await people.updateCollaboratorRole('p-people000001', u.id, 'editor'), false)
      assert.deepEqual(
        (await people.listCollaborators('p-people000003')).map((c) => [c.email, c.role]),
        [[u.email, 'editor']],
      )
      await store().deletePins('ws-a', ['p-people000003'])
      assert.equal(await people.getCollaborator('p-people000003', u.id), undefined)
      // An invite to a pin deleted meanwhile is refused, not an error.
      const late = invite({ target: { kind: 'pin', pinId: 'p-people000003', role: 'viewer' } })
      assert.equal(await people.createInvite(late), false)
      assert.equal(await people.findInvite(late.tokenHash), undefined)
      await people.setCollaborator({ pinId: 'p-people000001', userId: u.id, role: 'viewer', createdAt: t0 })
      assert.equal(await people.removeCollaborator('p-people000001', u.id), true)
      assert.equal(await people.removeCollaborator('p-people000001', u.id), false)
    })

    test('an invite is accepted once, before it expires, and grants what it offers', async () => {
      const people = store().people
      const u = user()
      await people.createUser(u)
      const toPin = invite({ target: { kind: 'pin', pinId: 'p-people000001', role: 'editor' }, email: u.email })
      await people.createInvite(toPin)
      assert.deepEqual(
        (await people.listInvites('ws-a', 'p-people000001', t0)).map((i) => i.id),
        [toPin.id],
      )
      assert.deepEqual(await people.findInvite(toPin.tokenHash), toPin)
      assert.equal(await people.acceptInvite(toPin.tokenHash, u.id, t0 + 1000), undefined, 'expired')
      const accepted = await people.acceptInvite(toPin.tokenHash, u.id, t0 + 10)
      assert.equal(accepted?.acceptedBy, u.id)
      assert.equal(accepted?.acceptedAt, t0 + 10)
      assert.equal((await people.getCollaborator('p-people000001', u.id))?.role, 'editor')
      assert.equal(await people.acceptInvite(toPin.tokenHash, u.id, t0 + 11), undefined, 'used')
      assert.deepEqual(await people.listInvites('ws-a', 'p-people000001', t0), [])
      assert.equal(await people.acceptInvite('no-such-hash', u.id, t0), undefined)

      const toWorkspace = invite({ target: { kind: 'workspace', role: 'viewer' }, email: u.email })
      await people.createInvite(toWorkspace)
      assert.deepEqual(
        (await people.listInvites('ws-a', null, t0)).map((i) => [i.id, i.target]),
        [[toWorkspace.id, { kind: 'workspace', role: 'viewer' }]],
      )
      await people.acceptInvite(toWorkspace.tokenHash, u.id, t0 + 1)
      assert.equal((await people.getMember('ws-a', u.id))?.role, 'viewer')
    })

    test('a member keeps their role when accepting a lesser invite; a new invite replaces a pending one', async () => {
      const people = store().people
      const owner = user()
      await people.createUser(owner, { workspaceId: 'ws-b', role: 'owner' })
      const first = invite({ workspaceId: 'ws-b', target: { kind: 'workspace', role: 'viewer' }, email: owner.email })
      const second = invite({ workspaceId: 'ws-b', target: { kind: 'workspace', role: 'viewer' }, email: owner.email })
      await people.createInvite(first)
      await people.createInvite(second)
      assert.deepEqual(
        (await people.listInvites('ws-b', null, t0)).map((i) => i.id),
        [second.id],
      )
      assert.equal(await people.findInvite(first.tokenHash), undefined)
      await people.acceptInvite(second.tokenHash, owner.id, t0 + 1)
      assert.equal((await people.getMember('ws-b', owner.id))?.role, 'owner')

      const third = invite({
        workspaceId: 'ws-b',
        target: { kind: 'workspace', role: 'editor' },
        email: 'X@example.com',
      })
      await people.createInvite(third)
      assert.equal(await people.revokeInvites('ws-b', null, 'x@EXAMPLE.com'), true)
      assert.equal(await people.findInvite(third.tokenHash), undefined)
    })

    test('a person sees the pins of their workspaces and the pins shared with them, and no others', async () => {
      const people = store().people
      const u = user()
      await people.createUser(u)
      const page = async (query = {}) =>
        (await people.listVisiblePins(u.id, { limit: 50, offset: 0, ...query })).items.map((p) => p.id)
      assert.deepEqual(await page(), [])
      await people.setCollaborator({ pinId: 'p-people000002', userId: u.id, role: 'viewer', createdAt: t0 })
      assert.deepEqual(await page(), ['p-people000002'])
      await people.setMember({ workspaceId: 'ws-a', userId: u.id, role: 'viewer', createdAt: t0 })
      const all = await people.listVisiblePins(u.id, { limit: 500, offset: 0 })
      assert.ok(all.items.some((p) => p.id === 'p-people000001'))
      assert.ok(all.items.every((p) => p.workspaceId === 'ws-a' || p.id === 'p-people000002'))
      assert.equal(all.total, all.items.length)
      assert.deepEqual(await page({ q: 'bET' }), ['p-people000002'])
      assert.deepEqual(await page({ q: 'bET', pinType: 'stat-cards' }), [])
      const first = await people.listVisiblePins(u.id, { limit: 1, offset: 0 })
      assert.equal(first.items.length, 1)
      assert.equal(first.hasMore, true)
    })
  })
}
