import type { PinTypeDefinition } from './define.js'
import { pinTypes } from './generated/registry.js'

/** Every registered pin type, keyed by id. Adding a type: add its folder, then `npm run generate`. */
export { pinTypes }

export type PinTypeId = keyof typeof pinTypes
export type PinTypes = typeof pinTypes

export const pinTypeIds = Object.keys(pinTypes) as PinTypeId[]

export function isPinTypeId(id: unknown): id is PinTypeId {
  return typeof id === 'string' && Object.hasOwn(pinTypes, id)
}

export function getPinType(id: PinTypeId): PinTypeDefinition {
  return pinTypes[id]
}

/** `stat-cards` → `StatCardsPinConfig`: the name of the type's config in TypeScript and in OpenAPI. */
export function configSchemaName(id: string): string {
  return `${id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}PinConfig`
}
