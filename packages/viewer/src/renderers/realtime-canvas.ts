import type { PinConfigByType } from '@pindown/pin-types'
import { pinColor } from '../colors.js'
import { h, image } from '../dom.js'
import type { InlineEdit, Renderer } from '../renderer.js'
import './realtime-canvas.css'

type Config = PinConfigByType['realtime-canvas']
type Element = NonNullable<Config['elements']>[number]
type Kind = Element['kind']

interface Box {
  x: number
  y: number
  w: number
  h: number
}
interface Point {
  x: number
  y: number
}

const svgNs = 'http://www.w3.org/2000/svg'
const pad = 24
const charWidth = 12.5
const maxTextWidth = 600
const lineHeight = 28
const defaultSize: Record<Kind, [number, number]> = {
  note: [180, 120],
  rect: [200, 120],
  ellipse: [160, 100],
  text: [0, 0],
  arrow: [0, 0],
  image: [240, 160],
}
const defaultColor: Partial<Record<Kind, string>> = { note: 'yellow', rect: 'gray', ellipse: 'blue' }

function boxOf(element: Element): Box {
  if (element.kind === 'text') {
    const width = Array.from(element.text ?? '').length * charWidth + 8
    const w = element.w ?? Math.min(Math.max(width, 40), maxTextWidth)
    const h = element.h ?? Math.max(1, Math.ceil(width / Math.max(w, 1))) * lineHeight
    return { x: element.x, y: element.y, w, h }
  }
  const [w, h] = defaultSize[element.kind]
  return { x: element.x, y: element.y, w: element.w ?? w, h: element.h ?? h }
}

function bounds(boxes: Box[], extra: Point | undefined): Box {
  const points = boxes.flatMap((b) => [
    { x: b.x, y: b.y },
    { x: b.x + b.w, y: b.y + b.h },
  ])
  if (extra) points.push(extra)
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const x = Math.min(...xs) - pad
  const y = Math.min(...ys) - pad
  return { x, y, w: Math.max(...xs) + pad - x, h: Math.max(...ys) + pad - y }
}

/** Pin colours that are (nearly) grey stay readable in both themes by using the text colour instead. */
function isChromatic(hex: string): boolean {
  const digits = hex.slice(1)
  const full = digits.length <= 4 ? [...digits].map((d) => d + d).join('') : digits
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16))
  if (r === undefined || g === undefined || b === undefined || [r, g, b].some(Number.isNaN)) return false
  return Math.max(r, g, b) - Math.min(r, g, b) > 60
}

function place(node: HTMLElement, box: Box, origin: Point): void {
  node.style.left = `${box.x - origin.x}px`
  node.style.top = `${box.y - origin.y}px`
  node.style.width = `${box.w}px`
  node.style.height = `${box.h}px`
}

function shape(element: Element, index: number, box: Box, origin: Point): HTMLElement {
  const colour = pinColor(element.color ?? defaultColor[element.kind], index)
  const text = element.text ?? ''
  let node: HTMLElement
  if (element.kind === 'image') {
    const picture = element.url ? image(element.url, text) : null
    node = h(
      'div',
      { class: 'canvas-el canvas-image' },
      picture ??
        h('span', { class: 'canvas-image-missing' }, text || 'Image', element.fileId && ` (${element.fileId})`),
    )
  } else if (element.kind === 'rect') {
    node = h('div', { class: 'canvas-el canvas-rect' }, text && h('span', { class: 'canvas-rect-label' }, text))
  } else {
    node = h('div', { class: `canvas-el canvas-${element.kind}` }, h('span', { class: 'canvas-text-inner' }, text))
    // A short heading sized by estimate must not wrap because the font runs a little wider than guessed.
    if (element.kind === 'text' && element.w === undefined && box.w < maxTextWidth) node.classList.add('canvas-nowrap')
  }
  const textColour = element.kind !== 'text' || (element.color && isChromatic(colour))
  if (textColour) node.style.setProperty('--el', colour)
  place(node, box, origin)
  return node
}

function edgePoint(box: Box, kind: Kind | undefined, toward: Point): Point {
  const centre = { x: box.x + box.w / 2, y: box.y + box.h / 2 }
  const dx = toward.x - centre.x
  const dy = toward.y - centre.y
  if (box.w <= 0 || box.h <= 0 || (dx === 0 && dy === 0)) return centre
  const t =
    kind === 'ellipse'
      ? 1 / Math.sqrt((dx / (box.w / 2)) ** 2 + (dy / (box.h / 2)) ** 2)
      : Math.min(box.w / 2 / Math.abs(dx), box.h / 2 / Math.abs(dy))
  const k = Math.min(t, 1)
  return { x: centre.x + dx * k, y: centre.y + dy * k }
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>) {
  const node = document.createElementNS(svgNs, tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value))
  return node
}

