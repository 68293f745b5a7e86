import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface ViewerAssets {
  /** The folder served under /assets/. */
  readonly dir: string
  /** The page script and stylesheets, as URLs under /assets/. */
  readonly script: string
  readonly styles: readonly string[]
}

/** Finds the built viewer (`packages/viewer/dist`, or `PINDOWN_VIEWER_DIR`) through Vite's manifest. */
export function loadViewerAssets(dir = process.env.PINDOWN_VIEWER_DIR): ViewerAssets {
  const root = dir ?? join(dirname(createRequire(import.meta.url).resolve('@pindown/viewer/package.json')), 'dist')
  let manifest: Record<string, { file: string; css?: string[]; isEntry?: boolean }>
  try {
    manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8'))
  } catch {
    throw new Error(`The web viewer is not built (no ${join(root, '.vite', 'manifest.json')}): run npm run build`)
  }
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry)
  if (!entry) throw new Error(`The viewer manifest in ${root} has no entry`)
  return { dir: root, script: `/assets/${entry.file}`, styles: (entry.css ?? []).map((file) => `/assets/${file}`) }
}
