import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { after, before, test } from 'node:test'
import { scopes } from '@pindown/store'
import fc from 'fast-check'
import { errorCatalogue } from '../src/errors.js'
import { operations } from '../src/operations/table.js'
import { newToken, sha256 } from '../src/people/secrets.js'
import {
  type Auth,
  describeWire,
  type FuzzRequest,
  type FuzzWorld,
  fuzzRequest,
  PinRef,
  type Resolver,
  toWire,
  validBodies,
  type Wire,
} from './fuzz-arbitraries.js'
import { startTestServer, type TestServer, titled } from './harness.js'

/**
 * Fuzzing over every operation of the table: FUZZ_RUNS generated requests (20,000 by default), FUZZ_LANES
 * at a time, from FUZZ_SEED (random unless given, fixed under CI; printed). Every answer must be below 500, JSON, and the
 * envelope: a catalogued code at its catalogued status when it fails, `success: true` when it succeeds
 * (or the OpenAPI document, or an event stream). Pins of a workspace whose key the fuzzer never holds
 * must come out unchanged, the server must still answer, and no event stream may outlive its connection.
 * A failure prints the shrunk request; FUZZ_REPLAY=<seed>:<path> from its report runs that lane again.
 * FUZZ_DEPTH (10,001: just past the body bound) is the deepest nesting sent in a body.
 */

const runs = Number(process.env.FUZZ_RUNS ?? 20_000)
const lanes = Number(process.env.FUZZ_LANES ?? 8)
// CI replays one fixed seed, so that a submission's result does not depend on luck; elsewhere (and in
// `npm run verify`) each run explores new requests, and prints its seed to replay a failure.
const seed = Number(process.env.FUZZ_SEED ?? (process.env.CI ? 20_261_201 : Math.floor(Math.random() * 2 ** 31)))
const replay = process.env.FUZZ_REPLAY
const deepest = Number(process.env.FUZZ_DEPTH ?? 10_001)

const unlimited = '100000000'
const maxStreams = 32
const secret = `sentinel-${randomUUID()}`

let t: TestServer
let world: FuzzWorld
const keys: Record<string, string> = {}
const pools: Record<PinRef['pool'], string[]> = { own: [], other: [], sentinel: [] }
/** Sentinel pins anyone may read from a page: a browser session (or no credentials) may see them, never change them. */
const publicSentinels = new Set<string>()
/** Each sentinel pin as first read: nothing the fuzzer sends may change it. */
const sentinels = new Map<string, unknown>()

before(async () => {
  t = await startTestServer({
    RATE_LIMIT_READS: unlimited,
    RATE_LIMIT_BATCH_READS: unlimited,
    RATE_LIMIT_WRITES: unlimited,
    RATE_LIMIT_PUBLIC: unlimited,
    RATE_LIMIT_AUTH_FAILURES: unlimited,
    // Few, so that streams outliving their connections show: see the last check.
    EVENT_STREAMS_MAX: String(maxStreams),
    // A 500 logs its stack: the one line worth seeing when this suite fails.
    LOG_LEVEL: 'error',
  })
  const main = await t.newKey()
  keys.main = main.key
  for (const scope of scopes) keys[`no ${scope}`] = (await t.newKey(without(scope), main.workspaceId)).key
  keys.other = (await t.newKey()).key
  keys.sentinel = (await t.newKey()).key

  const types = await t.request('GET', '/v1/pin-types')
  world = {
    deepest,
    examples: new Map(types.body.data.items.map((item: { id: string; example: object }) => [item.id, item.example])),
  }
  const typeIds = [...world.examples.keys()]
  const pinOf = (i: number, label: string) => ({
    // A third are public: see `publicSentinels`.
    ...titled(`${label} ${i}`, {
      pin_type: typeIds[i % typeIds.length],
      is_public: i % 3 === 0,
      allow_comments: i % 2 === 0,
    }),
    pin_config: world.examples.get(typeIds[i % typeIds.length]!),
    ...(i % 4 === 0 && { pending_invites: { 'ann@example.com': 'viewer' } }),
  })
  const create = async (key: string, body: object) => {
    const answer = await t.request('POST', '/v1/pins', { key, body })
    assert.equal(answer.status, 201, JSON.stringify(answer.body))
    return answer.body.data.id as string
  }
  for (let i = 0; i < 12; i++) {
    const id = await create(keys.sentinel, pinOf(i * 5, secret))
    pools.sentinel.push(id)
    if ((i * 5) % 3 === 0) publicSentinels.add(id)
  }
  for (const id of pools.sentinel)
    sentinels.set(id, (await t.request('GET', `/v1/pins/${id}`, { key: keys.sentinel })).body)
  for (let i = 0; i < 30; i++) pools.own.push(await create(keys.main, pinOf(i, 'Own')))
  await startSession(main.workspaceId)
  for (let i = 0; i < 5; i++) pools.other.push(await create(keys.other, pinOf(i, 'Other')))
})
after(() => t.close())