interface Ends {
  start: Point
  end: Point
}

function arrowEnds(from: Box, fromKind: Kind | undefined, to: Box, toKind: Kind | undefined): Ends | undefined {
  const fromCentre = { x: from.x + from.w / 2, y: from.y + from.h / 2 }
  const toCentre = { x: to.x + to.w / 2, y: to.y + to.h / 2 }
  const start = edgePoint(from, fromKind, toCentre)
  const end = edgePoint(to, toKind, fromCentre)
  const length = Math.hypot(end.x - start.x, end.y - start.y)
  if (!(length > 12)) return undefined
  const ux = (end.x - start.x) / length
  const uy = (end.y - start.y) / length
  const gap = 5
  return {
    start: { x: start.x + ux * gap, y: start.y + uy * gap },
    end: { x: end.x - ux * gap, y: end.y - uy * gap },
  }
}

function arrowShape(ends: Ends, colour: string, origin: Point): SVGGElement {
  const { start, end } = ends
  const length = Math.hypot(end.x - start.x, end.y - start.y)
  const ux = (end.x - start.x) / length
  const uy = (end.y - start.y) / length
  const head = 12
  const tip = { x: end.x - origin.x, y: end.y - origin.y }
  const base = { x: tip.x - ux * head, y: tip.y - uy * head }
  const group = svg('g', { stroke: colour, fill: colour })
  group.append(
    svg('line', {
      x1: start.x - origin.x,
      y1: start.y - origin.y,
      x2: base.x + ux * 2,
      y2: base.y + uy * 2,
      'stroke-width': 2.5,
      'stroke-linecap': 'round',
    }),
    svg('polygon', {
      points: [tip, { x: base.x - uy * 6.5, y: base.y + ux * 6.5 }, { x: base.x + uy * 6.5, y: base.y - ux * 6.5 }]
        .map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)
        .join(' '),
      'stroke-width': 1,
      'stroke-linejoin': 'round',
    }),
  )
  return group
}

interface Board {
  world: HTMLElement
  area: Box
  /** The element shown for each id (arrows have none). */
  nodes: Map<string, HTMLElement>
}

function buildWorld(elements: Element[], viewport: Point | undefined): Board {
  const boxes = new Map<string, { box: Box; kind: Kind }>()
  for (const element of elements) boxes.set(element.id, { box: boxOf(element), kind: element.kind })
  const solid = elements.filter((e) => e.kind !== 'arrow').map((e) => boxes.get(e.id)!.box)
  const area = bounds(solid.length > 0 ? solid : elements.map(boxOf), viewport)
  const origin = { x: area.x, y: area.y }
  const world = h('div', { class: 'canvas-world' })
  world.style.width = `${area.w}px`
  world.style.height = `${area.h}px`
  const arrows = svg('svg', {
    class: 'canvas-arrows',
    width: area.w,
    height: area.h,
    viewBox: `0 0 ${area.w} ${area.h}`,
  })
  arrows.setAttribute('aria-hidden', 'true')
  const labels: HTMLElement[] = []
  const nodes = new Map<string, HTMLElement>()
  elements.forEach((element, i) => {
    if (element.kind !== 'arrow') {
      const node = shape(element, i, boxes.get(element.id)!.box, origin)
      nodes.set(element.id, node)
      world.append(node)
      return
    }
    const from = element.from === undefined ? undefined : boxes.get(element.from)
    const to = element.to === undefined ? undefined : boxes.get(element.to)
    const ends = from && to ? arrowEnds(from.box, from.kind, to.box, to.kind) : undefined
    if (!ends) return
    arrows.append(arrowShape(ends, element.color ? pinColor(element.color, i) : 'currentColor', origin))
    if (element.text) {
      const label = h('span', { class: 'canvas-arrow-label' }, element.text)
      label.style.left = `${(ends.start.x + ends.end.x) / 2 - origin.x}px`
      label.style.top = `${(ends.start.y + ends.end.y) / 2 - origin.y}px`
      labels.push(label)
    }
  })
  world.append(arrows, ...labels)
  return { world, area, nodes }
}

function withElementAt(config: Config, id: string, at: Point): Config | undefined {
  const next = structuredClone(config)
  const element = next.elements?.find((e) => e.id === id)
  if (!element) return undefined
  element.x = at.x
  element.y = at.y
  return next
}

const nudge = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as const

/**
 * Lets an editor move an element: drag it with the pointer, or focus it and use the arrow keys (Shift for
 * bigger steps). The element moves at once; the new place is saved on release and undone if not saved.
 */
