import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { generatedFiles, loadDefinitions } from '../scripts/generate.js'
import { pinTypeIds } from '../src/index.js'

test('the registry, config types and docs/pin-types.md are up to date with the type folders', async () => {
  for (const [path, expected] of Object.entries(await generatedFiles())) {
    assert.equal(readFileSync(path, 'utf8'), expected, `${path} is stale: run npm run generate`)
  }
})

test('every type folder is registered, and nothing else', async () => {
  const folders = (await loadDefinitions()).map((d) => d.id)
  assert.deepEqual([...pinTypeIds].sort(), folders.sort())
})