const without = (scope: string) => scopes.filter((s) => s !== scope)

/** The workspace owner's browser session, for the web app's operations; revived when the fuzzer ends it. */
const session = { headers: {} as Record<string, string>, revive: async () => {} }

async function startSession(workspaceId: string): Promise<void> {
  const people = t.server.store.people
  const now = Date.now()
  const user = { id: 'usr_fuzzowner001', email: 'owner@fuzz.example', name: 'Owner', passwordHash: null }
  await people.createUser({ ...user, emailVerified: true, createdAt: now }, { workspaceId, role: 'owner' })
  const token = newToken()
  const record = {
    id: 'ses_fuzzsession1',
    userId: user.id,
    tokenHash: sha256(token),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + 86_400_000,
    userAgent: 'fuzz',
  }
  await people.createSession(record)
  session.revive = () => people.createSession(record).catch(() => {})
  const me = await fetch(`${t.url}/v1/me`, { headers: { cookie: `pindown_session=${token}` } })
  const csrf = ((await me.json()) as { data: { csrf_token: string } }).data.csrf_token
  const secret = me.headers
    .getSetCookie()
    .find((c) => c.startsWith('pindown_csrf='))!
    .split(';')[0]
  session.headers = { cookie: `pindown_session=${token}; ${secret}`, origin: t.url, 'x-csrf-token': csrf }
}

test('every operation that takes a body has a valid-ish body to start from', () => {
  const bodies = validBodies({ examples: new Map([['markdown', {}]]), deepest })
  assert.deepEqual(
    operations.filter((op) => op.body && !bodies[op.id]).map((op) => op.id),
    [],
  )
})

// --- sending -----------------------------------------------------------------------------------------------

interface Reply {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly text: string
  /** An event stream: only its status and headers were read. */
  readonly stream: boolean
}

const agent = new Agent({ keepAlive: true, maxSockets: lanes })

function send(wire: Wire): Promise<Reply> {
  const { hostname, port } = new URL(t.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: hostname,
      port,
      method: wire.method,
      path: wire.path,
      headers: wire.headers,
      agent,
    })
    const timer = setTimeout(() => req.destroy(new Error('no answer within 15 s')), 15_000)
    req.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    req.on('response', (res) => {
      const reply = { status: res.statusCode ?? 0, headers: res.headers }
      res.on('error', () => {})
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        clearTimeout(timer)
        resolve({ ...reply, text: '', stream: true })
        req.destroy()
        return
      }
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        clearTimeout(timer)
        resolve({ ...reply, text: Buffer.concat(chunks).toString('utf8'), stream: false })
      })
    })
    req.end(wire.body)
  })
}

const resolver: Resolver = {
  pin(ref) {
    const pool = pools[ref.pool]
    return pool[ref.index % pool.length] ?? 'p-000000000000'
  },
  authorization(auth: Auth) {
    if (auth === 'none' || auth === 'session') return undefined
    if (typeof auth === 'string') return `Bearer ${keys[auth]}`
    return auth.raw.replaceAll('{main}', keys.main!)
  },
  session: () => session.headers,
}

// --- checking ----------------------------------------------------------------------------------------------

