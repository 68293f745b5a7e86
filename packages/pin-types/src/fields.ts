import { z } from 'zod'
import { bounds } from './bounds.js'

/** A bounded string. Every string in a pin config goes through this or one of the helpers below. */
export const text = (max: number = bounds.text) => z.string().max(max)

/** A required, non-empty bounded string. */
export const label = (max: number = bounds.text) => z.string().min(1).max(max)

/** Markdown, code or CSV text: the larger bound. */
export const content = () => z.string().max(bounds.content)

/** A bounded array. */
export const list = <T extends z.ZodType>(item: T, max: number = bounds.items) => z.array(item).max(max)

// No `i` flag on patterns that reach the JSON Schema: it cannot carry flags, so both must agree.
const httpPattern = /^[hH][tT][tT][pP][sS]?:\/\/[^\s]+$/
const dataImagePattern = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/i

/** An absolute `http:` or `https:` URL. Anything else (`javascript:`, `data:`, relative) is rejected. */
export const httpUrl = () =>
  z.string().max(bounds.text).regex(httpPattern, { message: 'Must be an http: or https: URL' })

/** An `https:` URL only (embeds). */
export const httpsUrl = () =>
  z
    .string()
    .max(bounds.text)
    .regex(/^[hH][tT][tT][pP][sS]:\/\/[^\s]+$/, { message: 'Must be an https: URL' })

/** An image source: an http(s) URL or an inline `data:image/png|jpeg|gif|webp` URL. */
export const imageUrl = () =>
  z
    .string()
    .max(bounds.content)
    .refine((s) => httpPattern.test(s) || dataImagePattern.test(s), {
      message: 'Must be an http: or https: URL, or a data:image/png|jpeg|gif|webp URL',
    })

/** A file reference returned by the (future) files API. */
export const fileId = () => z.string().min(1).max(200)

/**
 * A CSS hex colour (`#1f6feb`) or a named palette token (`blue`, `accent-2`). `x-input` tells the page's
 * edit form, which is generated from the JSON Schema, to offer a colour picker.
 */
export const color = () =>
  z
    .string()
    .regex(/^(#[0-9a-fA-F]{3,8}|[a-zA-Z][a-zA-Z0-9-]{0,31})$/, {
      message: 'Must be a hex colour like #1f6feb or a palette token like blue',
    })
    .meta({ 'x-input': 'color' })

/** `2026-02-31` matches the pattern and `Date.parse` rolls it over to March; this does not. */
function isRealDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    !Number.isNaN(Date.parse(text))
  )
}

/** A calendar date (`2026-11-25`) or an ISO 8601 date-time. `x-input`: the edit form offers a date picker. */
export const date = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, {
      message: 'Must be a date like 2026-11-25 or an ISO 8601 date-time',
      abort: true,
    })
    .refine(isRealDate, { message: 'Not a real date' })
    .meta({ 'x-input': 'date' })

/** An aspect ratio like `16:9`. */
export const aspectRatio = () => z.string().regex(/^\d{1,3}:\d{1,3}$/, { message: 'Must look like 16:9' })

/** Free-form JSON (under keys documented as free-form: `data`, `style`, `meta`). */
export const freeForm = () => z.json()
