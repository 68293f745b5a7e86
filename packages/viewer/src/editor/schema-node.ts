/**
 * The parts of JSON Schema (draft 2020-12, as `pinConfigJsonSchema` writes it) that the edit form reads,
 * and the one kind of field each schema node becomes.
 */

export interface SchemaNode {
  type?: string
  description?: string
  properties?: Record<string, SchemaNode>
  required?: string[]
  additionalProperties?: boolean | SchemaNode
  propertyNames?: SchemaNode
  items?: SchemaNode
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  enum?: unknown[]
  anyOf?: SchemaNode[]
  $ref?: string
  $defs?: Record<string, SchemaNode>
  /** Set by the `color()` and `date()` fields of `@pindown/pin-types`: which picker to offer beside the text. */
  'x-input'?: 'color' | 'date'
}

export type Shape =
  | { kind: 'object'; properties: [string, SchemaNode][]; required: ReadonlySet<string> }
  | { kind: 'record'; value: SchemaNode }
  | { kind: 'array'; items: SchemaNode; minItems: number; maxItems: number }
  | { kind: 'enum'; options: readonly unknown[] }
  | { kind: 'string'; multiline: boolean; picker: 'color' | 'date' | undefined }
  | { kind: 'number'; integer: boolean; min: number | undefined; max: number | undefined }
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'union'; branches: readonly SchemaNode[] }
  /** Free-form JSON (`z.json()`, a `$ref` into `$defs`, or a schema that says nothing): edited as text. */
  | { kind: 'json' }

// Longer strings (markdown, code, CSV) get a text area; so does any value that already spans lines.
const singleLineLimit = 1000

export function shapeOf(node: SchemaNode): Shape {
  if (node.$ref !== undefined) return { kind: 'json' }
  if (node.enum) return { kind: 'enum', options: node.enum }
  if (node.anyOf) {
    // z.json(): a union that nests arrays and objects of itself.
    const nests = node.anyOf.some((branch) => branch.type === 'array' || branch.type === 'object' || branch.$ref)
    return nests ? { kind: 'json' } : { kind: 'union', branches: node.anyOf }
  }
  switch (node.type) {
    case 'object':
      if (node.properties) {
        return { kind: 'object', properties: Object.entries(node.properties), required: new Set(node.required) }
      }
      if (typeof node.additionalProperties === 'object') return { kind: 'record', value: node.additionalProperties }
      return { kind: 'json' }
    case 'array':
      if (!node.items) return { kind: 'json' }
      return {
        kind: 'array',
        items: node.items,
        minItems: node.minItems ?? 0,
        maxItems: node.maxItems ?? Number.POSITIVE_INFINITY,
      }
    case 'string':
      return {
        kind: 'string',
        // A pattern describes a token (a URL, a colour, a date): one line.
        multiline:
          node.pattern === undefined &&
          node['x-input'] === undefined &&
          (node.maxLength === undefined || node.maxLength > singleLineLimit),
        picker: node['x-input'],
      }
    case 'number':
    case 'integer':
      return {
        kind: 'number',
        integer: node.type === 'integer',
        min: node.minimum ?? node.exclusiveMinimum,
        max: node.maximum ?? node.exclusiveMaximum,
      }
    case 'boolean':
      return { kind: 'boolean' }
    case 'null':
      return { kind: 'null' }
    default:
      return { kind: 'json' }
  }
}

/** A new value for a node: what "Add item" or "Add <field>" puts in. Optional properties stay out. */
export function emptyValue(node: SchemaNode): unknown {
  const shape = shapeOf(node)
  switch (shape.kind) {
    case 'object': {
      const value: Record<string, unknown> = {}
      for (const [name, property] of shape.properties) {
        if (shape.required.has(name)) value[name] = emptyValue(property)
      }
      return value
    }
    case 'record':
      return {}
    case 'array':
      return Array.from({ length: shape.minItems }, () => emptyValue(shape.items))
    case 'enum':
      return shape.options[0]
    case 'string':
      return ''
    case 'number':
      return shape.min ?? 0
    case 'boolean':
      return false
    case 'null':
      return null
    case 'union':
      return shape.branches[0] ? emptyValue(shape.branches[0]) : null
    case 'json':
      return {}
  }
}
