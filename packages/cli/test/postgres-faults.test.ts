import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { createApiKey } from '@pindown/server'
import { openStore } from '@pindown/store'
import { parseEventStream, type ServerSentEvent } from '@pindownai/client-js'
import { postgresBin, startPostgres, type TestPostgres } from '../../../scripts/postgres.mjs'
import { postgresWanted } from '../../store/test/postgres-database.js'
import { type ServeProcess, serve } from './run-cli.js'

/** How soon after PostgreSQL accepts connections again a change must reach a stream on the other instance. */
const eventsResumeWithinMs = 5_000

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>

/** Polls `check` until it answers something truthy; past `ms`, fails naming what was awaited. */
async function until<T>(what: string, ms: number, check: () => T | Promise<T>): Promise<Truthy<T>> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value) return value as Truthy<T>
    if (Date.now() > deadline) throw new Error(`Gave up after ${ms} ms waiting for ${what}`)
    await sleep(10)
  }
}

interface Received extends ServerSentEvent {
  /** When it arrived here (epoch ms). */
  readonly at: number
}

/** An open `/v1/pins/:id/events` stream whose events are collected as they arrive. */
async function watch(url: string, key: string, id: string) {
  const controller = new AbortController()
  const noAnswer = setTimeout(() => controller.abort(new Error(`no answer in 5 s to opening ${id}'s events`)), 5_000)
  const response = await fetch(`${url}/v1/pins/${id}/events`, {
    headers: { authorization: `Bearer ${key}` },
    signal: controller.signal,
  }).finally(() => clearTimeout(noAnswer))
  assert.equal(response.status, 200)
  const received: Received[] = []
  let ended = false
  const pump = (async () => {
    try {
      for await (const event of parseEventStream(response.body!)) received.push({ ...event, at: Date.now() })
    } catch {
      // Aborted at the end of the test.
    } finally {
      ended = true
    }
  })()
  return {
    received,
    /** The first `pin.updated` of at least this version; fails if the stream ends or stays silent past `ms`. */
    version: (version: number, ms: number, what: string) =>
      until(what, ms, () => {
        const event = received.find((e) => e.event === 'pin.updated' && Number(e.id) >= version)
        if (!event && ended) throw new Error(`The stream ended while waiting for ${what}`)
        return event
      }),
    close: async () => {
      controller.abort()
      await pump
    },
  }
}

interface Answer {
  readonly server: 'A' | 'B'
  readonly started: number
  readonly ended: number
  /** 0: no answer at all (the instance is gone). */
  readonly status: number
  readonly body: { data?: { id: string; version: number; metadata: { title: string } }; error?: { code: string } }
}

/** When an instance's log says it did something (the first such line), in epoch ms. */
function loggedAt(output: string, message: RegExp): number | undefined {
  const line = output.split('\n').find((l) => message.test(l))
  return line === undefined ? undefined : (JSON.parse(line) as { time: number }).time
}

