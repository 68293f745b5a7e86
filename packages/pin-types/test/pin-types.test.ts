import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { TypeCases } from '../src/cases.js'
import { pinTypeIds, pinTypes, validatePinConfig } from '../src/index.js'

async function casesOf(id: string): Promise<TypeCases> {
  return ((await import(`../src/types/${id}/cases.js`)) as { cases: TypeCases }).cases
}

for (const id of pinTypeIds) {
  describe(`pin type ${id}`, async () => {
    const def = pinTypes[id]
    const cases = await casesOf(id)

    test('every example validates', () => {
      for (const example of def.examples) {
        const result = validatePinConfig(id, example)
        assert.ok(result.ok, `example does not validate: ${JSON.stringify(!result.ok && result.issues)}`)
        assert.deepEqual(result.value, example, 'validation must not change a valid config')
      }
    })

    test('has the required kinds of invalid cases', () => {
      const kinds = new Set(cases.invalid.map((c) => c.kind))
      const emptyIsValid = validatePinConfig(id, {}).ok
      for (const kind of ['type', 'unknown-key', ...(emptyIsValid ? [] : ['missing'])] as const) {
        assert.ok(kinds.has(kind), `no invalid case of kind ${kind}`)
      }
    })

    for (const c of cases.invalid) {
      test(`rejects: ${c.why}`, () => {
        const result = validatePinConfig(id, c.config)
        assert.equal(result.ok, false, 'config should be invalid')
        if (result.ok) return
        const paths = result.issues.map((i) => i.path)
        assert.ok(paths.includes(c.path), `expected an issue at ${c.path}, got ${JSON.stringify(result.issues)}`)
      })
    }

    for (const c of cases.valid ?? []) {
      test(`accepts: ${c.why}`, () => {
        const result = validatePinConfig(id, c.config)
        assert.ok(result.ok, JSON.stringify(!result.ok && result.issues))
      })
    }
  })
}