const clip = (text: string, max = 600) => (text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`)

// biome-ignore lint/suspicious/noExplicitAny: answers are arbitrary JSON, checked field by field
function problemWith(request: FuzzRequest, wire: Wire, reply: Reply, body: any): string | undefined {
  if (reply.status === 503) return 'answered 503: the event streams are full, so streams outlived their connections'
  if (reply.status >= 500) return `answered ${reply.status}`
  const sentinelsInPath = request.segments.flatMap((s) =>
    s instanceof PinRef && s.pool === 'sentinel' ? [pools.sentinel[s.index % pools.sentinel.length]!] : [],
  )
  // A public pin of another workspace is open to anyone reading it from a page, and to their comments;
  // nothing else of it.
  const readsPublicPage =
    (request.auth === 'session' || request.auth === 'none') &&
    (request.method === 'GET' || /Comment$/.test(request.op.id)) &&
    sentinelsInPath.length > 0 &&
    sentinelsInPath.every((id) => publicSentinels.has(id))
  if (readsPublicPage && /pending_invites|is_public/.test(reply.text)) return 'a page read shows sharing settings'
  if (reply.text.includes(secret) && !readsPublicPage)
    return "the answer shows a sentinel pin, which belongs to a workspace the key can't reach"
  if (sentinelsInPath.length > 0 && reply.status < 300 && !readsPublicPage)
    return `a pin of another workspace answered ${reply.status}`
  if (reply.stream) return reply.status === 200 ? undefined : `an event stream with status ${reply.status}`
  if (body === undefined) return 'the answer is not JSON'
  if (!String(reply.headers['content-type']).startsWith('application/json')) {
    return `the answer is JSON sent as ${reply.headers['content-type']}`
  }
  if (reply.status >= 400) {
    if (body?.success !== false) return 'an error answer without `success: false`'
    const { code, message } = body.error ?? {}
    if (typeof code !== 'string' || !Object.hasOwn(errorCatalogue, code))
      return `error code ${code} is not in the catalogue`
    const expected = errorCatalogue[code as keyof typeof errorCatalogue].status
    if (expected !== reply.status) return `${code} answered ${reply.status}; the catalogue says ${expected}`
    if (typeof message !== 'string' || message === '') return 'an error without a message'
    return undefined
  }
  if (reply.status < 200 || reply.status >= 300) return `answered ${reply.status}`
  if (body?.success === true && 'data' in body) return undefined
  const document = wire.path.split('?')[0] === '/v1/openapi.json' && typeof body?.openapi === 'string'
  if (document) return undefined
  return request.op.answer.kind === 'envelope' && request.method === request.op.method
    ? `${request.op.id} answers the envelope, but this 2xx is not \`success: true\` with data`
    : 'a 2xx that is neither the envelope nor the OpenAPI document'
}

/** Keeps the pool of the fuzzed workspace's pins current: the pins it created, less those it deleted. */
// biome-ignore lint/suspicious/noExplicitAny: answers are arbitrary JSON
function follow(request: FuzzRequest, body: any): void {
  if (request.auth !== 'main' && !(typeof request.auth === 'string' && request.auth.startsWith('no '))) return
  const data = body?.success === true ? body.data : undefined
  if (!data || typeof data !== 'object') return
  const own = pools.own
  const drop = (id: unknown) => {
    const at = own.indexOf(id as string)
    if (at >= 0) own.splice(at, 1)
  }
  if (request.method === 'POST' && typeof data.id === 'string' && data.created_at !== undefined) own.push(data.id)
  if (Array.isArray(data.created)) for (const item of data.created) own.push(item.id)
  if (data.deleted === true) drop(data.id)
  if (Array.isArray(data.deleted)) data.deleted.forEach(drop)
  if (own.length > 300) own.splice(0, own.length - 300)
}

/** An error whose report is its message alone: the stack of a fuzzing run says nothing about the server. */
function failure(message: string): Error {
  const error = new Error(message)
  error.stack = `Error: ${message}`
  return error
}

// --- the run -----------------------------------------------------------------------------------------------

