/** Size and count limits shared by every pin type schema (see docs/pin-types.md, "Rules"). */
export const bounds = {
  /** Any single string field. */
  text: 100_000,
  /** Markdown, source code and CSV bodies. */
  content: 512 * 1024,
  /** Any array, unless a larger bound is named below. */
  items: 1_000,
  /** Table rows and chart points. */
  rows: 10_000,
} as const
