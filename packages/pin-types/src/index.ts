export { bounds } from './bounds.js'
export type {
  MarkdownPinConfig,
  PinConfigByType,
  StatCardsPinConfig,
  TablePinConfig,
  TextMediaPinConfig,
} from './config-types.js'
export { type Category, categories, definePinType, type PinTypeDefinition } from './define.js'
export { formatPath, toIssues, type ValidationIssue } from './issues.js'
export { type JsonSchema, pinConfigJsonSchema, pinConfigJsonSchemas } from './json-schema.js'
export {
  configSchemaName,
  getPinType,
  isPinTypeId,
  type PinTypeId,
  pinConfigRegistry,
  pinTypeIds,
  pinTypes,
} from './registry.js'
export { type ConfigResult, validatePinConfig } from './validate.js'
