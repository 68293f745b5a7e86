// `node --import tsx bench/profile-summary.ts <file.cpuprofile> [rows]`: where a V8 CPU profile spends its time,
// by function: self time (the function's own code) and total time (with everything it calls).
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const [file, rowsArg] = process.argv.slice(2)
if (!file) {
  console.error('Usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [rows]')
  process.exit(2)
}
const rows = Number(rowsArg ?? 30)
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile

const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parent = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame
  const where = url ? `${relative(process.cwd(), url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : ''
  return `${functionName || '(anonymous)'} ${where}`.trim()
}

const self = new Map<string, number>()
const total = new Map<string, number>()
let all = 0
profile.samples.forEach((id, i) => {
  const micros = profile.timeDeltas[i] ?? 0
  all += micros
  let node = byId.get(id)
  if (!node) return
  self.set(label(node), (self.get(label(node)) ?? 0) + micros)
  // Count each function once per sample, however deep it recurses.
  const seen = new Set<string>()
  for (; node; node = byId.get(parent.get(node.id) ?? -1)) {
    const name = label(node)
    if (seen.has(name)) continue
    seen.add(name)
    total.set(name, (total.get(name) ?? 0) + micros)
  }
})

function print(title: string, times: Map<string, number>): void {
  console.log(`\n${title}`)
  const top = [...times].sort((a, b) => b[1] - a[1]).slice(0, rows)
  for (const [name, micros] of top) console.log(`${((micros / all) * 100).toFixed(1).padStart(5)} %  ${name}`)
}
console.log(`${(all / 1e6).toFixed(1)} s sampled`)
print('Self time', self)
print('Total time (with callees)', total)
