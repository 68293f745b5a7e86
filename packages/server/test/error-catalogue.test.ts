import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { ApiError, errorCatalogue } from '../src/errors.js'

const docs = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8')
// The API contract sits in shared/ beside the repository, in CI as on developers' machines.
const contractFile = new URL('../../../../shared/spec/api.md', import.meta.url)

test('every error code is documented in docs/errors.md with its status', () => {
  for (const [code, { status }] of Object.entries(errorCatalogue)) {
    assert.match(docs, new RegExp(`\\| \`${code}\` \\| ${status} \\|`), `${code} missing from docs/errors.md`)
  }
})

test('the catalogue holds every code of the API contract with its status; the others are marked ours', () => {
  const contract = readFileSync(contractFile, 'utf8')
  const rows = [...contract.matchAll(/^\| (\d{3}) \| `([A-Z_]+)` \|/gm)].map((m) => [m[2]!, Number(m[1])] as const)
  assert.ok(rows.length > 10, 'the contract lists its codes')
  for (const [code, status] of rows) {
    assert.equal(errorCatalogue[code as keyof typeof errorCatalogue]?.status, status, code)
  }
  const inContract = new Set(rows.map(([code]) => code))
  for (const code of Object.keys(errorCatalogue).filter((c) => !inContract.has(c))) {
    assert.match(
      docs,
      new RegExp(`\\| \`${code}\` \\| \\d{3} \\| \\(ours\\)`),
      `${code} is marked (ours) in docs/errors.md`,
    )
  }
})

test('an ApiError carries its code, status and default message', () => {
  const error = new ApiError('SCOPE_REQUIRED')
  assert.equal(error.status, 403)
  assert.deepEqual(error.toJSON(), { code: 'SCOPE_REQUIRED', message: errorCatalogue.SCOPE_REQUIRED.message })
})
