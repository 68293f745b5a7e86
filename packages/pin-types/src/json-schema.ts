import { z } from 'zod'
import { configSchemaName, type PinTypeId, pinTypeIds, pinTypes } from './registry.js'

export type JsonSchema = Record<string, unknown>

/**
 * JSON Schema (draft 2020-12) of what a config schema accepts, self-contained. Types are converted one
 * by one rather than through one registry-wide call, because two ids may share one schema
 * (`flexible-table` is `table`), and a zod registry keys its entries by schema.
 */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  })
  return rest
}

const cache = new Map<PinTypeId, JsonSchema>()

/** The JSON Schema of one type's `pin_config`. */
export function pinConfigJsonSchema(id: PinTypeId): JsonSchema {
  let schema = cache.get(id)
  if (!schema) {
    schema = inputJsonSchema(pinTypes[id].schema)
    cache.set(id, schema)
  }
  return schema
}

/** Every type's config schema, keyed by `<PascalCaseId>PinConfig` (the OpenAPI component names). */
export function pinConfigJsonSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(pinTypeIds.map((id) => [configSchemaName(id), pinConfigJsonSchema(id)]))
}
