// `npm run generate`: rewrites the registry, the config type aliases and docs/pin-types.md from the
// folders in src/types/. `--check` only compares, for CI and tests.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { PinTypeDefinition } from '../src/define.js'
import {
  camelCase,
  renderClientConfigTypes,
  renderConfigTypes,
  renderReference,
  renderRegistry,
  sortDefinitions,
} from './render.js'

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export async function loadDefinitions(): Promise<PinTypeDefinition[]> {
  const folders = readdirSync(at('../src/types/'), { withFileTypes: true }).filter((e) => e.isDirectory())
  const defs = await Promise.all(
    folders.map(async ({ name }) => {
      const module = (await import(`../src/types/${name}/index.js`)) as Record<string, PinTypeDefinition>
      const def = module[camelCase(name)]
      if (!def || def.id !== name)
        throw new Error(`src/types/${name}/index.ts must export ${camelCase(name)} with id "${name}"`)
      return def
    }),
  )
  return sortDefinitions(defs)
}

/** Every generated file with the text it should hold. */
export async function generatedFiles(): Promise<Record<string, string>> {
  const defs = await loadDefinitions()
  const { inputJsonSchema } = await import('../src/json-schema.js')
  const schemaOf = (id: string) => inputJsonSchema(defs.find((d) => d.id === id)!.schema)
  return {
    [at('../src/generated/registry.ts')]: renderRegistry(defs),
    [at('../src/generated/config-types.ts')]: renderConfigTypes(defs),
    [at('../../../docs/pin-types.md')]: renderReference(defs, schemaOf),
    [at('../../client/src/generated/pin-configs.ts')]: await renderClientConfigTypes(defs, schemaOf),
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check')
  let stale = 0
  for (const [path, text] of Object.entries(await generatedFiles())) {
    let current = ''
    try {
      current = readFileSync(path, 'utf8')
    } catch {}
    if (current === text) continue
    stale++
    if (check) console.error(`out of date: ${path}`)
    else writeFileSync(path, text)
  }
  if (check && stale > 0) {
    console.error('Run `npm run generate` and commit the result.')
    process.exit(1)
  }
  if (!check) console.log(stale ? `Wrote ${stale} generated file(s).` : 'Generated files were up to date.')
}
