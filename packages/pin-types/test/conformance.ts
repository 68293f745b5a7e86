import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { z } from 'zod'
import type { InvalidCase, TypeCases } from '../src/cases.js'
import type { PinTypeDefinition } from '../src/define.js'
import { toIssues } from '../src/issues.js'

/** The checks every pin type folder must pass: examples, invalid cases with paths, valid cases. */
export function checkPinType(def: PinTypeDefinition, cases: TypeCases): void {
  const validate = (config: unknown) => {
    const result = def.schema.safeParse(config)
    return result.success
      ? { ok: true as const, value: result.data }
      : { ok: false as const, issues: toIssues(result.error, config) }
  }

  describe(`pin type ${def.id}`, () => {
    test('every example validates unchanged', () => {
      assert.ok(def.examples.length > 0)
      for (const example of def.examples) {
        const result = validate(example)
        assert.ok(result.ok, `example does not validate: ${JSON.stringify(!result.ok && result.issues)}`)
        assert.deepEqual(result.value, example, 'validation must not change a valid config')
      }
    })

    test('has a JSON Schema', () => {
      const schema = z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' })
      assert.equal(schema.type, 'object')
    })

    test('has the required kinds of invalid cases', () => {
      const kinds = new Set(cases.invalid.map((c) => c.kind))
      const emptyIsValid = validate({}).ok
      const required: InvalidCase['kind'][] = ['type', 'unknown-key', ...(emptyIsValid ? [] : ['missing' as const])]
      for (const kind of required) {
        assert.ok(kinds.has(kind), `no invalid case of kind ${kind}`)
      }
    })

    for (const c of cases.invalid) {
      test(`rejects (${c.kind}): ${c.why}`, () => {
        const result = validate(c.config)
        assert.equal(result.ok, false, 'config should be invalid')
        if (result.ok) return
        const paths = result.issues.map((i) => i.path)
        assert.ok(paths.includes(c.path), `expected an issue at ${c.path}, got ${JSON.stringify(result.issues)}`)
      })
    }

    for (const c of cases.valid ?? []) {
      test(`accepts: ${c.why}`, () => {
        const result = validate(c.config)
        assert.ok(result.ok, JSON.stringify(!result.ok && result.issues))
      })
    }
  })
}

export async function casesOf(id: string): Promise<TypeCases> {
  return ((await import(`../src/types/${id}/cases.js`)) as { cases: TypeCases }).cases
}
