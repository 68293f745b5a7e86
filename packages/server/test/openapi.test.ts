import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pinTypeIds } from '@pindown/pin-types'
import { Validator } from '@seriousme/openapi-schema-validator'
import { openApiDocument } from '../src/openapi/openapi-document.js'

test('the OpenAPI document passes an OpenAPI 3.1 validator', async () => {
  const validator = new Validator()
  const result = await validator.validate(openApiDocument('http://127.0.0.1:4000'))
  assert.ok(result.valid, JSON.stringify(result.errors, null, 2))
  assert.equal(validator.version, '3.1')
})

test('it has a pin_config schema per type, picked by pin_type', () => {
  const doc = openApiDocument('http://127.0.0.1:4000') as {
    components: { schemas: Record<string, { oneOf?: { properties: { pin_type: { const: string } } }[] }> }
  }
  const variants = doc.components.schemas.PinTypeAndConfig!.oneOf!
  assert.deepEqual(
    variants.map((v) => v.properties.pin_type.const),
    pinTypeIds,
  )
  for (const id of pinTypeIds) {
    const name = `${id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}PinConfig`
    assert.equal((doc.components.schemas[name] as { type?: string }).type, 'object', name)
  }
})
