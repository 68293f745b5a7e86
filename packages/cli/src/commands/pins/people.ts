import { ExitError } from '../../errors.js'
import { apiClient, type ClientOptions, call, printJson } from '../api-client.js'

export interface PinsInviteOptions extends ClientOptions {
  /** editor or viewer (default viewer). */
  readonly role?: string
  readonly message?: string
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export async function pinsInvite(id: string, email: string, options: PinsInviteOptions): Promise<void> {
  const role = options.role ?? 'viewer'
  if (role !== 'editor' && role !== 'viewer') throw new ExitError(`unknown role ${role}: use editor or viewer`)
  const invite = await call(() =>
    apiClient(options).pins.inviteCollaborator(id, {
      email,
      role,
      ...(options.message !== undefined && { message: options.message }),
    }),
  )
  if (options.json) return printJson(invite)
  console.log(
    invite.emailed
      ? `Emailed ${invite.email} an invite to ${id} as ${invite.role} (valid until ${day(invite.expires_at)}).`
      : `Invited ${invite.email} to ${id} as ${invite.role}. This server sends no email (no SMTP_URL), so send them the link:`,
  )
  // The link is a secret that only this answer carries; print it either way, for whoever must pass it on.
  console.log(`\n  ${invite.invite_url}\n`)
}

export async function pinsCollaborators(id: string, options: ClientOptions): Promise<void> {
  const people = await call(() => apiClient(options).pins.listCollaborators(id))
  if (options.json) return printJson(people)
  if (people.active.length === 0 && people.pending.length === 0) {
    return console.log(`No one is invited to ${id}: pindown pins invite ${id} <email> --role viewer`)
  }
  for (const p of people.active)
    console.log(`${p.user_id}  ${p.role.padEnd(6)}  ${p.email}  (since ${day(p.added_at)})`)
  for (const p of people.pending) {
    console.log(`${'(invited)'.padEnd(16)}  ${p.role.padEnd(6)}  ${p.email}  (until ${day(p.expires_at)})`)
  }
}

export async function pinsUninvite(id: string, who: string, options: ClientOptions): Promise<void> {
  await call(() => apiClient(options).pins.removeCollaborator(id, who))
  if (options.json) return printJson({ removed: true })
  console.log(`Removed ${who} from ${id}; their open pages stop updating.`)
}
