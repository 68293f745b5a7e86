import type { z } from 'zod'

/** Cross-field rules shared by several pin types, for their `.check()` calls. */

interface FileSource {
  url?: string | undefined
  fileId?: string | undefined
}

/** `.check()` for an object that takes a `url` or a `fileId` (both optional in its shape): one of them is required. */
export function requireUrlOrFileId(ctx: z.core.ParsePayload<FileSource>): void {
  if (ctx.value.url === undefined && ctx.value.fileId === undefined) {
    ctx.issues.push({ code: 'custom', input: undefined, path: ['url'], message: 'Required (give url or fileId)' })
  }
}

const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i

/** Epoch ms of a `date()` date-time; without an offset it counts as UTC, so the server's zone never matters. */
function instant(value: string): number {
  const iso = value.replace(' ', 'T')
  return Date.parse(hasOffset.test(iso) ? iso : `${iso}Z`)
}

/**
 * Whether `end` lies before `start`, both valid `date()` strings. When either is a plain date the two are compared
 * as calendar days (an event may end on the day it starts at 10:00); two date-times are compared as instants.
 */
export function endsBeforeStart(start: string, end: string): boolean {
  if (start.length === 10 || end.length === 10) return end.slice(0, 10) < start.slice(0, 10)
  return instant(end) < instant(start)
}

/**
 * Pushes an issue at `field` of every item that repeats an earlier item's value (`seen` carries values
 * across lists); items without the field are skipped. Answers every value seen.
 */
export function checkUnique<Field extends string>(
  ctx: z.core.ParsePayload<unknown>,
  items: readonly { readonly [K in Field]?: string | undefined }[],
  path: readonly PropertyKey[],
  field: Field,
  noun: string,
  seen: Set<string> = new Set(),
): Set<string> {
  items.forEach((item, i) => {
    const value = item[field]
    if (value === undefined) return
    if (seen.has(value)) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        path: [...path, i, field],
        message: `Duplicate ${noun} ${field} "${value}"`,
      })
    }
    seen.add(value)
  })
  return seen
}
