import { createInterface } from 'node:readline'
import { ApiError, createMemberAccount } from '@pindown/server'
import { type WorkspaceRole, workspaceRoles } from '@pindown/store'
import { ExitError } from '../../errors.js'
import { withStore } from '../open-store.js'

export interface UsersCreateOptions {
  readonly email: string
  readonly role: string
  readonly name?: string
  readonly workspace?: string
  readonly passwordStdin?: boolean
}

/** The first line of standard input: a password piped in, or typed at a terminal without echo. */
async function readPassword(prompt: boolean): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: prompt })
  if (prompt) {
    process.stderr.write('Password (at least 10 characters, not shown): ')
    // Nothing typed is echoed: readline writes through this.
    ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {}
  }
  try {
    for await (const line of rl) return line
    return ''
  } finally {
    rl.close()
    if (prompt) process.stderr.write('\n')
  }
}

export async function usersCreate(options: UsersCreateOptions): Promise<void> {
  if (!(workspaceRoles as readonly string[]).includes(options.role)) {
    throw new ExitError(`unknown role ${options.role}: use ${workspaceRoles.join(', ')}`)
  }
  if (!options.passwordStdin && !process.stdin.isTTY) {
    throw new ExitError('no terminal to ask for the password: pipe it in with --password-stdin')
  }
  const password = await readPassword(!options.passwordStdin)
  const { user, workspaceId } = await withStore(async (store) => {
    let workspaceId = options.workspace
    if (workspaceId === undefined) {
      const workspaces = await store.listWorkspaces()
      if (workspaces.length !== 1) {
        throw new ExitError(
          workspaces.length === 0
            ? 'no workspace yet: start the server once (npx pindown serve), or create a key with --new-workspace'
            : `there are ${workspaces.length} workspaces: name one with --workspace`,
        )
      }
      workspaceId = workspaces[0]!.id
    }
    try {
      const user = await createMemberAccount(store, {
        email: options.email,
        name: options.name ?? '',
        password,
        workspaceId,
        role: options.role as WorkspaceRole,
      })
      return { user, workspaceId }
    } catch (error) {
      if (error instanceof ApiError) throw new ExitError(error.details?.[0]?.message ?? error.message)
      if (error instanceof Error && error.message.startsWith('No workspace')) throw new ExitError(error.message)
      throw error
    }
  })
  console.log(`Created ${user.id} (${user.email}), ${options.role} of workspace ${workspaceId}.`)
  console.log('They can sign in at /sign-in with this email and password.')
}
