import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { openStore } from '@pindown/store'
import { runCli, serve } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'pindown-cli-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const env = { DATABASE_URL: `sqlite:${join(dir, 'pindown.db')}` }
/** A database of the test's own, so that no test depends on what another left behind. */
const own = (name: string) => ({ DATABASE_URL: `sqlite:${join(dir, `${name}.db`)}` })

async function post(url: string, key: string, body: unknown) {
  const response = await fetch(`${url}/v1/pins`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as { data: { id: string } } }
}

/** A POST whose body is sent in two halves: `finish()` sends the rest once `started` has resolved. */
function heldPost(url: string, key: string, body: unknown) {
  const bytes = Buffer.from(JSON.stringify(body))
  const half = Math.floor(bytes.length / 2)
  const request = httpRequest(`${url}/v1/pins`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': bytes.length },
  })
  const answer = new Promise<{ status: number; body: { data: { id: string } } }>((resolve, reject) => {
    request.on('error', reject)
    request.on('response', (response) => {
      let text = ''
      response.on('data', (chunk) => {
        text += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }))
    })
  })
  const started = new Promise<void>((resolve) => request.write(bytes.subarray(0, half), () => resolve()))
  return { started, answer, finish: () => request.end(bytes.subarray(half)) }
}

test('first start writes one key to an owner-only file (no terminal) and prints a curl example; pins survive a SIGTERM and a restart', async () => {
  const first = await serve(env)
  assert.doesNotMatch(first.banner, /pk_live_/, 'no terminal: the key is not printed where logs keep it')
  const keyFile = /written to (\S+) /.exec(first.banner)?.[1]
  assert.equal(keyFile, join(dir, 'first-api-key.txt'), first.banner)
  assert.equal(statSync(keyFile).mode & 0o777, 0o600)
  assert.equal(statSync(join(dir, 'pindown.db')).mode & 0o777, 0o600, "the database is the owner's alone")
  const key = readFileSync(keyFile, 'utf8').trim()
  assert.match(key, /^pk_live_[0-9A-Za-z]{43}$/)
  assert.match(first.banner, /curl -s http:\/\/127\.0\.0\.1:\d+\/v1\/pins/)
  // No account yet: the owner's setup link goes to a file of its own, like the key.
  const setupFile = join(dir, 'setup-link.txt')
  assert.ok(first.banner.includes(setupFile), first.banner)
  assert.equal(statSync(setupFile).mode & 0o777, 0o600)
  assert.match(readFileSync(setupFile, 'utf8'), /^http:\/\/127\.0\.0\.1:\d+\/setup\/[0-9A-Za-z]{43}\n$/)
  assert.ok(first.banner.includes('Authorization: Bearer $PINDOWN_API_KEY'))

  const ids: string[] = []
  for (let i = 0; i < 20; i++)
    ids.push((await post(first.url, key, { metadata: { title: `Before ${i}` } })).body.data.id)

  // Requests in flight when SIGTERM arrives complete, and are durable: three are held open (their
  // headers and half their body sent) across the signal, and finished only after it.
  const held = Array.from({ length: 3 }, (_, i) => heldPost(first.url, key, { metadata: { title: `Held ${i}` } }))
  await Promise.all(held.map((h) => h.started))
  // One full round trip after the held requests' bytes went out: the server has read their headers.
  const before = await post(first.url, key, { metadata: { title: 'Before the signal' } })
  assert.equal(before.status, 201)
  ids.push(before.body.data.id)
  const stopped = first.stop('SIGTERM')
  // Further requests either complete (and are then durable) or are refused; none is answered with an error.
  const late = Array.from({ length: 10 }, (_, i) =>
    post(first.url, key, { metadata: { title: `Late ${i}` } }).then(
      (answer) => answer,
      () => undefined,
    ),
  )
  for (const h of held) h.finish()
  for (const answer of await Promise.all(held.map((h) => h.answer))) {
    assert.equal(answer.status, 201, 'a request in flight at SIGTERM completes')
    ids.push(answer.body.data.id)
  }
  for (const answer of await Promise.all(late)) {
    if (!answer) continue
    assert.equal(answer.status, 201)
    ids.push(answer.body.data.id)
  }
  assert.equal(await stopped, 0)

  const second = await serve(env)
  try {
    assert.doesNotMatch(second.banner, /pk_live_/, 'a key is printed only on the very first start')
    const response = await fetch(`${second.url}/v1/pins?limit=100`, { headers: { authorization: `Bearer ${key}` } })
    const list = (await response.json()) as { data: { total: number; items: { id: string }[] } }
    assert.equal(list.data.total, ids.length)
    assert.deepEqual(list.data.items.map((p) => p.id).sort(), [...ids].sort())
  } finally {
    await second.stop()
  }
})

