// Builds the web viewer with Vite unless its output is newer than every source file (npm start stays quick).
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const viewer = new URL('../packages/viewer/', import.meta.url).pathname
const manifest = join(viewer, 'dist', '.vite', 'manifest.json')

function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

let built = 0
try {
  built = statSync(manifest).mtimeMs
} catch {}
const sources = Math.max(
  ...['src', 'vite.config.ts', 'package.json'].map((p) => newest(join(viewer, p))),
  newest(new URL('../packages/pin-types/src/embed-providers.ts', import.meta.url).pathname),
)
if (process.env.VIEWER_OUT_DIR || sources > built) {
  const vite = join(viewer, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js')
  try {
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: viewer, stdio: 'inherit' })
  } catch {
    console.error('The web viewer did not build (Vite said why above).')
    process.exit(1)
  }
}
