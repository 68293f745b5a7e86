/** Size and count limits shared by every pin type schema (see docs/pin-types.md, "Rules"). */
export const bounds = {
  /** Any single string field. */
  text: 100_000,
  /** Markdown, source code and CSV bodies. */
  content: 512 * 1024,
  /** Any array, unless a larger bound is named below. */
  items: 1_000,
  /** Table rows and chart points, and any array inside free-form JSON. */
  rows: 10_000,
  /** Any object's keys, free-form JSON included. */
  keys: 1_000,
  /** Nesting of arrays and objects in a config, free-form JSON included. */
  depth: 64,
} as const
