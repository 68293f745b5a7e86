import { z } from 'zod'
import type { PinTypeDefinition } from './define.js'
import { markdown } from './types/markdown/index.js'
import { statCards } from './types/stat-cards/index.js'
import { table } from './types/table/index.js'
import { textMedia } from './types/text-media/index.js'

/** Every registered pin type, keyed by id. Adding a type means adding its folder and one line here. */
export const pinTypes = {
  markdown,
  'text-media': textMedia,
  'stat-cards': statCards,
  table,
} as const

export type PinTypeId = keyof typeof pinTypes
export type PinTypes = typeof pinTypes

export const pinTypeIds = Object.keys(pinTypes) as PinTypeId[]

export function isPinTypeId(id: unknown): id is PinTypeId {
  return typeof id === 'string' && Object.hasOwn(pinTypes, id)
}

export function getPinType(id: PinTypeId): PinTypeDefinition {
  return pinTypes[id]
}

/** The zod registry of `pin_config` schemas, used to emit all JSON Schemas in one call. */
export const pinConfigRegistry = z.registry<{ id: string; title: string; description: string }>()
for (const id of pinTypeIds) {
  const def: PinTypeDefinition = pinTypes[id]
  pinConfigRegistry.add(def.schema, { id: configSchemaName(id), title: def.id, description: def.purpose })
}

/** `stat-cards` → `StatCardsPinConfig`: the name of the type's config in TypeScript and in OpenAPI. */
export function configSchemaName(id: string): string {
  return `${id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}PinConfig`
}
