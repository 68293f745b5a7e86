// `npm run generate` (with the pin types' generator): rewrites the endpoint table of docs/api.md from the
// operations table. `--check` only compares, for tests.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { withEndpointTable } from '../src/operations/endpoint-table.js'
import { operations } from '../src/operations/table.js'

export const apiDocPath = fileURLToPath(new URL('../../../docs/api.md', import.meta.url))

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = readFileSync(apiDocPath, 'utf8')
  const fresh = withEndpointTable(current, operations)
  if (fresh === current) console.log('docs/api.md is up to date.')
  else if (process.argv.includes('--check')) {
    console.error('docs/api.md is stale: run npm run generate')
    process.exit(1)
  } else {
    writeFileSync(apiDocPath, fresh)
    console.log('Wrote docs/api.md.')
  }
}
