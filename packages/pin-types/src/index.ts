export { bounds } from './bounds.js'
export type { InvalidCase, TypeCases, ValidCase } from './cases.js'
export type { PinConfigByType, TypedPinConfig } from './config-types.js'
export { type Category, categories, definePinType, type PinTypeDefinition } from './define.js'
export type * from './generated/config-types.js'
export { formatPath, toIssues, type ValidationIssue } from './issues.js'
export { inputJsonSchema, type JsonSchema, pinConfigJsonSchema, pinConfigJsonSchemas } from './json-schema.js'
export { type JsonShapeLimits, jsonShapeIssue } from './json-shape.js'
export {
  type DataType,
  dataTypes,
  type InviteRole,
  inviteRoles,
  type PinLayout,
  pinLayouts,
} from './pin-values.js'
export { configSchemaName, getPinType, isPinTypeId, type PinTypeId, pinTypeIds, pinTypes } from './registry.js'
export { type ConfigResult, safely, validatePinConfig } from './validate.js'
