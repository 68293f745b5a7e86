import { h } from '../dom.js'
import type { Renderer } from '../renderer.js'
import { sortableTable } from '../sortable-table.js'
import './flexible-table.css'

// The legacy id of `table`: the same config, shown the same way.
const render: Renderer<'flexible-table'> = (config) => h('div', { class: 'flexible-table' }, sortableTable(config))
export default render
