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

/** Pushes an issue at the `id` of every item that repeats an earlier id (`seen` carries ids across lists). */
export function checkUniqueIds(
  ctx: z.core.ParsePayload<unknown>,
  items: readonly { id?: string | undefined }[],
  path: readonly PropertyKey[],
  noun: string,
  seen: Set<string> = new Set(),
): void {
  items.forEach(({ id }, i) => {
    if (id === undefined) return
    if (seen.has(id)) {
      ctx.issues.push({ code: 'custom', input: id, path: [...path, i, 'id'], message: `Duplicate ${noun} id "${id}"` })
    }
    seen.add(id)
  })
}
