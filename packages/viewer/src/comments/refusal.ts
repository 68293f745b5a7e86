import type { Refusal } from '../pin-api.js'

/** What to tell the reader when the server refused a comment call. */
export function refusalText(refusal: Refusal): string {
  if (refusal.code === 'COMMENTS_DISABLED') return 'Comments are turned off for this pin.'
  if (refusal.status === 429) return 'Too many comments in a short time. Wait a moment and try again.'
  if (refusal.status === 401) return 'You are signed out. Sign in again to comment.'
  const details = refusal.issues.map((issue) => issue.message).filter((m) => m && m !== refusal.message)
  return [refusal.message, ...details].join(' ')
}