function movable(node: HTMLElement, element: Element, edit: InlineEdit<Config>, scale: () => number): void {
  const home = { x: element.x, y: element.y }
  const startLeft = Number.parseFloat(node.style.left)
  const startTop = Number.parseFloat(node.style.top)
  let at = { ...home }
  const show = (point: Point) => {
    at = point
    node.style.left = `${startLeft + point.x - home.x}px`
    node.style.top = `${startTop + point.y - home.y}px`
  }
  const save = async () => {
    if (at.x === home.x && at.y === home.y) return
    const target = { ...at }
    node.classList.add('is-saving')
    const saved = await edit((config) => withElementAt(config, element.id, target))
    node.classList.remove('is-saving')
    if (!saved) show(home)
  }
  node.classList.add('canvas-movable')
  node.tabIndex = 0
  node.setAttribute('role', 'button')
  node.setAttribute('aria-label', `Move ${element.kind}${element.text ? `: ${element.text}` : ''} (arrow keys)`)
  node.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return
    event.preventDefault()
    node.setPointerCapture(event.pointerId)
    node.classList.add('is-dragging')
    const from = { x: event.clientX, y: event.clientY, at: { ...at } }
    const onMove = (move: PointerEvent) => {
      const k = scale()
      show({
        x: Math.round(from.at.x + (move.clientX - from.x) / k),
        y: Math.round(from.at.y + (move.clientY - from.y) / k),
      })
    }
    const onUp = () => {
      node.removeEventListener('pointermove', onMove)
      node.classList.remove('is-dragging')
      void save()
    }
    node.addEventListener('pointermove', onMove)
    node.addEventListener('pointerup', onUp, { once: true })
    node.addEventListener('pointercancel', onUp, { once: true })
  })
  node.addEventListener('keydown', (event) => {
    const step = nudge[event.key as keyof typeof nudge]
    if (!step) return
    event.preventDefault()
    const size = event.shiftKey ? 50 : 10
    show({ x: at.x + step[0] * size, y: at.y + step[1] * size })
  })
  node.addEventListener('keyup', (event) => {
    if (event.key in nudge) void save()
  })
}

function button(label: string, title: string, action: () => void): HTMLButtonElement {
  const node = h('button', { type: 'button', class: 'canvas-button', title, 'aria-label': title }, label)
  node.addEventListener('click', action)
  return node
}

const render: Renderer<'realtime-canvas'> = (config, { edit }) => {
  const elements = config.elements ?? []
  if (elements.length === 0) return h('div', { class: 'canvas-board canvas-empty' }, h('p', {}, 'This board is empty.'))
  const viewport = config.viewport
  const start = viewport ? { x: viewport.x ?? 0, y: viewport.y ?? 0 } : undefined
  const { world, area, nodes } = buildWorld(elements, start)
  const sizer = h('div', { class: 'canvas-sizer' }, world)
  const stage = h('div', { class: 'canvas-stage', tabindex: 0, 'aria-label': 'Board' }, sizer)
  const zoomLabel = h('span', { class: 'canvas-zoom' }, '')
  let zoom: number | 'fit' = viewport ? (viewport.zoom ?? 1) : 'fit'
  let scale = 1
  let lastWidth = 0
  let scrolled = false

  const layout = (force = false) => {
    const width = stage.clientWidth
    if (width === 0 || (!force && width === lastWidth)) return
    lastWidth = width
    scale = zoom === 'fit' ? Math.min(1, width / area.w) : zoom
    world.style.transform = `scale(${scale})`
    sizer.style.width = `${area.w * scale}px`
    sizer.style.height = `${area.h * scale}px`
    stage.classList.toggle('canvas-fitted', zoom === 'fit')
    zoomLabel.textContent = `${Math.round(scale * 100)}%`
    if (start && !scrolled) {
      stage.scrollLeft = (start.x - area.x) * scale
      stage.scrollTop = (start.y - area.y) * scale
      scrolled = true
    }
  }
  const setZoom = (next: number | 'fit') => {
    zoom = next === 'fit' ? next : Math.min(4, Math.max(0.1, next))
    layout(true)
  }
  layout()
  if (edit) {
    for (const element of elements) {
      const node = nodes.get(element.id)
      if (node) movable(node, element, edit, () => scale)
    }
  }
  // Laid out a frame later: resizing inside the observer's own callback would trip its loop check.
  new ResizeObserver(() => requestAnimationFrame(() => layout())).observe(stage)

  const count = elements.length === 1 ? '1 element' : `${elements.length} elements`
  return h(
    'div',
    { class: 'canvas-board' },
    h(
      'div',
      { class: 'canvas-toolbar' },
      h('span', { class: 'canvas-count' }, count),
      h(
        'span',
        { class: 'canvas-controls' },
        button('−', 'Zoom out', () => setZoom(scale / 1.25)),
        zoomLabel,
        button('+', 'Zoom in', () => setZoom(scale * 1.25)),
        button('Fit', 'Fit the board', () => setZoom('fit')),
      ),
    ),
    stage,
  )
}
export default render
