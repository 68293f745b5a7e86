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

test('the registry holds exactly the ids of the spec, as many as its title says', () => {
  // The spec sits in shared/ beside the repository, in CI as on developers' machines.
  const spec = readFileSync(new URL('../../../../shared/spec/pin-types.md', import.meta.url), 'utf8')
  const ids = [...spec.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1])
  const count = Number(/^# The (\d+) pin types/m.exec(spec)?.[1])
  assert.equal(ids.length, count, `the spec's tables list ${ids.length} ids, its title says ${count}`)
  assert.deepEqual([...pinTypeIds].sort(), ids.sort())
})
