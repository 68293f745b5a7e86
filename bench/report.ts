import { type Rung, renderLadder } from './ladder.js'
import type { Measurement } from './measure.js'

export interface Row extends Measurement {
  readonly name: string
  /** Requests per second as a share of hello-world's in the same run. */
  readonly ratio: number
  readonly perUnit?: number
  readonly unit?: string
}

export interface Extras {
  readonly seedSeconds: number
  readonly seededPins: number
  readonly rssAfterLoadMb: number
  readonly idleRssMb: number
  readonly startToFirst200Ms: number
}

const int = (n: number) => Math.round(n).toLocaleString('en-US')

function cells(row: Row): string[] {
  return [
    row.name,
    int(row.rps),
    `${row.p50}`,
    `${row.p99}`,
    `${(row.ratio * 100).toFixed(1)} %`,
    row.cpuMicrosPerRequest.toFixed(1),
    row.perUnit ? `${int(row.perUnit)} ${row.unit}` : '',
    row.non2xx || row.errors ? `${row.non2xx} non-2xx, ${row.errors} errors` : '',
  ]
}

const header = ['workload', 'req/s', 'p50 ms', 'p99 ms', 'of hello-world', 'server CPU µs/req', 'items', 'problems']

function extraLines(extras: Extras): string[] {
  return [
    `seeded ${int(extras.seededPins)} pins in ${extras.seedSeconds.toFixed(1)} s (${int(extras.seededPins / extras.seedSeconds)} pins/s)`,
    `idle RSS with those pins stored: ${extras.idleRssMb.toFixed(0)} MB (after the load: ${extras.rssAfterLoadMb.toFixed(0)} MB)`,
    `start to first 200: ${extras.startToFirst200Ms.toFixed(0)} ms`,
  ]
}

export function renderTable(rows: Row[], extras: Extras): string {
  const table = [header, ...rows.map(cells)]
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)))
  const lines = table.map((r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
  )
  return [lines[0], lines[0]!.replace(/./g, '-'), ...lines.slice(1), '', ...extraLines(extras)].join('\n')
}

export function renderMarkdown(report: {
  date: string
  quick: boolean
  machine: object
  rows: Row[]
  extras: Extras
  ladder: { rate: number; rungs: readonly Rung[] }
}): string {
  return [
    `# Benchmark ${report.date}${report.quick ? ' (quick)' : ''}`,
    '',
    `Machine: \`${JSON.stringify(report.machine)}\``,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...report.rows.map((r) => `| ${cells(r).join(' | ')} |`),
    '',
    ...extraLines(report.extras).map((l) => `- ${l}`),
    '',
    'Cost ladder (server CPU time per request, at a fixed request rate):',
    '',
    renderLadder(report.ladder.rungs, report.ladder.rate),
    '',
  ].join('\n')
}
