import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { createApiKey } from '@pindown/server'
import { openStore, type Store } from '@pindown/store'
import Database from 'better-sqlite3'
import { newPostgresDatabase, postgresWanted } from '../../store/test/postgres-database.js'
import { serve } from './run-cli.js'

/**
 * Crashes: a write load (creates, updates, batches, all with idempotency keys) against the built server,
 * then `kill -9`, a restart, and retries of every request. Every acknowledged write is there exactly
 * once, no retried key writes twice, and SQLite's file passes its integrity check. `CRASH_CYCLES` sets
 * the cycles per store (`npm run verify` runs 50; `npm test` a few).
 */

const cycles = Number(process.env.CRASH_CYCLES ?? 3)
const cleanups: (() => Promise<unknown> | unknown)[] = []
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

interface Sent {
  readonly key: string
  readonly method: string
  readonly path: string
  readonly body: unknown
  /** The title each created pin carries: one per idempotency key (and item), so duplicates show. */
  readonly titles: readonly string[]
  answer?: { status: number; text: string }
}

const random = (n: number) => Math.floor(Math.random() * n)

/** Sends writes until the server dies, into `sent`; answers when every worker has stopped. */
async function load(
  url: string,
  apiKey: string,
  existing: string[],
  until: Promise<unknown>,
  sent: Sent[],
): Promise<void> {
  let dead = false
  until.then(() => {
    dead = true
  })
  const one = (): Sent => {
    const key = randomUUID()
    const pick = random(10)
    if (pick < 6 || existing.length === 0) {
      return { key, method: 'POST', path: '/v1/pins', body: { metadata: { title: key } }, titles: [key] }
    }
    if (pick < 8) {
      const titles = [0, 1, 2].map((i) => `${key}/${i}`)
      return {
        key,
        method: 'POST',
        path: '/v1/pins/batch',
        body: { pins: titles.map((title) => ({ metadata: { title } })) },
        titles,
      }
    }
    const id = existing[random(existing.length)]!
    return { key, method: 'POST', path: `/v1/pins/${id}/share`, body: { is_public: pick === 8 }, titles: [] }
  }
  const worker = async () => {
    while (!dead) {
      const request = one()
      sent.push(request)
      try {
        const response = await fetch(url + request.path, {
          method: request.method,
          headers: {
            authorization: `Bearer ${apiKey}`,
            'content-type': 'application/json',
            'idempotency-key': request.key,
          },
          body: JSON.stringify(request.body),
        })
        request.answer = { status: response.status, text: await response.text() }
      } catch {
        return
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))
}

async function titleCounts(store: Store, workspaceId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  let after: { createdAt: number; id: string } | undefined
  for (;;) {
    const page = await store.listPins(workspaceId, { limit: 500, offset: 0, ...(after && { after }) })
    for (const pin of page.items) counts.set(pin.title, (counts.get(pin.title) ?? 0) + 1)
    const last = page.items.at(-1)
    if (!page.hasMore || !last) return counts
    after = { createdAt: last.createdAt, id: last.id }
  }
}

async function crashCycles(name: string, databaseUrl: string, env: Record<string, string>, sqliteFile?: string) {
  const store = await openStore({ url: databaseUrl })
  const { key, record } = await createApiKey(store)
  await store.close()
  const existing: string[] = []
  const allSent: Sent[] = []
  const serverEnv = { DATABASE_URL: databaseUrl, RATE_LIMIT_WRITES: '1000000', ...env }

  for (let cycle = 0; cycle < cycles; cycle++) {
    const server = await serve(serverEnv)
    const killed = new Promise<void>((resolve) => server.child.once('exit', () => resolve()))
    const sent: Sent[] = []
    const running = load(server.url, key, existing, killed, sent)
    // Under way first (however slow the machine), then a crash at a random moment.
    const deadline = Date.now() + 30_000
    while (sent.filter((s) => s.answer).length < 10) {
      assert.ok(Date.now() < deadline, `${name} cycle ${cycle}: the load got no writes in within 30 s`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await new Promise((resolve) => setTimeout(resolve, random(300)))
    server.child.kill('SIGKILL')
    await killed
    await running
    for (const s of sent) {
      if (s.answer?.status === 201) existing.push(JSON.parse(s.answer.text).data.id)
    }
    allSent.push(...sent)

    // Retry everything sent this cycle on a restarted server: answered keys replay their first answer,
    // unanswered ones run now (or replay, if they committed before the crash).
    const again = await serve(serverEnv)
    try {
      for (const s of sent) {
        const response = await fetch(again.url + s.path, {
          method: s.method,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': s.key },
          body: JSON.stringify(s.body),
        })
        const text = await response.text()
        if (s.answer) {
          assert.equal(response.status, s.answer.status, `${name}: a retry of an answered key replays its status`)
          assert.equal(text, s.answer.text, `${name}: a retry of an answered key replays its body`)
          assert.equal(response.headers.get('idempotent-replayed'), 'true')
        } else {
          assert.ok(
            response.status < 300,
            `${name}: a retry of an unanswered request succeeds (${response.status} ${text})`,
          )
          s.answer = { status: response.status, text }
          if (response.status === 201) existing.push(JSON.parse(text).data.id)
        }
      }
    } finally {
      await again.stop()
    }
  }

  // Every acknowledged create is there, exactly once; no key wrote twice.
  const check = await openStore({ url: databaseUrl })
  try {
    const counts = await titleCounts(check, record.workspaceId)
    for (const title of allSent.flatMap((s) => s.titles)) {
      assert.equal(counts.get(title), 1, `${name}: "${title}" is stored exactly once`)
    }
  } finally {
    await check.close()
  }
  if (sqliteFile) {
    const db = new Database(sqliteFile, { readonly: true })
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok')
    db.close()
  }
}

describe(`crashes: ${cycles} kill -9 cycles per store under a write load`, () => {
  for (const synchronous of ['full', 'normal'] as const) {
    test(`SQLite, SQLITE_SYNCHRONOUS=${synchronous}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pindown-crash-'))
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
      const file = join(dir, 'pindown.db')
      await crashCycles(`sqlite ${synchronous}`, `sqlite:${file}`, { SQLITE_SYNCHRONOUS: synchronous }, file)
    })
  }

  test('PostgreSQL', async (t) => {
    if (!postgresWanted()) return t.skip('PostgreSQL is not part of this run (STORES does not name it)')
    const db = await newPostgresDatabase()
    cleanups.push(db.drop)
    await crashCycles('postgres', db.url, {})
  })
})