if (!postgresWanted()) {
  test('PostgreSQL restarts under two instances', (t) => t.skip('PostgreSQL is not part of this run'))
} else if (!postgresBin()) {
  test('PostgreSQL restarts under two instances', (t) =>
    t.skip('PostgreSQL is not installed here: this test restarts a cluster of its own'))
} else {
  const cleanups: (() => unknown)[] = []
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
  })

  const name = 'PostgreSQL restarts under load: no acknowledged write lost, 5xx only while down, events resume'
  test(name, { timeout: 90_000 }, async (t) => {
    // A cluster of its own: the one the other suites share must not go down under them.
    const postgres: TestPostgres = await startPostgres()
    // Stopping a cluster left halted by a failure complains that it is not running; it is deleted all the same.
    cleanups.push(() => {
      try {
        postgres.stop()
      } catch {}
    })
    const setup = await openStore({ url: postgres.url })
    const { key } = await createApiKey(setup)
    await setup.close()
    const env = {
      DATABASE_URL: postgres.url,
      LOG_LEVEL: 'info',
      // No keep-alive (and so no key check) while the database is down: the streams must outlive the outage.
      SSE_KEEPALIVE_MS: '600000',
      RATE_LIMIT_WRITES: '1000000',
      RATE_LIMIT_READS: '1000000',
    }
    const a: ServeProcess = await serve(env)
    cleanups.push(() => a.stop())
    const b: ServeProcess = await serve(env)
    cleanups.push(() => b.stop())
    const servers = { A: a, B: b }

    /** Every request of the test but the streams, checked at the end. */
    const answers: Answer[] = []
    const call = async (server: 'A' | 'B', method: string, path: string, body?: unknown): Promise<Answer> => {
      const started = Date.now()
      let answer: Answer
      try {
        const response = await fetch(servers[server].url + path, {
          method,
          headers: {
            authorization: `Bearer ${key}`,
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(10_000),
        })
        const text = await response.text()
        answer = { server, started, ended: Date.now(), status: response.status, body: JSON.parse(text) }
      } catch (error) {
        answer = { server, started, ended: Date.now(), status: 0, body: { error: { code: String(error) } } }
      }
      answers.push(answer)
      return answer
    }

    // A pin watched on both instances; a first change shows the streams are live.
    const created = await call('A', 'POST', '/v1/pins', { metadata: { title: 'Watched' } })
    assert.equal(created.status, 201)
    const id = created.body.data!.id
    const onB = await watch(b.url, key, id)
    cleanups.push(() => onB.close())
    const onA = await watch(a.url, key, id)
    cleanups.push(() => onA.close())
    const first = await call('A', 'PUT', `/v1/pins/${id}`, { metadata: { title: 'Before the restart' } })
    assert.equal(first.status, 200)
    await onB.version(first.body.data!.version, 2_000, 'the change before the restart, on B')
    await onA.version(first.body.data!.version, 2_000, 'the change before the restart, on A')

    // Load: two writers per instance, creating pins until told to stop.
    const writes: { answer: Answer; title: string }[] = []
    let loading = true
    const writer = async (server: 'A' | 'B', n: number) => {
      for (let i = 0; loading; i++) {
        const title = `${server}${n}-${i}`
        const answer = await call(server, 'POST', '/v1/pins', { metadata: { title } })
        writes.push({ answer, title })
        if (answer.status === 0) return
        // Failures come back at once while the database is down: pace them rather than spin.
        if (answer.status >= 500) await sleep(20)
      }
    }
    const writers = [writer('A', 1), writer('A', 2), writer('B', 1), writer('B', 2)]
    cleanups.push(() => {
      loading = false
      return Promise.all(writers)
    })
    await until('writes before the restart', 5_000, () => writes.filter((w) => w.answer.status === 201).length >= 20)

    const downAt = Date.now()
    await postgres.halt()
    await until('both instances to answer 5xx while PostgreSQL is down', 10_000, () =>
      (['A', 'B'] as const).every((server) =>
        answers.some((answer) => answer.server === server && answer.started >= downAt && answer.status >= 500),
      ),
    )
    await postgres.resume()
    const upAt = Date.now()

    // A's pool reconnects by itself: retry until the change is acknowledged.
    const changed = await until('an update through A to succeed after the restart', 10_000, async () => {
      const answer = await call('A', 'PUT', `/v1/pins/${id}`, { metadata: { title: 'After the restart' } })
      return answer.status === 200 && answer
    })
    const version = changed.body.data!.version
    const deadline = upAt + eventsResumeWithinMs
    const resumed = (on: string) => `the change on ${on}, due within 5 s of PostgreSQL being back`
    const onBAt = (await onB.version(version, deadline - Date.now(), resumed('B'))).at
    const onAAt = (await onA.version(version, deadline - Date.now(), resumed('A'))).at
    const reconnected = /reconnected to the database; catching up/
    const bBack = loggedAt(b.output(), reconnected)
    t.diagnostic(
      `PostgreSQL down ${upAt - downAt} ms. After it accepted connections again: the update acknowledged by A ` +
        `at +${changed.ended - upAt} ms, B's listener back at +${bBack === undefined ? '?' : bBack - upAt} ms, ` +
        `the change delivered on B at +${onBAt - upAt} ms and on A at +${onAAt - upAt} ms ` +
        `(${bBack !== undefined && changed.ended < bBack ? 'B caught up: the notice was sent while it was away' : 'B got the notice'})`,
    )

    // Listening again, not only caught up: the next change arrives as a notice.
    const next = await call('A', 'PUT', `/v1/pins/${id}`, { metadata: { title: 'Live again' } })
    assert.equal(next.status, 200)
    const live = await onB.version(next.body.data!.version, 2_000, 'a change after the reconnect, on B')
    assert.equal(JSON.parse(live.data).metadata.title, 'Live again')
    t.diagnostic(`a change after the reconnect reached B ${live.at - next.ended} ms after it was acknowledged`)

    await until('writes after the restart', 5_000, () => writes.filter((w) => w.answer.started > upAt).length >= 20)
    loading = false
    await Promise.all(writers)

    // Every acknowledged write is there, through either instance.
    const acknowledged = writes.filter((w) => w.answer.status === 201)
    for (let i = 0; i < acknowledged.length; i += 16) {
      await Promise.all(
        acknowledged.slice(i, i + 16).map(async ({ answer, title }, j) => {
          const pinId = answer.body.data!.id
          const read = await call(j % 2 ? 'A' : 'B', 'GET', `/v1/pins/${pinId}`)
          assert.equal(read.status, 200, `acknowledged pin ${pinId} (${title}) is gone`)
          assert.equal(read.body.data!.metadata.title, title)
        }),
      )
    }

    // Every answer is a success or a 5xx envelope, and the 5xx all fall while PostgreSQL was down.
    const failures = answers.filter((answer) => answer.status >= 300 || answer.status === 0)
    for (const answer of failures) {
      const what = `${answer.status} from ${answer.server} (${JSON.stringify(answer.body)})`
      assert.ok(answer.status >= 500, `unexpected ${what}`)
      assert.equal(typeof answer.body.error?.code, 'string', `a 5xx without the error envelope: ${what}`)
      assert.ok(
        answer.ended >= downAt && answer.started <= upAt,
        `${what} for a request made ${answer.started - upAt} ms after PostgreSQL was back`,
      )
    }
    assert.ok(failures.length > 0, 'no request noticed the restart')
    t.diagnostic(`${acknowledged.length} creates acknowledged and all found; ${failures.length} requests answered 5xx`)

    // Each instance said what happened to its listener.
    for (const [label, server] of Object.entries(servers)) {
      assert.match(server.output(), /lost the database connection that receives changes/, `${label} logged no loss`)
      assert.match(server.output(), reconnected, `${label} logged no recovery`)
    }
  })
}
