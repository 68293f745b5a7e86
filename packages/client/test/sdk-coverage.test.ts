import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { PindownClient } from '@pindownai/client-js'
import { operations } from '../../server/src/operations/table.js'
import { startTestServer, type TestServer } from '../../server/test/harness.js'

/**
 * Every operation of the server's table is sent by the SDK method it names, or says why the SDK has
 * none. Each method is called against a live server through a fetch that notes what went out.
 */

let server: TestServer
let client: PindownClient
const sent: string[] = []

before(async () => {
  server = await startTestServer()
  const recording: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    sent.push(`${init?.method ?? 'GET'} ${url.pathname}`)
    return fetch(input, init)
  }
  client = new PindownClient({ apiKey: (await server.newKey()).key, baseUrl: server.url, fetch: recording })
})
after(() => server.close())

const newPin = async () => (await client.pins.create({ metadata: { title: 'Covered' } })).id

/** How to call each SDK method once; the test fails for a method named in the table but missing here. */
const calls: Record<string, () => Promise<unknown>> = {
  'pins.create': () => client.pins.create({ metadata: { title: 'New' } }),
  'pins.list': () => client.pins.list(),
  'pins.get': async () => client.pins.get(await newPin()),
  'pins.update': async () => client.pins.update(await newPin(), { metadata: { title: 'Changed' } }),
  'pins.delete': async () => client.pins.delete(await newPin()),
  'pins.share': async () => client.pins.share(await newPin(), { is_public: true }),
  'pins.watch': async () => {
    const id = await newPin()
    const watcher = client.pins.watch(id, () => {})
    await client.pins.delete(id)
    await watcher.done
  },
  'pins.batch.create': () => client.pins.batch.create([{ metadata: { title: 'B' } }]),
  'pins.batch.get': async () => client.pins.batch.get([await newPin()]),
  'pins.batch.update': async () => client.pins.batch.update([{ id: await newPin(), is_public: true }]),
  'pins.batch.delete': async () => client.pins.batch.delete([await newPin()]),
  'pins.inviteCollaborator': async () =>
    client.pins.inviteCollaborator(await newPin(), { email: 'ann@example.com', role: 'viewer' }),
  'pins.listCollaborators': async () => client.pins.listCollaborators(await newPin()),
  'pins.updateCollaborator': async () => {
    // No one accepts an invite here (that takes a browser): a user id that is not on the pin is a 404.
    await assert.rejects(client.pins.updateCollaborator(await newPin(), 'usr_000000000000', { role: 'editor' }), {
      name: 'NotFoundError',
    })
  },
  'pins.removeCollaborator': async () => {
    const id = await newPin()
    await client.pins.inviteCollaborator(id, { email: 'ann@example.com', role: 'viewer' })
    return client.pins.removeCollaborator(id, 'ann@example.com')
  },
  'pins.getPermissions': async () => client.pins.getPermissions(await newPin()),
  'pins.comments.list': async () => client.pins.comments.list(await commentedPin()),
  'pins.comments.create': async () => client.pins.comments.create(await commentedPin(), { body: 'Looks right' }),
  'pins.comments.update': async () => {
    const id = await commentedPin()
    const comment = await client.pins.comments.create(id, { body: 'Looks rigth' })
    return client.pins.comments.update(id, comment.id, { body: 'Looks right' })
  },
  'pins.comments.delete': async () => {
    const id = await commentedPin()
    return client.pins.comments.delete(id, (await client.pins.comments.create(id, { body: 'Oops' })).id)
  },
}

async function commentedPin(): Promise<string> {
  return (await client.pins.create({ metadata: { title: 'Discussed' }, allow_comments: true })).id
}

/** `client.pins.batch.get` from `pins.batch.get`. */
function methodAt(path: string): unknown {
  let value: unknown = client
  for (const name of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[name]
  return value
}

for (const op of operations) {
  const { sdk } = op
  if ('none' in sdk) {
    test(`${op.method} ${op.path} is left out of the SDK with a reason`, () => {
      assert.ok(sdk.none.length > 10, op.id)
    })
    continue
  }
  test(`${op.method} ${op.path} is sent by client.${sdk.method}`, async () => {
    assert.equal(typeof methodAt(sdk.method), 'function', `client.${sdk.method} does not exist`)
    const call = calls[sdk.method]
    assert.ok(call, `sdk-coverage.test.ts has no call for client.${sdk.method}: add one`)
    sent.length = 0
    await call()
    const pattern = new RegExp(`^${op.method} ${op.path.replace(/:\w+/g, '[^/]+')}$`)
    assert.ok(
      sent.some((request) => pattern.test(request)),
      `client.${sdk.method} sent ${sent.join(', ')}, not ${op.method} ${op.path}`,
    )
  })
}
