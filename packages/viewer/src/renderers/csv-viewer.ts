import type { PinConfigByType } from '@pindown/pin-types'
import Papa from 'papaparse'
import { h, link } from '../dom.js'
import { formatNumber } from '../numbers.js'
import type { Renderer } from '../renderer.js'
import { sortableTable, type TableColumn } from '../sortable-table.js'
import './csv-viewer.css'

type Config = PinConfigByType['csv-viewer']
type Cell = string | number | null

// Plain decimals only: ids like 007 stay text, and more than 3 decimals would be rounded by the table.
const plainNumber = /^[-+]?(?:0|[1-9]\d*)(?:\.\d{1,3})?$/

const delimiterNames: Record<string, string> = {
  ',': 'Comma-separated',
  ';': 'Semicolon-separated',
  '\t': 'Tab-separated',
  '|': 'Pipe-separated',
  ' ': 'Space-separated',
}

function parse(csv: string, delimiter: string): { rows: string[][]; issues: number } {
  try {
    const result = Papa.parse<string[]>(csv, { delimiter, skipEmptyLines: 'greedy' })
    return { rows: result.data.filter(Array.isArray), issues: result.errors.length }
  } catch {
    return { rows: [], issues: 1 }
  }
}

function isNumericColumn(rows: string[][], index: number): boolean {
  let seen = false
  for (const row of rows) {
    const value = (row[index] ?? '').trim()
    if (value === '') continue
    if (!plainNumber.test(value)) return false
    seen = true
  }
  return seen
}

function columnsOf(header: string[] | undefined, rows: string[][]): TableColumn[] {
  const width = Math.max(header?.length ?? 0, ...rows.map((row) => row.length))
  return Array.from({ length: width }, (_, i) => ({
    id: `c${i}`,
    name: header?.[i]?.trim() || `Column ${i + 1}`,
    type: isNumericColumn(rows, i) ? 'number' : 'text',
  }))
}

function toRecord(row: string[], columns: TableColumn[]): Record<string, Cell> {
  const record: Record<string, Cell> = {}
  columns.forEach((column, i) => {
    const raw = row[i]
    if (raw === undefined || raw.trim() === '') record[column.id] = null
    else record[column.id] = column.type === 'number' ? Number(raw.trim()) : raw
  })
  return record
}

function plural(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`
}

function inlineTable(config: Config, csv: string): HTMLElement {
  const { rows, issues } = parse(csv, config.delimiter ?? ',')
  if (rows.length === 0) return h('div', { class: 'csv-viewer' }, h('p', { class: 'csv-empty' }, 'This CSV is empty.'))
  const hasHeader = config.hasHeader ?? true
  const header = hasHeader ? rows[0] : undefined
  const body = hasHeader ? rows.slice(1) : rows
  const columns = columnsOf(header, body)
  return h(
    'div',
    { class: 'csv-viewer' },
    h(
      'div',
      { class: 'csv-bar' },
      h('span', { class: 'csv-chip' }, 'CSV'),
      h('span', {}, `${plural(body.length, 'row')} · ${plural(columns.length, 'column')}`),
      issues > 0 && h('span', { class: 'csv-issues' }, `${plural(issues, 'line')} did not parse cleanly`),
    ),
    body.length > 0
      ? sortableTable({ columns, rows: body.map((row) => toRecord(row, columns)) })
      : h('p', { class: 'csv-empty' }, 'Only a header row, no data yet.'),
  )
}

function fileName(url: string): string {
  try {
    const path = new URL(url).pathname
    const last = path.split('/').filter(Boolean).pop()
    return last ? decodeURIComponent(last) : new URL(url).hostname
  } catch {
    return url
  }
}

function host(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

function details(config: Config): string {
  const delimiter = config.delimiter ?? ','
  const kind = delimiterNames[delimiter] ?? `Separated by “${delimiter}”`
  const header = (config.hasHeader ?? true) ? 'first row is the header' : 'no header row'
  return `${kind} · ${header}`
}

function fileCard(title: string, meta: string[], note: string, action: HTMLElement | null): HTMLElement {
  return h(
    'div',
    { class: 'csv-viewer csv-file' },
    h('div', { class: 'csv-file-icon', 'aria-hidden': 'true' }, h('span', {}, 'CSV')),
    h(
      'div',
      { class: 'csv-file-main' },
      h('div', { class: 'csv-file-name' }, title),
      h(
        'div',
        { class: 'csv-file-meta' },
        meta.filter(Boolean).map((m) => h('span', {}, m)),
      ),
      h('p', { class: 'csv-file-note' }, note),
    ),
    action,
  )
}

function urlCard(config: Config, url: string): HTMLElement {
  const button = link(url, 'Download')
  button.classList.add('csv-download')
  return fileCard(fileName(url), [host(url), details(config)], 'Hosted elsewhere, so it is not previewed here.', button)
}

const render: Renderer<'csv-viewer'> = (config) => {
  if (typeof config.csv === 'string') return inlineTable(config, config.csv)
  if (config.url) return urlCard(config, config.url)
  return fileCard(
    'Stored CSV file',
    [`File ${config.fileId ?? ''}`, details(config)],
    'Stored files are not previewed here yet.',
    null,
  )
}
export default render
