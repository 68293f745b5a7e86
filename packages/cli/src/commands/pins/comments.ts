import type { Comment } from '@pindownai/client-js'
import { ExitError } from '../../errors.js'
import { apiClient, type ClientOptions, call, printJson } from '../api-client.js'

export interface PinsCommentsOptions extends ClientOptions {
  /** Only comments created or changed after this time: epoch ms, or an ISO date. */
  readonly since?: string
}

export interface PinsCommentOptions extends ClientOptions {
  /** Reply to this top-level comment. */
  readonly reply?: string
}

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')

function since(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  return /^\d+$/.test(text) ? Number(text) : Date.parse(text)
}

/** One comment as a few lines: who, when, state, then its body indented. */
function describe(comment: Comment, indent: string): string {
  const who = comment.author.kind === 'app' ? `${comment.author.name} [app]` : comment.author.name
  const state = [comment.resolved && 'resolved', comment.edited && 'edited'].filter(Boolean).join(', ')
  const head = `${indent}${comment.id}  ${who}  ${when(comment.created_at)}${state ? `  (${state})` : ''}`
  const body = comment.body
    .split('\n')
    .map((line) => `${indent}  ${line}`)
    .join('\n')
  return `${head}\n${body}`
}

/** Prints a pin's whole thread, oldest first, replies under their comment (JSON lines with --json). */
export async function pinsComments(id: string, options: PinsCommentsOptions): Promise<void> {
  const client = apiClient(options)
  const after = since(options.since)
  if (after !== undefined && Number.isNaN(after)) {
    throw new ExitError(`--since ${options.since}: give epoch milliseconds or a date like 2026-12-01T09:00`)
  }
  const comments = await call(async () => {
    const all: Comment[] = []
    for await (const comment of client.pins.comments.iterate(id, after === undefined ? {} : { since: after })) {
      all.push(comment)
    }
    return all
  })
  if (options.json) {
    for (const comment of comments) console.log(JSON.stringify(comment))
    return
  }
  if (comments.length === 0) return console.log(`No comments on ${id} yet: pindown pins comment ${id} "text"`)
  const replies = new Map<string, Comment[]>()
  for (const c of comments) if (c.parent_id !== null) replies.set(c.parent_id, [...(replies.get(c.parent_id) ?? []), c])
  // With --since, a reply may come without its comment: it is printed on its own.
  const tops = new Set(comments.filter((c) => c.parent_id === null).map((c) => c.id))
  const orphans = comments.filter((c) => c.parent_id !== null && !tops.has(c.parent_id))
  for (const top of [...comments.filter((c) => c.parent_id === null), ...orphans]) {
    console.log(describe(top, ''))
    for (const reply of replies.get(top.id) ?? []) console.log(describe(reply, '    '))
    console.log()
  }
}

/** Posts a comment (or, with --reply, a reply) as this key: shown with the key's name and an "app" badge. */
export async function pinsComment(id: string, text: string, options: PinsCommentOptions): Promise<void> {
  const comment = await call(() =>
    apiClient(options).pins.comments.create(id, {
      body: text,
      ...(options.reply !== undefined && { parent_id: options.reply }),
    }),
  )
  if (options.json) return printJson(comment)
  console.log(`${comment.parent_id ? 'Replied' : 'Commented'} on ${id} as ${comment.author.name}: ${comment.id}`)
}
