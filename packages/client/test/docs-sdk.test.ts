// Runs every TypeScript block of docs/sdk.md against a live server: the docs cannot drift from the SDK.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { startTestServer, type TestServer } from '../../server/test/harness.js'

const docs = readFileSync(fileURLToPath(new URL('../../../docs/sdk.md', import.meta.url)), 'utf8')
const blocks = [...docs.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!)
const scratch = fileURLToPath(new URL('./.docs-sdk/', import.meta.url))

let server: TestServer
before(async () => {
  server = await startTestServer()
  process.env.PINDOWN_API_KEY = (await server.newKey()).key
  process.env.PINDOWN_BASE_URL = server.url
  mkdirSync(scratch, { recursive: true })
})
after(async () => {
  await server.close()
  rmSync(scratch, { recursive: true, force: true })
})

test('docs/sdk.md has examples', () => assert.ok(blocks.length >= 5))

blocks.forEach((code, i) => {
  const title = code.split('\n').find((l) => l && !l.startsWith('import'))
  test(`docs/sdk.md example ${i + 1}: ${title}`, async () => {
    // A module of its own next to the tests, so its imports resolve like a user's would.
    const file = join(scratch, `example-${i + 1}.ts`)
    writeFileSync(file, `${code}\nexport {}\n`)
    const logged: unknown[][] = []
    const log = console.log
    console.log = (...args: unknown[]) => logged.push(args)
    try {
      await import(file)
    } finally {
      console.log = log
    }
    assert.ok(logged.length > 0, 'each example prints what it shows')
  })
})
