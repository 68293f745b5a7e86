import type { PublicPin } from '../page-data.js'
import type { PinChanges } from '../pin-api.js'
import { jsonEqual, mergeOnTop } from './values.js'
import type { Issue } from './widget.js'

/** What the person has in the form: the whole config, title and tags. */
export interface Draft {
  config: Record<string, unknown>
  title: string
  tags: string[]
}

export const draftOf = (pin: PublicPin): Draft => ({
  config: pin.pin_config,
  title: pin.metadata.title,
  tags: [...pin.metadata.tags],
})

/** Only what differs from the pin: undefined when nothing does. */
export function changesFrom(pin: PublicPin, draft: Draft): PinChanges | undefined {
  const changes: PinChanges = {}
  if (!jsonEqual(draft.config, pin.pin_config)) changes.pin_config = draft.config
  const metadata: NonNullable<PinChanges['metadata']> = {}
  if (draft.title !== pin.metadata.title) metadata.title = draft.title
  if (!jsonEqual(draft.tags, pin.metadata.tags)) metadata.tags = draft.tags
  if (Object.keys(metadata).length) changes.metadata = metadata
  return Object.keys(changes).length ? changes : undefined
}

/** The person's changes (from `base`, where they started) applied on top of `current`. */
export function reapply(base: PublicPin, draft: Draft, current: PublicPin): Draft {
  return {
    config: mergeOnTop(base.pin_config, draft.config, current.pin_config) as Record<string, unknown>,
    title: draft.title === base.metadata.title ? current.metadata.title : draft.title,
    tags: jsonEqual(draft.tags, base.metadata.tags) ? [...current.metadata.tags] : draft.tags,
  }
}

/** `a, b ,c` → `['a', 'b', 'c']`. */
export const parseTags = (text: string): string[] =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')

/** The server's rules for a title and tags (`pin-body.ts`), checked before sending. */
export function metadataIssues(draft: Draft): Issue[] {
  const issues: Issue[] = []
  const title = draft.title.trim()
  if (title === '') issues.push({ path: 'metadata.title', message: 'Must not be empty' })
  else if (title.length > 200) issues.push({ path: 'metadata.title', message: 'Must be at most 200 characters' })
  if (draft.tags.length > 20) issues.push({ path: 'metadata.tags', message: 'Must have at most 20 tags' })
  draft.tags.forEach((tag, i) => {
    if (tag.length > 50) issues.push({ path: `metadata.tags[${i}]`, message: 'Must be at most 50 characters' })
  })
  return issues
}
