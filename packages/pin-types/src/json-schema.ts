import { z } from 'zod'
import { configSchemaName, pinConfigRegistry, pinTypeIds } from './registry.js'

export type JsonSchema = Record<string, unknown>

let cached: Record<string, JsonSchema> | undefined

/** JSON Schema (draft 2020-12) of every type's `pin_config`, keyed by `<PascalCaseId>PinConfig`. */
export function pinConfigJsonSchemas(): Record<string, JsonSchema> {
  cached ??= z.toJSONSchema(pinConfigRegistry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas as Record<string, JsonSchema>
  return cached
}

/** The JSON Schema of one type's `pin_config`, self-contained (no `$ref` to other types). */
export function pinConfigJsonSchema(id: string): JsonSchema {
  const schema = pinConfigJsonSchemas()[configSchemaName(id)]
  if (!schema) throw new Error(`No JSON Schema for pin type ${id}`)
  return schema
}

export { pinTypeIds }
