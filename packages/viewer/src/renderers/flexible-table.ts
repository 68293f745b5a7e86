import { h } from '../dom.js'
import type { Renderer } from '../renderer.js'
import { table } from './table.js'
import './flexible-table.css'

// The legacy id of `table`: the same config, shown (and edited) the same way.
const render: Renderer<'flexible-table'> = (config, { edit }) =>
  h('div', { class: 'flexible-table' }, table(config, edit))
export default render
