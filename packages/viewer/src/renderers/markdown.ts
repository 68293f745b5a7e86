import { renderMarkdown } from '../markdown.js'
import type { Renderer } from '../renderer.js'

const render: Renderer<'markdown'> = (config) => renderMarkdown(config.content ?? '')
export default render
