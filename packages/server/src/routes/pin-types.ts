import { getPinType, isPinTypeId, pinConfigJsonSchema, pinTypeIds } from '@pindown/pin-types'
import type { FastifyInstance } from 'fastify'
import { ok } from '../envelope.js'
import { ApiError } from '../errors.js'

function describe(id: (typeof pinTypeIds)[number]) {
  const def = getPinType(id)
  return { id, category: def.category, purpose: def.purpose, schema: pinConfigJsonSchema(id), example: def.examples[0] }
}

/** The registry, for tools and agents: ids, categories, JSON Schemas and an example each. No key needed. */
export async function pinTypeRoutes(app: FastifyInstance): Promise<void> {
  const items = pinTypeIds.map(describe)
  const list = ok({ items, total: items.length })

  app.get('/v1/pin-types', async () => list)

  app.get<{ Params: { id: string } }>('/v1/pin-types/:id', async (request) => {
    const { id } = request.params
    if (!isPinTypeId(id)) throw new ApiError('NOT_FOUND', `No pin type "${id}": GET /v1/pin-types lists them`)
    return ok(describe(id))
  })
}
