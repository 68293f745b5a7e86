import type { Renderer } from '../renderer.js'
import { sortableTable } from '../sortable-table.js'

const render: Renderer<'table'> = (config) => sortableTable(config)
export default render
