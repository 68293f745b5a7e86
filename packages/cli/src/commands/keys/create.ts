import { createApiKey } from '@pindown/server'
import { scopes as knownScopes, type Scope } from '@pindown/store'
import { ExitError } from '../../errors.js'
import { withStore } from '../open-store.js'

export interface KeysCreateOptions {
  readonly workspace?: string
  readonly newWorkspace?: boolean
  readonly scopes: string
  readonly name: string
  readonly json?: boolean
}

function parseScopes(list: string): Scope[] {
  const scopes = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = scopes.filter((s) => !(knownScopes as readonly string[]).includes(s))
  if (unknown.length > 0 || scopes.length === 0) {
    throw new ExitError(`unknown scope ${unknown.join(', ') || '(none given)'}: use ${knownScopes.join(', ')}`)
  }
  return [...new Set(scopes)] as Scope[]
}

export async function keysCreate(options: KeysCreateOptions): Promise<void> {
  const scopes = parseScopes(options.scopes)
  const created = await withStore(async (store) => {
    let workspaceId = options.workspace
    if (workspaceId === undefined && !options.newWorkspace) {
      // With no workspace named, a key joins the only workspace there is.
      const workspaces = [...new Set((await store.listApiKeys()).map((k) => k.workspaceId))]
      if (workspaces.length > 1) {
        throw new ExitError(
          `there are ${workspaces.length} workspaces: name one with --workspace, or use --new-workspace`,
        )
      }
      workspaceId = workspaces[0]
    }
    if (workspaceId !== undefined && !(await store.getWorkspace(workspaceId))) {
      throw new ExitError(`no workspace ${workspaceId}`)
    }
    return createApiKey(store, { ...(workspaceId !== undefined && { workspaceId }), scopes, name: options.name })
  })
  const { key, record } = created
  if (options.json) {
    console.log(JSON.stringify({ key, id: record.id, workspace: record.workspaceId, scopes: record.scopes }))
    return
  }
  console.log(`Created ${record.id} in workspace ${record.workspaceId} with ${record.scopes.join(', ')}.`)
  console.log('The key is shown only this once:')
  console.log(`\n  ${key}\n`)
}
