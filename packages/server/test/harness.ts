import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Scope } from '@pindown/store'
import { newPostgresDatabase } from '../../store/test/postgres-database.js'
import { createApiKey } from '../src/auth/api-keys.js'
import { loadConfig } from '../src/config.js'
import { type RunningServer, startServer } from '../src/server.js'

export interface Answer {
  readonly status: number
  readonly headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
  readonly body: any
}

export interface RequestOptions {
  readonly key?: string
  readonly body?: unknown
  /** A raw body, sent as is. */
  readonly raw?: string
  readonly headers?: Record<string, string>
}

export interface TestServer {
  readonly url: string
  readonly server: RunningServer
  readonly dir: string
  /** A key of a new workspace with the given scopes (all three by default). */
  newKey(scopes?: Scope[], workspaceId?: string): Promise<{ key: string; id: string; workspaceId: string }>
  request(method: string, path: string, options?: RequestOptions): Promise<Answer>
  close(): Promise<void>
}

/** A real server on 127.0.0.1 with a fresh SQLite file; `env` overrides settings (e.g. rate limits). */
export async function startTestServer(env: Record<string, string> = {}, dir?: string): Promise<TestServer> {
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), 'pindown-test-'))
  // PINDOWN_TEST_STORE=postgres (set by scripts/test.mjs) runs the same suites on a fresh PostgreSQL database.
  const postgres = process.env.PINDOWN_TEST_STORE === 'postgres' ? await newPostgresDatabase() : undefined
  let server: RunningServer
  try {
    const config = loadConfig({
      DATABASE_URL: postgres?.url ?? `sqlite:${join(dataDir, 'pindown.db')}`,
      PORT: '0',
      // Under npm test, every test server logs to a file that the run scans for keys afterwards.
      ...(process.env.PINDOWN_TEST_LOG_DIR
        ? {
            LOG_LEVEL: 'info',
            LOG_FILE: join(
              process.env.PINDOWN_TEST_LOG_DIR,
              `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.log`,
            ),
          }
        : { LOG_LEVEL: 'silent' }),
      SQLITE_SYNCHRONOUS: 'normal',
      ...env,
    })
    server = await startServer(config, { bootstrap: false })
  } catch (error) {
    // A server that fails to start (a bad setting under test, say) leaves no database behind.
    await postgres?.drop()
    throw error
  }
  const url = server.url
  return {
    url,
    server,
    dir: dataDir,
    async newKey(scopes, workspaceId) {
      const { key, record } = await createApiKey(server.store, {
        ...(scopes && { scopes }),
        ...(workspaceId && { workspaceId }),
      })
      return { key, id: record.id, workspaceId: record.workspaceId }
    },
    request: (method, path, options) => send(url, method, path, options),
    async close() {
      await server.close()
      await postgres?.drop()
      if (!dir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function send(base: string, method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.key) headers.authorization = `Bearer ${options.key}`
  let body: string | undefined = options.raw
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  const response = await fetch(base + path, { method, headers, ...(body !== undefined && { body }) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined }
}

/** A minimal valid create body. */
export const titled = (title: string, extra: Record<string, unknown> = {}) => ({ metadata: { title }, ...extra })

/** A test server and a key with every scope in a new workspace. */
export async function startWithKey(env: Record<string, string> = {}): Promise<{ t: TestServer; key: string }> {
  const t = await startTestServer(env)
  return { t, key: (await t.newKey()).key }
}
