import type { z } from 'zod'

export const categories = ['content', 'data', 'media', 'planning', 'conversation'] as const
export type Category = (typeof categories)[number]

/** Everything the project knows about one pin type; validator, TS type, JSON Schema and docs derive from it. */
export interface PinTypeDefinition<Id extends string = string, Schema extends z.ZodType = z.ZodType> {
  readonly id: Id
  readonly category: Category
  /** One line: what the type is for. */
  readonly purpose: string
  /** Validates `pin_config`. Unknown keys are rejected except under free-form keys. */
  readonly schema: Schema
  /** Realistic configs that validate; the first is the canonical example. */
  readonly examples: readonly [z.input<Schema>, ...z.input<Schema>[]]
  /** Markdown notes for the reference page: defaults, cross-field rules, legacy behaviour. */
  readonly notes?: string
  /** Where the id comes from: the hosted docs, a legacy docs id, the product site, or our own design. */
  readonly source: 'docs' | 'docs-legacy' | 'product-site' | 'ours'
}

/** Identity function that keeps the literal id and schema types. */
export function definePinType<const Id extends string, Schema extends z.ZodType>(
  definition: PinTypeDefinition<Id, Schema>,
): PinTypeDefinition<Id, Schema> {
  return Object.freeze(definition)
}
