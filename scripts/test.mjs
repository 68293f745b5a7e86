// Runs every test file (`packages/*/test/**/*.test.ts`) with Node's test runner, TypeScript through tsx.
// The stores: SQLite always; PostgreSQL too when its server is installed (a throwaway cluster is started),
// or as `STORES=sqlite` / `STORES=sqlite,postgres` says. With postgres, the store suite runs on both, and
// the API and SDK suites run a second time on PostgreSQL.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { postgresBin, startPostgres } from './postgres.mjs'

const root = new URL('..', import.meta.url).pathname
const filters = process.argv.slice(2)

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(path)
    else if (entry.name.endsWith('.test.ts')) yield path
  }
}

const files = [...walk(join(root, 'packages'))]
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)))
  .sort()
if (files.length === 0) {
  console.error(`No test files match ${filters.join(' ')}`)
  process.exit(1)
}

// CI always includes PostgreSQL, so a machine where it cannot start fails instead of skipping it.
const stores = (process.env.STORES ?? (postgresBin() || process.env.CI ? 'sqlite,postgres' : 'sqlite')).split(',')
// Every test server's log lines land here; after the run they are scanned for API keys (none may leak).
const logDir = mkdtempSync(join(tmpdir(), 'pindown-test-logs-'))
const env = { ...process.env, STORES: stores.join(','), PINDOWN_TEST_LOG_DIR: logDir }
let postgres
if (stores.includes('postgres') && !process.env.PINDOWN_TEST_POSTGRES_URL) {
  try {
    postgres = await startPostgres()
  } catch (error) {
    console.error(`PostgreSQL tests were asked for but PostgreSQL could not start: ${error.message}`)
    process.exit(1)
  }
  env.PINDOWN_TEST_POSTGRES_URL = postgres.url
}

// Bounds, so that a hung test fails with its name instead of eating CI's time: each file (each test in
// it too) gets at most 10 minutes, and a whole run at most 40.
const fileTimeoutMs = 10 * 60 * 1000
const runTimeoutMs = 40 * 60 * 1000

const run = (list, extra = {}) => {
  const result = spawnSync(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      `--test-timeout=${fileTimeoutMs}`,
      ...list,
    ],
    { cwd: root, stdio: 'inherit', env: { ...env, ...extra }, timeout: runTimeoutMs, killSignal: 'SIGKILL' },
  )
  if (result.error?.code === 'ETIMEDOUT')
    console.error(`# the test run passed its ${runTimeoutMs / 60000}-minute bound and was stopped`)
  return result.status ?? 1
}

/** What must never reach a log: API keys, invite and setup links' tokens, session cookies, password hashes. */
const secrets = [
  /pk_live_[0-9A-Za-z]{8}/,
  /\/(invite|setup)\/[0-9A-Za-z]{20}/,
  /pindown_session=[0-9A-Za-z]{20}/,
  /\$argon2id\$/,
]

/** Fails the run if any log line of any test server holds a secret. */
function scanLogsForKeys() {
  let lines = 0
  const leaks = []
  for (const name of readdirSync(logDir)) {
    for (const line of readFileSync(join(logDir, name), 'utf8').split('\n')) {
      if (!line) continue
      lines++
      if (secrets.some((secret) => secret.test(line))) leaks.push(line.slice(0, 300))
    }
  }
  console.log(
    `# secrets: ${lines} log lines of test servers scanned, ${leaks.length} with a key, token or password hash`,
  )
  for (const leak of leaks.slice(0, 10)) console.error(`# leaked: ${leak}`)
  return leaks.length > 0 ? 1 : 0
}

let status = 0
try {
  // The API and SDK suites again, each server on a fresh PostgreSQL database.
  const onPostgres = files.filter(
    (f) => /^packages\/(server|client)\/test\//.test(f) || f.endsWith('pins-commands.test.ts'),
  )
  if (postgres || process.env.PINDOWN_TEST_POSTGRES_URL) {
    if (onPostgres.length > 0 && stores.includes('postgres')) {
      console.log(`# API, SDK and CLI suites on PostgreSQL (${onPostgres.length} files)`)
      status = run(onPostgres, { PINDOWN_TEST_STORE: 'postgres' })
    }
  }
  console.log(`# all suites (${files.length} files)`)
  status = run(files) || status
  status = scanLogsForKeys() || status
} finally {
  postgres?.stop()
  rmSync(logDir, { recursive: true, force: true })
}
process.exit(status)
