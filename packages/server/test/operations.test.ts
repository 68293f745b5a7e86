import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, test } from 'node:test'
import { openStore } from '@pindown/store'
import { apiDocPath } from '../scripts/generate.js'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { errorCatalogue } from '../src/errors.js'
import { errorsOf, openApiDocument, openApiPath } from '../src/openapi/openapi-document.js'
import { withEndpointTable } from '../src/operations/endpoint-table.js'
import { isKeyed, isSessionAccess } from '../src/operations/operation.js'
import { operations } from '../src/operations/table.js'
import { accountPageErrors } from '../src/people/accounts.js'
import { startTestServer, type TestServer } from './harness.js'

let t: TestServer
before(async () => {
  t = await startTestServer()
})
after(() => t.close())

test('every operation of the table is served, and nothing else under /v1', () => {
  for (const op of operations) {
    assert.ok(t.server.app.hasRoute({ method: op.method, url: op.path }), `${op.method} ${op.path} is not served`)
  }
  const ids = operations.map((op) => op.id)
  assert.equal(new Set(ids).size, ids.length, 'operation ids are unique')
  const routes = operations.map((op) => `${op.method} ${op.path}`)
  assert.equal(new Set(routes).size, routes.length, 'each method and path is declared once')
})

test('a /v1 route registered outside the table stops the app from being built', async () => {
  const store = await openStore({ url: 'sqlite::memory:' })
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), store })
  assert.throws(() => app.get('/v1/rogue', async () => 'public by accident'), /not in the operations table/)
  await app.close()
  await store.close()
})

test('path parameters and their schemas name the same fields', () => {
  for (const op of operations) {
    const inPath = [...op.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort()
    const declared = Object.keys(op.params?.shape ?? {}).sort()
    assert.deepEqual(declared, inPath, `${op.method} ${op.path}`)
  }
})

test('the OpenAPI document has every operation, with its scope and error codes', () => {
  const doc = openApiDocument('http://127.0.0.1:4000') as {
    paths: Record<string, Record<string, { operationId: string; security: unknown[]; responses: object }>>
  }
  const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  )
  assert.deepEqual(documented.sort(), operations.map((op) => `${op.method} ${openApiPath(op.path)}`).sort())
  for (const op of operations) {
    const described = doc.paths[openApiPath(op.path)]![op.method.toLowerCase()]!
    assert.equal(described.operationId, op.id)
    const session = op.method === 'GET' ? { session: [] } : { session: [], csrf: [] }
    const security = isKeyed(op.access)
      ? [
          { apiKey: [op.access.scope] },
          // Pin operations a page calls for its reader take a session too; a public thread, nothing at all.
          ...(op.access.people ? [session] : []),
          ...(op.access.people === 'anyone' ? [{}] : []),
        ]
      : isSessionAccess(op.access)
        ? [session]
        : []
    assert.deepEqual(described.security, security)
    for (const code of errorsOf(op)) {
      assert.ok(String(errorCatalogue[code].status) in described.responses, `${op.id} documents ${code}`)
    }
  }
  const events = doc.paths['/v1/pins/{pinId}/events']!.get! as unknown as {
    responses: { 200: { content: Record<string, unknown> } }
  }
  assert.deepEqual(Object.keys(events.responses[200].content), ['text/event-stream'])
})

test('every error code of the catalogue is answered by some operation or the account pages', () => {
  const answered = new Set([...operations.flatMap(errorsOf), ...accountPageErrors])
  assert.deepEqual(
    Object.keys(errorCatalogue).filter((code) => !answered.has(code as keyof typeof errorCatalogue)),
    [],
  )
})

test("docs/api.md's endpoint table is the one the table generates (npm run generate)", () => {
  const doc = readFileSync(apiDocPath, 'utf8')
  assert.equal(doc, withEndpointTable(doc, operations), 'docs/api.md is stale: run npm run generate')
})
