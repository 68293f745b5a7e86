import { getPinType, isPinTypeId, type PinTypeId, pinConfigJsonSchema, pinTypeIds } from '@pindown/pin-types'
import { z } from 'zod'
import { ok } from '../envelope.js'
import { ApiError } from '../errors.js'
import { operation } from './operation.js'

/** The registry, for tools and agents: ids, categories, JSON Schemas and an example each. No key needed. */

function describe(id: PinTypeId) {
  const def = getPinType(id)
  return { id, category: def.category, purpose: def.purpose, schema: pinConfigJsonSchema(id), example: def.examples[0] }
}

const pinTypeAnswer = z.object({
  id: z.enum(pinTypeIds),
  category: z.string(),
  purpose: z.string(),
  schema: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema of the pin_config' }),
  example: z.record(z.string(), z.unknown()).meta({ description: 'A valid pin_config' }),
})

let list: ReturnType<typeof ok> | undefined

export const listPinTypes = operation({
  id: 'listPinTypes',
  method: 'GET',
  path: '/v1/pin-types',
  summary: 'The pin types with their JSON Schemas and an example each',
  access: { public: true },
  answer: {
    kind: 'envelope',
    status: 200,
    data: z.object({ items: z.array(pinTypeAnswer), total: z.number().int() }),
  },
  errors: [],
  sdk: { none: 'the SDK carries the pin types as TypeScript types; agents read them over HTTP or MCP' },
  handler() {
    if (!list) {
      const items = pinTypeIds.map(describe)
      list = ok({ items, total: items.length })
    }
    return list
  },
})

export const getPinTypeOperation = operation({
  id: 'getPinType',
  method: 'GET',
  path: '/v1/pin-types/:id',
  summary: 'One pin type: its JSON Schema and an example',
  access: { public: true },
  params: z.object({ id: z.string().meta({ description: 'A pin type id', example: 'stat-cards' }) }),
  answer: { kind: 'envelope', status: 200, data: pinTypeAnswer },
  errors: ['NOT_FOUND'],
  sdk: { none: 'the SDK carries the pin types as TypeScript types; agents read them over HTTP or MCP' },
  handler(_context, { params }) {
    if (!isPinTypeId(params.id))
      throw new ApiError('NOT_FOUND', `No pin type "${params.id}": GET /v1/pin-types lists them`)
    return ok(describe(params.id))
  },
})
