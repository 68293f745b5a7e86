import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { test } from 'node:test'
import { pinTypeIds } from '@pindown/pin-types'

test('every registered pin type has a renderer, and every renderer a type', async () => {
  const missing = pinTypeIds.filter((id) => !existsSync(new URL(`../src/renderers/${id}.ts`, import.meta.url)))
  assert.deepEqual(missing, [], `no renderer for ${missing.join(', ')}`)
  const { readdirSync } = await import('node:fs')
  const extra = readdirSync(new URL('../src/renderers/', import.meta.url))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .filter((id) => !(pinTypeIds as string[]).includes(id))
  assert.deepEqual(extra, [])
})
