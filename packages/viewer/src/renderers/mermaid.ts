import { h } from '../dom.js'
import { uniqueId } from '../ids.js'
import type { Renderer } from '../renderer.js'
import './mermaid.css'

type Theme = 'default' | 'dark' | 'neutral' | 'forest'
type MermaidConfig = Parameters<typeof import('mermaid')['default']['initialize']>[0]
type Drawing = { svg: string } | { error: string }

const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif'

// On a dark page: mermaid's base theme in the page's own colours (its `dark` theme puts grey boxes behind labels).
const darkPage = {
  theme: 'base',
  themeVariables: {
    darkMode: true,
    fontFamily: font,
    background: '#151b23',
    primaryColor: '#1f2630',
    primaryTextColor: '#e6edf3',
    primaryBorderColor: '#4d5562',
    secondaryColor: '#262f3a',
    secondaryTextColor: '#e6edf3',
    secondaryBorderColor: '#4d5562',
    tertiaryColor: '#1a2029',
    tertiaryTextColor: '#e6edf3',
    tertiaryBorderColor: '#3d444d',
    lineColor: '#9198a1',
    textColor: '#e6edf3',
    edgeLabelBackground: '#151b23',
    noteBkgColor: '#3a3220',
    noteTextColor: '#e6edf3',
    noteBorderColor: '#9e7c2a',
  },
} satisfies MermaidConfig

// mermaid's configuration is global: one diagram at a time, so a board's diagrams keep their own themes.
let queue: Promise<unknown> = Promise.resolve()

function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task)
  queue = run.catch(() => undefined)
  return run
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.trim() || 'The diagram could not be drawn.'
}

async function draw(code: string, theme: Theme | 'page-dark'): Promise<Drawing> {
  const { default: mermaid } = await import('mermaid')
  mermaid.initialize({
    ...(theme === 'page-dark' ? darkPage : { theme, themeVariables: { fontFamily: font } }),
    startOnLoad: false,
    securityLevel: 'strict',
    logLevel: 'fatal',
    fontFamily: font,
    maxTextSize: 600_000,
    maxEdges: 5_000,
  })
  if (!(await mermaid.parse(code, { suppressErrors: true }))) {
    try {
      await mermaid.parse(code)
    } catch (error) {
      return { error: messageOf(error) }
    }
  }
  const id = uniqueId('mermaid')
  try {
    const { svg } = await mermaid.render(id, code)
    return { svg }
  } catch (error) {
    return { error: messageOf(error) }
  } finally {
    // mermaid leaves its scratch element behind when drawing fails.
    for (const leftover of [id, `d${id}`, `i${id}`]) document.getElementById(leftover)?.remove()
  }
}

/** mermaid's SVG (already sanitised by mermaid in strict mode) as a node, parsed without touching innerHTML. */
function svgNode(svg: string): Element | null {
  const xml = new DOMParser().parseFromString(svg, 'image/svg+xml')
  if (xml.documentElement.nodeName === 'svg' && !xml.querySelector('parsererror'))
    return document.importNode(xml.documentElement, true)
  // HTML labels are serialised as HTML (`<br>`), which XML refuses; the HTML parser reads them.
  const html = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg')
  return html ? document.importNode(html, true) : null
}

function source(code: string, open: boolean): HTMLElement {
  return h('details', { class: 'mermaid-source', open }, h('summary', {}, 'Source'), h('pre', {}, h('code', {}, code)))
}

function failure(message: string, code: string): HTMLElement {
  return h(
    'div',
    { class: 'mermaid mermaid-failed' },
    h(
      'div',
      { class: 'mermaid-error', role: 'alert' },
      h('strong', {}, 'This diagram has an error'),
      h('pre', { class: 'mermaid-error-text' }, message),
    ),
    source(code, true),
  )
}

function pickTheme(wanted: Theme | undefined, page: 'light' | 'dark'): Theme | 'page-dark' {
  if (page === 'dark') return 'page-dark'
  return wanted ?? 'default'
}

/** Wide diagrams shrink to fit, but not below half their size: past that the card scrolls sideways instead. */
function keepReadable(svg: Element): void {
  const width = Number(svg.getAttribute('viewBox')?.split(/[\s,]+/)[2])
  if (svg instanceof SVGElement && Number.isFinite(width) && width > 0)
    svg.style.minWidth = `${Math.round(width * 0.5)}px`
}

const render: Renderer<'mermaid'> = async (config, context) => {
  const theme = pickTheme(config.theme, context.theme)
  const drawing = await oneAtATime(() => draw(config.code, theme))
  if ('error' in drawing) return failure(drawing.error, config.code)
  const svg = svgNode(drawing.svg)
  if (!svg) return failure('The diagram could not be drawn.', config.code)
  svg.classList.add('mermaid-svg')
  keepReadable(svg)
  return h(
    'div',
    { class: `mermaid mermaid-theme-${theme}` },
    h('div', { class: 'mermaid-canvas' }, svg),
    source(config.code, false),
  )
}
export default render
