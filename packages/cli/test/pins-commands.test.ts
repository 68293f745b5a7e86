import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { startTestServer, type TestServer } from '../../server/test/harness.js'
import { runCli, startCli } from './run-cli.js'

let server: TestServer
let env: Record<string, string>
const dir = mkdtempSync(join(tmpdir(), 'pindown-pins-cli-'))
before(async () => {
  server = await startTestServer()
  // No saved login may leak in from the machine running the tests.
  env = {
    PINDOWN_API_KEY: (await server.newKey()).key,
    PINDOWN_BASE_URL: server.url,
    XDG_CONFIG_HOME: join(dir, 'config'),
  }
})
after(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

const json = (stdout: string) => JSON.parse(stdout)

describe('pins create', async () => {
  test('markdown on stdin becomes a markdown pin titled by its heading', async () => {
    const created = await runCli(['pins', 'create'], env, '# Release notes\n\n- faster lists\n')
    assert.equal(created.code, 0, created.stderr)
    const id = created.stdout.trim()
    assert.match(id, /^p-[a-z0-9]{12}$/)
    const pin = json((await runCli(['pins', 'get', id, '--json'], env)).stdout)
    assert.equal(pin.pin_type, 'markdown')
    assert.equal(pin.metadata.title, 'Release notes')
    assert.equal(pin.pin_config.content, '# Release notes\n\n- faster lists\n')
  })

  test('a JSON body on stdin, with --json output', async () => {
    const body = {
      pin_type: 'stat-cards',
      pin_config: { cards: [{ title: 'MRR', value: '$42k', trend: 'up' }] },
      metadata: { title: 'KPIs' },
    }
    const created = await runCli(['pins', 'create', '--json', '--tags', 'kpi,weekly'], env, JSON.stringify(body))
    assert.equal(created.code, 0, created.stderr)
    const data = json(created.stdout)
    assert.equal(data.data_type, 'pin-card')
    const pin = json((await runCli(['pins', '--json', 'get', data.id], env)).stdout)
    assert.deepEqual(pin.metadata.tags, ['kpi', 'weekly'])
    assert.deepEqual(pin.pin_config, body.pin_config)
  })

  test('from --file, and an invalid config exits 1 with the error on stderr', async () => {
    const file = join(dir, 'bad.json')
    writeFileSync(
      file,
      JSON.stringify({ pin_type: 'stat-cards', pin_config: { cards: [{ title: 'A' }] }, metadata: { title: 'Bad' } }),
    )
    const failed = await runCli(['pins', 'create', '--file', file], env)
    assert.equal(failed.code, 1)
    assert.equal(failed.stdout, '')
    assert.match(
      failed.stderr,
      /PIN_CONFIG_INVALID: Invalid pin_config for pin_type "stat-cards" at cards\[0\]\.value: Required/,
    )
    assert.match(failed.stderr, /cards\[0\]\.value: Required/)
  })

  test('usage errors exit 2', async () => {
    const missing = await runCli(['pins', 'create', '--file', join(dir, 'nope.md')], env)
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /cannot read .*nope\.md: ENOENT/)
    const noKey = await runCli(['pins', 'list'], { ...env, PINDOWN_API_KEY: '' })
    assert.equal(noKey.code, 2)
    assert.match(noKey.stderr, /no API key/)
  })
})

describe('pins get, list, update, share, delete', async () => {
  test('a pin through its life', async () => {
    const id = (await runCli(['pins', 'create', '--title', 'Roadmap'], env, '# Q1\n')).stdout.trim()
    assert.match((await runCli(['pins', 'list'], env)).stdout, new RegExp(`${id}\\s+markdown\\s+.*Roadmap`))
    const updated = await runCli(['pins', 'update', id, '--tags', 'plan', '--if-match', '1'], env)
    assert.equal(updated.code, 0, updated.stderr)
    assert.match(updated.stdout, /version 2/)
    const stale = await runCli(['pins', 'update', id, '--title', 'Old', '--if-match', '1'], env)
    assert.equal(stale.code, 1)
    assert.match(stale.stderr, /VERSION_CONFLICT/)
    const fromJson = await runCli(['pins', 'update', id], env, JSON.stringify({ pin_layout: '2x2' }))
    assert.equal(fromJson.code, 0, fromJson.stderr)
    const shared = await runCli(['pins', 'share', id, '--public', '--comments'], env)
    assert.equal(shared.stdout.trim(), `Public at ${server.url}/share/pin/${id}`)
    const pin = json((await runCli(['pins', 'get', id, '--json'], env)).stdout)
    assert.equal(pin.pin_layout, '2x2')
    assert.equal(pin.allow_comments, true)
    assert.equal((await runCli(['pins', 'share', id, '--no-public'], env)).stdout.trim(), `${id} is private.`)
    assert.equal((await runCli(['pins', 'delete', id], env)).code, 0)
    const gone = await runCli(['pins', 'get', id], env)
    assert.equal(gone.code, 1)
    assert.match(gone.stderr, /NOT_FOUND/)
  })
})