test('keys never reach the log, wherever a request put them', async () => {
  const logDir = mkdtempSync(join(tmpdir(), 'pindown-log-'))
  const server = await serve({ DATABASE_URL: `sqlite:${join(logDir, 'pindown.db')}`, LOG_LEVEL: 'trace' })
  try {
    const secret = `pk_live_${'S'.repeat(43)}`
    await fetch(`${server.url}/v1/pins?api_key=${secret}`, { headers: { authorization: `Bearer ${secret}` } })
    await fetch(`${server.url}/v1/pins/${secret}`, { headers: { authorization: `Bearer ${secret}` } })
    await fetch(`${server.url}/share/pin/${secret}`)
    await fetch(`${server.url}/v1/pins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: `{"metadata":{"title":"${secret}"`,
    })
  } finally {
    await server.stop()
    rmSync(logDir, { recursive: true, force: true })
  }
  const log = server.output()
  assert.match(log, /pk_live_\[redacted\]/, 'the requests were logged')
  assert.doesNotMatch(log, /pk_live_S/)
})

test('a database it cannot open, a port in use: one line naming the problem, exit 2, no stack', async () => {
  const unreachable = await runCli(['keys', 'list'], { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/pindown' })
  assert.equal(unreachable.code, 2)
  assert.match(unreachable.stderr, /^pindown: Cannot use PostgreSQL at postgres:\/\/\*\*\*@127\.0\.0\.1:1\/pindown: /)
  assert.doesNotMatch(unreachable.stderr, /secret|\n\s+at /)
  const unknown = await runCli(['keys', 'list'], { DATABASE_URL: 'mysql://x/y' })
  assert.equal(unknown.code, 2)
  assert.match(unknown.stderr, /Unknown database URL scheme mysql:/)

  const env = own('port-in-use')
  const first = await serve(env)
  try {
    const port = new URL(first.url).port
    const second = await runCli(['serve'], { ...env, PORT: port })
    assert.equal(second.code, 2)
    assert.equal(
      second.stderr.trim(),
      `pindown: port ${port} is already in use: stop what uses it, or choose another with PORT=`,
    )
  } finally {
    await first.stop()
  }
})

test('keys create --json, keys list, and keys revoke take effect on a running server at once', async () => {
  const env = own('keys-lifecycle')
  const created = await runCli(['keys', 'create', '--json', '--scopes', 'pins:read', '--name', 'dashboard'], env)
  assert.equal(created.code, 0, created.stderr)
  const key = JSON.parse(created.stdout) as { key: string; id: string; workspace: string; scopes: string[] }
  assert.deepEqual(Object.keys(key).sort(), ['id', 'key', 'scopes', 'workspace'])
  assert.match(key.key, /^pk_live_[0-9A-Za-z]{43}$/)
  assert.deepEqual(key.scopes, ['pins:read'])

  const listed = await runCli(['keys', 'list'], env)
  assert.equal(listed.code, 0)
  assert.match(
    listed.stdout,
    new RegExp(`${key.id}\\s+${key.workspace}\\s+dashboard\\s+${key.key.slice(0, 12)}…\\s+pins:read`),
  )
  assert.ok(!listed.stdout.includes(key.key), 'keys list never shows a whole key')

  const server = await serve(env)
  try {
    const read = () => fetch(`${server.url}/v1/pins`, { headers: { authorization: `Bearer ${key.key}` } })
    assert.equal((await read()).status, 200)
    const revoked = await runCli(['keys', 'revoke', key.id], env)
    assert.equal(revoked.code, 0, revoked.stderr)
    assert.equal((await read()).status, 401)
  } finally {
    await server.stop()
  }

  const again = await runCli(['keys', 'revoke', key.id], env)
  assert.equal(again.code, 1)
  assert.match(again.stderr, /no active key/)
})

test('keys create into a new workspace, and clear errors for bad input', async () => {
  const env = own('workspaces')
  assert.equal((await runCli(['keys', 'create'], env)).code, 0)
  const fresh = await runCli(['keys', 'create', '--new-workspace', '--json'], env)
  const workspaces = JSON.parse((await runCli(['keys', 'list', '--json'], env)).stdout).map(
    (k: { workspaceId: string }) => k.workspaceId,
  )
  assert.ok(workspaces.includes(JSON.parse(fresh.stdout).workspace))
  assert.equal(new Set(workspaces).size, 2)

  const ambiguous = await runCli(['keys', 'create'], env)
  assert.equal(ambiguous.code, 1)
  assert.match(ambiguous.stderr, /name one with --workspace/)
  const badScope = await runCli(['keys', 'create', '--new-workspace', '--scopes', 'pins:admin'], env)
  assert.equal(badScope.code, 1)
  assert.match(badScope.stderr, /unknown scope pins:admin/)
  const badPort = await runCli(['serve'], { ...env, PORT: 'eighty' })
  assert.equal(badPort.code, 2)
  assert.match(badPort.stderr, /PORT=eighty: must be a whole number/)
})

test('users create makes an account with a role, its password piped in; bad input is one clear line', async () => {
  const users = own('users')
  assert.equal((await runCli(['keys', 'create', '--new-workspace'], users)).code, 0)
  const created = await runCli(
    ['users', 'create', '--email', 'Owner@Example.com', '--role', 'owner', '--password-stdin'],
    users,
    'correct horse battery\n',
  )
  assert.equal(created.code, 0, created.stderr)
  assert.match(created.stdout, /Created usr_[a-z0-9]{12} \(owner@example\.com\), owner of workspace ws_/)
  const store = await openStore({ url: users.DATABASE_URL })
  try {
    const user = await store.people.findUserByEmail('owner@example.com')
    assert.ok(user?.passwordHash?.startsWith('$argon2id$'))
    assert.equal((await store.people.memberships(user!.id))[0]?.role, 'owner')
  } finally {
    await store.close()
  }
  const again = await runCli(
    ['users', 'create', '--email', 'owner@example.com', '--password-stdin'],
    users,
    'another password\n',
  )
  assert.equal(again.code, 1)
  assert.match(again.stderr, /already exists/)
  const short = await runCli(['users', 'create', '--email', 'b@example.com', '--password-stdin'], users, 'short\n')
  assert.equal(short.code, 1)
  assert.match(short.stderr, /at least 10 characters/)
  const role = await runCli(
    ['users', 'create', '--email', 'c@example.com', '--role', 'admin', '--password-stdin'],
    users,
    'x\n',
  )
  assert.equal(role.code, 1)
  assert.match(role.stderr, /use owner, editor, viewer/)
})

test('serve --help lists every setting with its default', async () => {
  const help = await runCli(['serve', '--help'], {})
  assert.equal(help.code, 0)
  for (const env of ['PORT', 'HOST', 'DATABASE_URL', 'PUBLIC_URL', 'RATE_LIMIT_WRITES', 'BODY_LIMIT', 'LOG_LEVEL']) {
    assert.match(help.stdout, new RegExp(`${env}\\s`))
  }
  assert.match(help.stdout, /default: 4000/)
})
