import assert from 'node:assert/strict'
import { EventEmitter } from 'node:events'
import { type TestContext, test } from 'node:test'
import { PostgresListener } from '../src/postgres/postgres-listener.js'
import type { ChangeFeedStatus } from '../src/records.js'

/** A `LISTEN` connection the test drops by hand. */
class FakeConnection extends EventEmitter {
  ended = false
  listens = 0
  constructor(private readonly refuseListen = false) {
    super()
  }
  async query(): Promise<{ rows: never[]; rowCount: null }> {
    if (this.refuseListen) throw new Error('the database system is starting up')
    this.listens++
    return { rows: [], rowCount: null }
  }
  async end(): Promise<void> {
    this.ended = true
  }
  /** What a server restart does to a session: an error, then the end of the connection. */
  drop(): void {
    this.emit('error', new Error('terminating connection due to administrator command'))
    this.emit('end')
  }
}

/** Lets promise callbacks and I/O callbacks run (mocked timers leave `setImmediate` alone). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
}

/**
 * A listener on scripted connections: each connect takes the next step of `script` (a connection, or an
 * error to fail with); past its end every connect succeeds.
 */
async function setup(t: TestContext, script: (FakeConnection | Error)[] = []) {
  t.mock.timers.enable({ apis: ['setTimeout'] })
  const connections: FakeConnection[] = []
  const statuses: ChangeFeedStatus[] = []
  const payloads: string[] = []
  const connect = async () => {
    const step = script.shift() ?? new FakeConnection()
    if (step instanceof Error) throw step
    connections.push(step)
    return step
  }
  const listener = await PostgresListener.start({
    channel: 'changes',
    connect,
    onPayload: (payload) => payloads.push(payload),
    onStatus: (status) => statuses.push(status),
  })
  return { listener, connections, statuses, payloads, connects: () => connections.length }
}

test('notices on the channel are passed on; other channels are not', async (t) => {
  const { listener, connections, payloads } = await setup(t)
  assert.equal(connections[0]!.listens, 1)
  connections[0]!.emit('notification', { channel: 'changes', payload: '{"a":1}' })
  connections[0]!.emit('notification', { channel: 'other', payload: '{"b":2}' })
  assert.deepEqual(payloads, ['{"a":1}'])
  await listener.close()
  assert.equal(connections[0]!.ended, true)
})

test('a first connection that fails fails the start', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] })
  await assert.rejects(
    PostgresListener.start({
      channel: 'changes',
      connect: async () => {
        throw new Error('connect ECONNREFUSED')
      },
      onPayload: () => {},
    }),
    /ECONNREFUSED/,
  )
})

test('a dropped connection is reported once, reconnected with backoff, and reported back', async (t) => {
  const { listener, connections, statuses, payloads } = await setup(t, [
    new FakeConnection(),
    new Error('connect ECONNREFUSED'),
    new FakeConnection(true),
  ])
  connections[0]!.drop()
  assert.equal(statuses.length, 1, 'an error and the end that follows are one loss')
  const first = statuses[0]!
  assert.equal(first.state, 'lost')
  assert.ok(first.state === 'lost' && first.attempt === 1 && first.retryInMs >= 50 && first.retryInMs <= 100)
  assert.equal(connections[0]!.ended, true)

  // Refused, then a connection that cannot LISTEN yet: each a failed attempt, waiting twice as long.
  t.mock.timers.tick(first.retryInMs)
  await settle()
  const second = statuses[1]!
  assert.ok(second.state === 'lost' && second.attempt === 2 && second.retryInMs >= 100 && second.retryInMs <= 200)
  t.mock.timers.tick(second.retryInMs)
  await settle()
  const third = statuses[2]!
  assert.ok(third.state === 'lost' && third.attempt === 3 && third.retryInMs >= 200 && third.retryInMs <= 400)
  assert.equal(connections[1]!.ended, true, 'the connection that could not LISTEN is closed')

  t.mock.timers.tick(third.retryInMs)
  await settle()
  const back = statuses[3]!
  assert.ok(back.state === 'restored' && back.attempts === 3, JSON.stringify(back))
  assert.equal(connections[2]!.listens, 1)
  connections[2]!.emit('notification', { channel: 'changes', payload: 'after' })
  assert.deepEqual(payloads, ['after'])

  // The next loss starts the backoff over.
  connections[2]!.drop()
  const again = statuses[4]!
  assert.ok(again.state === 'lost' && again.attempt === 1)
  await listener.close()
})

test('the wait between attempts stops doubling at 2 s', async (t) => {
  const { listener, connections, statuses } = await setup(t, [
    new FakeConnection(),
    ...Array.from({ length: 10 }, () => new Error('connect ECONNREFUSED')),
  ])
  connections[0]!.drop()
  for (let i = 0; i < 10; i++) {
    const last = statuses.at(-1)!
    assert.ok(last.state === 'lost')
    t.mock.timers.tick(last.retryInMs)
    await settle()
  }
  const waits = statuses.flatMap((s) => (s.state === 'lost' ? [s.retryInMs] : []))
  assert.equal(waits.length, 11)
  for (const wait of waits.slice(6)) assert.ok(wait >= 1_000 && wait <= 2_000, `waited ${wait} ms`)
  await listener.close()
})

test('close() stops the retries, and a connection that arrives after it is closed', async (t) => {
  const { listener, connections, statuses, connects } = await setup(t)
  connections[0]!.drop()
  await listener.close()
  t.mock.timers.tick(60_000)
  await settle()
  assert.equal(connects(), 1, 'no attempt after close()')
  assert.equal(statuses.length, 1)

  // An attempt under way when close() is called: its connection is closed, and nothing is reported.
  let arrive: (connection: FakeConnection) => void = () => {}
  const late = new FakeConnection()
  const reports: ChangeFeedStatus[] = []
  const first = new FakeConnection()
  let calls = 0
  const other = await PostgresListener.start({
    channel: 'changes',
    connect: () => (calls++ === 0 ? Promise.resolve(first) : new Promise((resolve) => (arrive = resolve))),
    onPayload: () => {},
    onStatus: (status) => reports.push(status),
  })
  first.drop()
  t.mock.timers.tick(reports[0]!.state === 'lost' ? reports[0]!.retryInMs : 0)
  await settle()
  assert.equal(calls, 2)
  const closed = other.close()
  arrive(late)
  await closed
  assert.equal(late.ended, true)
  assert.deepEqual(
    reports.map((r) => r.state),
    ['lost'],
  )
})
