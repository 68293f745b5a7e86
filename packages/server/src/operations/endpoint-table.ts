import { isKeyed, isSessionAccess, type Operation } from './operation.js'

export const endpointTableStart =
  '<!-- endpoint table: generated from packages/server/src/operations by `npm run generate` -->'
export const endpointTableEnd = '<!-- end of endpoint table -->'

/** The endpoint table of docs/api.md, one row per operation. */
export function renderEndpointTable(table: readonly Operation[]): string {
  const rows = table.map((op) => {
    const access = isKeyed(op.access)
      ? op.access.people === undefined
        ? op.access.scope
        : `${op.access.scope}, or session (${op.access.people === 'anyone' ? 'anyone who sees the pin' : 'by role'})`
      : isSessionAccess(op.access)
        ? `session (${op.access.session === 'signed-in' ? 'any person' : op.access.session})`
        : 'none'
    return `| \`${op.method} ${op.path}\` | ${access} | ${op.summary} |`
  })
  return [
    endpointTableStart,
    '| Method and path | Scope or session | |',
    '|---|---|---|',
    ...rows,
    endpointTableEnd,
  ].join('\n')
}

/** `doc` with its endpoint table replaced by a fresh one. */
export function withEndpointTable(doc: string, table: readonly Operation[]): string {
  const start = doc.indexOf(endpointTableStart)
  const end = doc.indexOf(endpointTableEnd)
  if (start < 0 || end < start)
    throw new Error(`docs/api.md has lost its endpoint table markers (${endpointTableStart})`)
  return doc.slice(0, start) + renderEndpointTable(table) + doc.slice(end + endpointTableEnd.length)
}
