import { h } from '../dom.js'
import { extensionOf } from '../file-kinds.js'
import { buttonLink, chip, documentCard, storedFileLabel } from '../media-files.js'
import type { Renderer } from '../renderer.js'
import { sortableTable, type TableColumn } from '../sortable-table.js'
import { fileNameFromUrl, hostOf } from '../urls.js'
import './excel-viewer.css'

type Config = Parameters<Renderer<'excel-viewer'>>[0]
type Sheet = NonNullable<Config['sheets']>[number]
type Cell = Sheet['rows'][number][number]

const render: Renderer<'excel-viewer'> = (config) =>
  config.sheets ? workbook(config.sheets, config.sheet) : file(config)

/** Inline sheets: one tab per sheet, each a sortable table whose first row is the header. */
function workbook(sheets: Sheet[], first: string | undefined): HTMLElement {
  const start = Math.max(
    0,
    sheets.findIndex((sheet) => sheet.name === first),
  )
  const panel = h('div', { class: 'excel-panel', role: 'tabpanel', tabindex: '0' })
  const built = new Map<number, Node>()
  const tabs = sheets.map((sheet) =>
    h('button', { type: 'button', class: 'excel-tab', role: 'tab', 'aria-selected': 'false' }, sheet.name),
  )
  const select = (index: number, focus = false) => {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index))
      tab.tabIndex = i === index ? 0 : -1
    })
    if (!built.has(index)) built.set(index, sheetView(sheets[index]!))
    panel.replaceChildren(built.get(index)!)
    panel.setAttribute('aria-label', sheets[index]!.name)
    if (focus) tabs[index]!.focus()
  }
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(i))
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
      if (step === 0) return
      event.preventDefault()
      select((i + step + tabs.length) % tabs.length, true)
    })
  })
  select(start)
  return h(
    'div',
    { class: 'excel-viewer' },
    h('div', { class: 'excel-tabs', role: 'tablist', 'aria-label': 'Sheets' }, tabs),
    panel,
  )
}

function sheetView(sheet: Sheet): Node {
  const [header, ...body] = sheet.rows
  const width = Math.max(0, ...sheet.rows.map((row) => row.length))
  if (!header || width === 0) return h('p', { class: 'excel-empty' }, 'This sheet is empty.')
  const columns: TableColumn[] = Array.from({ length: width }, (_, i) => ({
    id: `c${i}`,
    name: headerName(header[i], i),
    type: body.length > 0 && isNumeric(body, i) ? 'number' : 'text',
  }))
  const rows = body.map((row) => Object.fromEntries(row.map((cell, i) => [`c${i}`, cell])))
  const table = sortableTable({ columns, rows })
  markNegatives(table)
  // Sorting rebuilds the rows; the header's click handler runs first, then this one re-marks them.
  table.querySelector('thead')?.addEventListener('click', () => markNegatives(table))
  const stats = `${count(body.length, 'row')} · ${count(width, 'column')}`
  return h(
    'div',
    { class: 'excel-sheet' },
    table,
    body.length === 0 && h('p', { class: 'excel-empty' }, 'No rows below the header.'),
    h('p', { class: 'excel-status' }, stats),
  )
}

function headerName(cell: Cell | undefined, index: number): string {
  const text = cell === null || cell === undefined ? '' : String(cell).trim()
  return text || columnLetter(index)
}

/** Spreadsheet column names: A … Z, AA, AB … */
function columnLetter(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

function isNumeric(rows: Cell[][], index: number): boolean {
  const values = rows.map((row) => row[index]).filter((cell) => cell !== null && cell !== undefined && cell !== '')
  return values.length > 0 && values.every((cell) => typeof cell === 'number')
}

function markNegatives(table: HTMLElement): void {
  for (const cell of table.querySelectorAll('td.num'))
    cell.classList.toggle('excel-negative', /^[-−]/.test(cell.textContent ?? ''))
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`
}

/** A workbook given as a file: the viewer cannot fetch it, so it is a card that opens it. */
function file(config: Config): HTMLElement {
  const name = fileNameFromUrl(config.url) ?? 'Workbook'
  const extension = extensionOf(name)
  return h(
    'div',
    { class: 'excel-file' },
    documentCard({
      kind: 'sheet',
      name,
      preview: 'sheet',
      meta: config.url
        ? [extension ? `${extension.toUpperCase()} workbook` : 'Workbook', hostOf(config.url)]
        : [config.fileId && storedFileLabel(config.fileId)],
      chips: [config.sheet && chip(`Sheet: ${config.sheet}`, 'accent')],
      actions: [buttonLink(config.url, 'Open workbook ↗')],
      note: config.url
        ? 'Opens in a new tab; the viewer cannot preview workbook files.'
        : 'This workbook is stored with Pindown.',
    }),
  )
}

export default render
