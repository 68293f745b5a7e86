import assert from 'node:assert/strict'
import { type TestContext, test } from 'node:test'
import type { ChangeFeedStatus, PinChange, PinRecord, Store } from '@pindown/store'
import { type PinEvent, pinIdOf } from '../src/events/pin-events.js'
import { SharedPinEventBus } from '../src/events/shared-pin-event-bus.js'

const pin = (id: string, version: number): PinRecord => ({
  id,
  workspaceId: 'ws_1',
  pinType: 'markdown',
  pinConfig: { content: `v${version}` },
  pinLayout: '2x1',
  dataType: 'pin-card',
  title: `${id} v${version}`,
  tags: [],
  isPublic: false,
  allowEdit: false,
  requireSignIn: false,
  allowComments: false,
  updatedBy: null,
  pendingInvites: {},
  createdAt: 1,
  updatedAt: version,
  version,
})

/** Lets the bus's promise callbacks run (mocked timers leave `setImmediate` alone). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
}

/** A bus on a fake store whose change feed the test drives: notices, losses and recoveries. */
async function setup(t: TestContext) {
  t.mock.timers.enable({ apis: ['setTimeout'] })
  const pins = new Map<string, PinRecord>()
  const reads: string[][] = []
  let failReads = 0
  const store = {
    getPin: async (_workspaceId: string, id: string) => pins.get(id),
    findPins: async (ids: readonly string[]) => {
      reads.push([...ids])
      if (failReads > 0) {
        failReads--
        throw new Error('connect ECONNREFUSED')
      }
      return ids.flatMap((id) => pins.get(id) ?? [])
    },
  } as unknown as Store
  let notice: (change: PinChange) => void = () => {}
  let status: (status: ChangeFeedStatus) => void = () => {}
  let stopped = false
  const changes = {
    publish: async () => {},
    subscribe: async (listener: (change: PinChange) => void, onStatus?: (status: ChangeFeedStatus) => void) => {
      notice = listener
      status = onStatus ?? (() => {})
      return async () => {
        stopped = true
      }
    },
  }
  const logged: string[] = []
  const log = {
    error: (_: object, message: string) => logged.push(`error: ${message}`),
    warn: (_: object, message: string) => logged.push(`warn: ${message}`),
    info: (_: object, message: string) => logged.push(`info: ${message}`),
  }
  const bus = await SharedPinEventBus.start(store, changes, log)
  const seen: string[] = []
  const watch = (id: string) =>
    bus.subscribe(id, (event: PinEvent) =>
      seen.push('pin' in event ? `${event.pin.id} v${event.pin.version}` : `${pinIdOf(event)} deleted`),
    )
  const outage = async (during: () => void = () => {}) => {
    status({ state: 'lost', error: new Error('terminating connection'), attempt: 1, retryInMs: 100 })
    during()
    status({ state: 'restored', attempts: 1, downMs: 150 })
    await settle()
  }
  return {
    bus,
    pins,
    reads,
    seen,
    logged,
    watch,
    outage,
    notice: (change: PinChange) => notice(change),
    failNextReads: (n: number) => {
      failReads = n
    },
    stopped: () => stopped,
  }
}

test('after the listener is back, watchers get what changed while it was away, once', async (t) => {
  const s = await setup(t)
  s.pins.set('p-a', pin('p-a', 1))
  s.pins.set('p-b', pin('p-b', 1))
  s.pins.set('p-c', pin('p-c', 1))
  s.watch('p-a')
  s.watch('p-b')
  s.watch('p-c')
  s.notice({ type: 'pin.updated', id: 'p-a', workspaceId: 'ws_1', version: 2, pin: pin('p-a', 2) })
  s.notice({ type: 'pin.updated', id: 'p-b', workspaceId: 'ws_1', version: 2, pin: pin('p-b', 2) })
  await settle()
  assert.deepEqual(s.seen.splice(0), ['p-a v2', 'p-b v2'])

  // While it is away: p-a changes twice, p-b is deleted, p-c (nothing delivered of it yet) stays.
  await s.outage(() => {
    s.pins.set('p-a', pin('p-a', 4))
    s.pins.delete('p-b')
  })
  assert.deepEqual(s.reads, [['p-a', 'p-b', 'p-c']], 'one read of the watched pins')
  assert.deepEqual(s.seen.splice(0).sort(), ['p-a v4', 'p-b deleted', 'p-c v1'])
  assert.deepEqual(s.logged, [
    'warn: pin events: lost the database connection that receives changes; reconnecting',
    'info: pin events: reconnected to the database; catching up on changes missed meanwhile',
  ])

  // A notice of what the catch-up delivered is not delivered again; a newer one is.
  s.notice({ type: 'pin.updated', id: 'p-a', workspaceId: 'ws_1', version: 4, pin: pin('p-a', 4) })
  s.notice({ type: 'pin.updated', id: 'p-a', workspaceId: 'ws_1', version: 3, pin: pin('p-a', 3) })
  s.notice({ type: 'pin.deleted', id: 'p-b', workspaceId: 'ws_1', version: 0 })
  s.notice({ type: 'pin.updated', id: 'p-a', workspaceId: 'ws_1', version: 5, pin: pin('p-a', 5) })
  await settle()
  assert.deepEqual(s.seen.splice(0), ['p-a v5'])

  // Nothing changed during a second outage: nothing is sent.
  s.pins.set('p-a', pin('p-a', 5))
  await s.outage()
  assert.deepEqual(s.seen, [])
  await s.bus.close()
  assert.equal(s.stopped(), true)
})

test('pins no one watches any more are neither read nor remembered', async (t) => {
  const s = await setup(t)
  s.pins.set('p-a', pin('p-a', 1))
  s.pins.set('p-b', pin('p-b', 1))
  const stopA = s.watch('p-a')
  s.watch('p-b')
  s.notice({ type: 'pin.updated', id: 'p-a', workspaceId: 'ws_1', version: 2, pin: pin('p-a', 2) })
  await settle()
  stopA()
  await s.outage()
  assert.deepEqual(s.reads, [['p-b']])
  // Watched again: nothing delivered of it is remembered, so the catch-up sends it.
  s.watch('p-a')
  await s.outage()
  assert.deepEqual(s.seen, ['p-a v2', 'p-b v1', 'p-a v1'])
  await s.bus.close()
})

test('a catch-up that fails is logged and tried again; close() does not wait for the retry', async (t) => {
  const s = await setup(t)
  s.pins.set('p-a', pin('p-a', 3))
  s.watch('p-a')
  s.failNextReads(1)
  await s.outage()
  assert.deepEqual(s.seen, [])
  assert.equal(s.logged.at(-1), 'error: pin events: catching up failed; retrying')
  t.mock.timers.tick(1_000)
  await settle()
  assert.deepEqual(s.seen, ['p-a v3'])

  s.failNextReads(1)
  await s.outage()
  assert.equal(s.reads.length, 3)
  await s.bus.close()
  t.mock.timers.tick(10_000)
  await settle()
  assert.equal(s.reads.length, 3, 'no read after close()')
})
