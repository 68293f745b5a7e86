import { h } from '../dom.js'
import type { InlineEdit, Renderer } from '../renderer.js'
import { displayCell, sortableTable, type TableColumn } from '../sortable-table.js'
import './table.css'

/** `table` and its legacy id `flexible-table` share this config and this editing. */
export type TableConfig = Parameters<Renderer<'table'>>[0]
type Row = TableConfig['rows'][number]
type Cell = Row[string] | undefined

const numericTypes = new Set(['number', 'currency', 'percent'])
const trueWords = /^(true|yes|y|✓)$/i
const falseWords = /^(false|no|n|✗)$/i
const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i

/** Keeps a number to the digits a person typed, without binary leftovers (12.4 / 100 → 0.124). */
const tidy = (value: number) => Number.parseFloat(value.toPrecision(15))

/** The text a cell is edited as: percent columns in percent (0.124 → 12.4%), like they are shown. */
function editText(value: Cell, column: TableColumn): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' && column.type === 'percent') return `${tidy(value * 100)}%`
  return String(value)
}

function parseNumber(text: string, column: TableColumn): number | undefined {
  const bare = text.replace(/[\s,$€£¥%]/g, '')
  if (!numberPattern.test(bare)) return undefined
  const value = Number(bare)
  return column.type === 'percent' ? tidy(value / 100) : value
}

/** What was typed, as the cell's type: a number stays a number and a boolean a boolean when the text reads as one. */
function parseCell(text: string, column: TableColumn, old: Cell): Cell {
  const trimmed = text.trim()
  if (trimmed === '') return old === undefined ? undefined : null
  if (numericTypes.has(column.type ?? '') || typeof old === 'number') {
    const value = parseNumber(trimmed, column)
    if (value !== undefined) return value
  }
  if (column.type === 'boolean' || typeof old === 'boolean') {
    if (trueWords.test(trimmed)) return true
    if (falseWords.test(trimmed)) return false
  }
  return text
}

function sameRow(a: Row, b: Row): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((key) => a[key] === b[key])
}

/** The row edited, in a newer version: still at its index, else the one row left that reads the same. */
function findRow(rows: readonly Row[], row: Row, index: number): number {
  const atIndex = rows[index]
  if (atIndex && sameRow(atIndex, row)) return index
  const matches = rows.flatMap((other, i) => (sameRow(other, row) ? [i] : []))
  return matches.length === 1 ? matches[0]! : -1
}

function withCell(config: TableConfig, at: number, columnId: string, value: Cell): TableConfig | undefined {
  if (at === -1 || !config.columns.some((c) => c.id === columnId)) return undefined
  const next = structuredClone(config)
  if (value === undefined) delete next.rows[at]![columnId]
  else next.rows[at]![columnId] = value
  return next
}

/**
 * Makes a body cell editable: double-click it (or Enter / F2 on it) for an input; Enter or leaving the
 * input saves, Escape cancels. The new value shows at once and goes back if the save does not land.
 */
function editableCells(config: TableConfig, edit: InlineEdit<TableConfig>) {
  // Each row as last saved from here, so a second edit of a row finds it before the page re-renders.
  const seen = [...config.rows]
  const save = async (index: number, columnId: string, value: Cell) => {
    let written: Row | undefined
    const saved = await edit((latest) => {
      const at = findRow(latest.rows, seen[index]!, index)
      const next = withCell(latest, at, columnId, value)
      written = next?.rows[at]
      return next
    })
    if (saved && written) seen[index] = written
    return saved
  }
  return (cell: HTMLTableCellElement, index: number, column: TableColumn) => {
    const name = column.name ?? column.label ?? column.id
    cell.classList.add('table-cell-editable')
    cell.tabIndex = 0
    cell.title = 'Double-click to edit'
    const open = () => {
      if (cell.querySelector('input')) return
      const old = seen[index]![column.id]
      const shown = [...cell.childNodes]
      const input = h('input', { class: 'table-cell-input', 'aria-label': `${name}, row ${index + 1}` })
      input.value = editText(old, column)
      let closed = false
      const close = (refocus: boolean) => {
        closed = true
        cell.replaceChildren(...shown)
        if (refocus) cell.focus()
      }
      const commit = async (refocus: boolean) => {
        if (closed) return
        const value = parseCell(input.value, column, old)
        close(refocus)
        if (value === old) return
        cell.replaceChildren(displayCell(value, column.type))
        cell.classList.add('is-saving')
        const saved = await save(index, column.id, value)
        cell.classList.remove('is-saving')
        if (!saved) cell.replaceChildren(...shown)
      }
      input.addEventListener('keydown', (event) => {
        event.stopPropagation()
        if (event.key === 'Enter') void commit(true)
        if (event.key === 'Escape') close(true)
      })
      input.addEventListener('blur', () => void commit(false))
      cell.replaceChildren(input)
      input.focus()
      input.select()
    }
    cell.addEventListener('dblclick', open)
    cell.addEventListener('keydown', (event) => {
      if (event.target === cell && (event.key === 'Enter' || event.key === 'F2')) {
        event.preventDefault()
        open()
      }
    })
  }
}

/** The table as everyone sees it, its cells editable when the reader may edit the pin. */
export function table(config: TableConfig, edit: InlineEdit<TableConfig> | undefined): HTMLElement {
  return edit ? sortableTable(config, editableCells(config, edit)) : sortableTable(config)
}

const render: Renderer<'table'> = (config, { edit }) => table(config, edit)
export default render