test(`fuzzing: ${runs.toLocaleString('en')} generated requests over every operation of the table`, async () => {
  let sent = 0
  const tally = new Map<string, number>()
  const property = async (request: FuzzRequest) => {
    const wire = toWire(request, resolver)
    let reply: Reply
    try {
      reply = await send(wire)
    } catch (error) {
      throw failure(`no answer (${(error as Error).message})\n  sent: ${describeWire(wire)}`)
    } finally {
      sent++
    }
    let body: unknown
    try {
      body = reply.text === '' ? undefined : JSON.parse(reply.text)
    } catch {}
    // biome-ignore lint/suspicious/noExplicitAny: a tally of what came back
    const code = (body as any)?.error?.code
    const label = `${reply.status}${typeof code === 'string' ? ` ${code}` : ''}`
    tally.set(label, (tally.get(label) ?? 0) + 1)
    follow(request, body)
    // Signing out (everywhere) is fair game; the next session request finds the session back.
    if (request.auth === 'session' && request.op.method !== 'GET') await session.revive()
    const problem = problemWith(request, wire, reply, body)
    if (problem)
      throw failure(`${problem}\n  sent: ${describeWire(wire)}\n  answer: ${reply.status} ${clip(reply.text)}`)
  }

  const arbitrary = fuzzRequest(operations, world)
  const started = performance.now()
  const plans = replay
    ? [{ seed: Number(replay.split(':')[0]), path: replay.split(':').slice(1).join(':'), numRuns: runs }]
    : Array.from({ length: lanes }, (_, lane) => ({ seed: seed + lane, numRuns: Math.ceil(runs / lanes) }))
  const results = await Promise.allSettled(
    plans.map((plan) => fc.assert(fc.asyncProperty(arbitrary, property), { ...plan, includeErrorInReport: true })),
  )
  const seconds = (performance.now() - started) / 1000
  const answers = [...tally].sort(([a], [b]) => a.localeCompare(b)).map(([label, n]) => `${label} ×${n}`)
  console.log(
    `# fuzz: ${sent} requests over ${operations.length} operations in ${seconds.toFixed(1)} s ` +
      `(${Math.round(sent / seconds)}/s, ${plans.length} at a time, seed ${replay ?? seed})\n# answers: ${answers.join(', ')}`,
  )
  const failures = results.flatMap((r, lane) =>
    r.status === 'rejected' ? [`lane ${lane} (seed ${plans[lane]!.seed}): ${(r.reason as Error).message}`] : [],
  )
  assert.equal(failures.length, 0, `fuzzing found ${failures.length} failing lane(s):\n\n${failures.join('\n\n')}`)

  // The sentinels: every pin as it was, and no pin more or less in their workspace.
  for (const [id, before] of sentinels) {
    const now = await t.request('GET', `/v1/pins/${id}`, { key: keys.sentinel })
    assert.deepEqual(now.body, before, `sentinel pin ${id} changed`)
  }
  const list = await t.request('GET', '/v1/pins?limit=100', { key: keys.sentinel })
  assert.equal(list.body.data.total, sentinels.size)
  // Still serving, with every event stream the fuzzer opened closed again: as many open at once as allowed.
  assert.equal((await t.request('GET', '/v1/pins', { key: keys.main })).status, 200)
  assert.equal((await t.request('GET', '/v1/pin-types/markdown')).status, 200)
  await new Promise((resolve) => setTimeout(resolve, 200))
  const refused = (await openStreams(maxStreams)).filter((status) => status !== 200)
  assert.deepEqual(
    refused,
    [],
    `${refused.length} of ${maxStreams} event streams could not open: as many streams the fuzzer opened outlived their connections`,
  )
})

/** Opens `count` event streams at once on a pin of the fuzzed workspace; answers their statuses, then closes them. */
async function openStreams(count: number): Promise<number[]> {
  const pinId = (await t.request('POST', '/v1/pins', { key: keys.main, body: titled('Streams') })).body.data.id
  const { hostname, port } = new URL(t.url)
  const requests: ReturnType<typeof httpRequest>[] = []
  const statuses = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<number>((resolve, reject) => {
          const headers = { authorization: `Bearer ${keys.main}` }
          const req = httpRequest({ host: hostname, port, path: `/v1/pins/${pinId}/events`, headers, agent: false })
          req
            .on('response', (res) => resolve(res.statusCode ?? 0))
            .on('error', reject)
            .end()
          requests.push(req)
        }),
    ),
  )
  for (const req of requests) req.destroy()
  return statuses
}

after(() => {
  agent.destroy()
  // A stream that outlives its connection keeps its keep-alive timer, and so this process, running. The
  // check above has failed by then: end the process rather than wait out the test runner's timeout.
  setTimeout(() => process.exit(), 10_000).unref()
})
