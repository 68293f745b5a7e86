import { formatAnyDate } from './dates.js'
import { h, link } from './dom.js'
import { formatNumber } from './numbers.js'

export interface TableColumn {
  id: string
  name?: string | undefined
  label?: string | undefined
  type?: 'text' | 'number' | 'currency' | 'percent' | 'date' | 'boolean' | 'link' | undefined
}

type Cell = string | number | boolean | null | undefined

const numeric = new Set(['number', 'currency', 'percent'])

/** How a cell's value is shown in the table. */
export function displayCell(value: Cell, type: TableColumn['type']): Node | string {
  if (value === null || value === undefined) return ''
  if (type === 'boolean' || typeof value === 'boolean') return value ? '✓' : '✗'
  if (typeof value === 'number' && (type === 'currency' || type === 'percent' || type === 'number'))
    return formatNumber(value, type)
  if (typeof value === 'number') return formatNumber(value)
  if (type === 'date') return formatAnyDate(value)
  if (type === 'link') return link(value, value)
  return value
}

function compare(a: Cell, b: Cell): number {
  if (a === b) return 0
  if (a === null || a === undefined) return 1
  if (b === null || b === undefined) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b), undefined, { numeric: true })
}

/** Called for each body cell as it is drawn, with the index of its row in the config (whatever the sort). */
export type CellHook = (cell: HTMLTableCellElement, rowIndex: number, column: TableColumn) => void

/** A table whose column headers sort it (click again to reverse). Used by every tabular pin type. */
export function sortableTable(
  config: {
    columns: TableColumn[]
    rows: Record<string, Cell>[]
    caption?: string | undefined
  },
  eachCell?: CellHook,
): HTMLElement {
  const tbody = h('tbody')
  let sortedBy: { id: string; direction: 1 | -1 } | undefined
  const fill = () => {
    const rows = config.rows.map((row, index) => ({ row, index }))
    if (sortedBy) {
      const { id, direction } = sortedBy
      rows.sort((a, b) => compare(a.row[id], b.row[id]) * direction)
    }
    tbody.replaceChildren(
      ...rows.map(({ row, index }) =>
        h(
          'tr',
          {},
          config.columns.map((c) => {
            const cell = h('td', { class: numeric.has(c.type ?? '') ? 'num' : '' }, displayCell(row[c.id], c.type))
            eachCell?.(cell, index, c)
            return cell
          }),
        ),
      ),
    )
  }
  const headers = config.columns.map((column) => {
    const th = h('th', {
      class: numeric.has(column.type ?? '') ? 'num sortable' : 'sortable',
      scope: 'col',
      'aria-sort': 'none',
    })
    const button = h('button', { type: 'button', class: 'sort-button' }, column.name ?? column.label ?? column.id)
    button.addEventListener('click', () => {
      sortedBy = { id: column.id, direction: sortedBy?.id === column.id && sortedBy.direction === 1 ? -1 : 1 }
      for (const other of headers) other.setAttribute('aria-sort', 'none')
      th.setAttribute('aria-sort', sortedBy.direction === 1 ? 'ascending' : 'descending')
      fill()
    })
    th.append(button)
    return th
  })
  fill()
  return h(
    'div',
    { class: 'scroll-x' },
    h(
      'table',
      { class: 'data' },
      config.caption && h('caption', {}, config.caption),
      h('thead', {}, h('tr', {}, headers)),
      tbody,
    ),
  )
}
