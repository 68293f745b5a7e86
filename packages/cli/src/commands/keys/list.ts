import { withStore } from '../open-store.js'

export interface KeysListOptions {
  readonly workspace?: string
  readonly json?: boolean
}

export async function keysList(options: KeysListOptions): Promise<void> {
  const keys = await withStore((store) => store.listApiKeys(options.workspace))
  if (options.json) {
    console.log(JSON.stringify(keys.map(({ hash: _, ...key }) => key)))
    return
  }
  if (keys.length === 0) {
    console.log('No API keys yet: `pindown serve` creates the first, or run `pindown keys create`.')
    return
  }
  const rows = keys.map((k) => [
    k.id,
    k.workspaceId,
    k.name,
    `${k.prefix}…`,
    k.scopes.join(','),
    new Date(k.createdAt).toISOString().slice(0, 16).replace('T', ' '),
    k.revokedAt === null ? 'active' : 'revoked',
  ])
  const header = ['ID', 'WORKSPACE', 'NAME', 'KEY', 'SCOPES', 'CREATED (UTC)', 'STATUS']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
}