test('pins invite, collaborators and uninvite: the link is printed once, the list shows who is invited', async () => {
  const id = (await runCli(['pins', 'create', '--title', 'Shared plan'], env, '# Plan\n')).stdout.trim()
  const invited = await runCli(['pins', 'invite', id, 'ann@example.com', '--role', 'editor', '--message', 'Hi'], env)
  assert.equal(invited.code, 0, invited.stderr)
  assert.match(invited.stdout, /sends no email/)
  assert.match(invited.stdout, new RegExp(`${server.url}/invite/[0-9A-Za-z]{43}`))
  const listed = await runCli(['pins', 'collaborators', id], env)
  assert.match(listed.stdout, /\(invited\)\s+editor\s+ann@example\.com/)
  assert.doesNotMatch(listed.stdout, /invite\//)
  const bad = await runCli(['pins', 'invite', id, 'bob@example.com', '--role', 'owner'], env)
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /editor or viewer/)
  assert.equal((await runCli(['pins', 'uninvite', id, 'ann@example.com'], env)).code, 0)
  assert.match((await runCli(['pins', 'collaborators', id], env)).stdout, /No one is invited/)
})

test('pins import: 120 files in 3 batches, with progress and a summary', async () => {
  const { key } = await server.newKey()
  const importDir = join(dir, 'import')
  mkdirSync(join(importDir, 'nested'), { recursive: true })
  for (let i = 0; i < 100; i++) writeFileSync(join(importDir, `note-${i}.md`), `# Note ${i}\n\nBody ${i}\n`)
  for (let i = 0; i < 19; i++) {
    const body = {
      pin_type: 'stat-cards',
      pin_config: { cards: [{ title: 'N', value: i }] },
      metadata: { title: `KPI ${i}` },
    }
    writeFileSync(join(importDir, 'nested', `kpi-${i}.json`), JSON.stringify(body))
  }
  writeFileSync(join(importDir, 'broken.json'), JSON.stringify({ pin_type: 'nope', metadata: { title: 'Broken' } }))
  writeFileSync(join(importDir, 'ignored.txt'), 'not a pin')

  const result = await runCli(['pins', 'import', importDir, '--tags', 'imported'], { ...env, PINDOWN_API_KEY: key })
  assert.equal(result.code, 1, 'one file failed')
  assert.match(result.stdout, /Imported 119 of 120 files in 3 batches\./)
  assert.match(result.stdout, /failed broken\.json: INVALID_PIN_TYPE/)
  assert.match(result.stderr, /Importing \[#+\] 120\/120/)
  const list = json((await runCli(['pins', 'list', '--all', '--json'], { ...env, PINDOWN_API_KEY: key })).stdout)
  assert.equal(list.length, 119)
  assert.ok(list.every((p: { metadata: { tags: string[] } }) => p.metadata.tags.includes('imported')))
})

test('pins watch prints each change live, as JSON lines with --json, and ends when the pin is deleted', async () => {
  const id = (await runCli(['pins', 'create', '--title', 'Live'], env, '# v1\n')).stdout.trim()
  const watching = startCli(['pins', 'watch', id, '--json'], env)
  await watching.stderrMatch(/Watching /)
  await runCli(['pins', 'update', id, '--title', 'Live v2'], env)
  await runCli(['pins', 'share', id, '--public'], env)
  await runCli(['pins', 'delete', id], env)
  const result = await watching.done
  assert.equal(result.code, 0, result.stderr)
  const events = result.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
  assert.deepEqual(
    events.map((e: { type: string }) => e.type),
    ['pin.updated', 'pin.shared', 'pin.deleted'],
  )
  assert.equal(events[0].pin.metadata.title, 'Live v2')
  assert.equal(events[1].pin.version, 3)
})

test('pins watch of a pin that does not exist fails with NOT_FOUND', async () => {
  const result = await runCli(['pins', 'watch', 'p-000000000000'], env)
  assert.equal(result.code, 1)
  assert.match(result.stderr, /NOT_FOUND/)
})

test('login checks the key and saves it; later commands use it', async () => {
  const config = { XDG_CONFIG_HOME: join(dir, 'login-config'), PINDOWN_BASE_URL: '', PINDOWN_API_KEY: '' }
  const bad = await runCli(['login', '--key', 'pk_live_wrong', '--base-url', server.url], config)
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /UNAUTHORIZED: Invalid API key/)
  const good = await runCli(['login', '--key', env.PINDOWN_API_KEY!, '--base-url', server.url], config)
  assert.equal(good.code, 0, good.stderr)
  const path = join(dir, 'login-config', 'pindown', 'config.json')
  assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), { apiKey: env.PINDOWN_API_KEY, baseUrl: server.url })
  assert.equal(statSync(path).mode & 0o777, 0o600)
  assert.equal((await runCli(['pins', 'list', '--json'], config)).code, 0)
})

test('every command has --help', async () => {
  for (const args of [['pins'], ['pins', 'create'], ['pins', 'import'], ['keys', 'create'], ['login']]) {
    const help = await runCli([...args, '--help'], {})
    assert.equal(help.code, 0)
    assert.match(help.stdout, /Usage: pindown/)
  }
})
