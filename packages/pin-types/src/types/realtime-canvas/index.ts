import { z } from 'zod'
import { definePinType } from '../../define.js'
import { color, fileId, imageUrl, label, list, text } from '../../fields.js'
import { checkUnique } from '../../rules.js'

const element = z.strictObject({
  id: label(100),
  kind: z.enum(['note', 'rect', 'ellipse', 'text', 'arrow', 'image']),
  x: z.number(),
  y: z.number(),
  w: z.number().min(0).optional(),
  h: z.number().min(0).optional(),
  text: text().optional(),
  color: color().optional(),
  /** Arrows only: the ids of the elements they join. */
  from: label(100).optional(),
  to: label(100).optional(),
  /** Images only: the picture (the spec names no field for it). */
  url: imageUrl().optional(),
  fileId: fileId().optional(),
})

type Element = z.infer<typeof element>

export const realtimeCanvas = definePinType({
  id: 'realtime-canvas',
  category: 'conversation',
  source: 'docs',
  purpose: 'A free-form board of notes, shapes and arrows that live viewers see change.',
  schema: z
    .strictObject({
      elements: list(element).optional(),
      viewport: z
        .strictObject({ x: z.number().optional(), y: z.number().optional(), zoom: z.number().positive().optional() })
        .optional(),
    })
    .check((ctx) => {
      const elements = ctx.value.elements ?? []
      const ids = checkUnique(ctx, elements, ['elements'], 'id', 'element')
      const issue = (i: number, key: keyof Element, message: string) =>
        ctx.issues.push({ code: 'custom', input: elements[i]?.[key], path: ['elements', i, key], message })
      elements.forEach((el, i) => {
        for (const end of ['from', 'to'] as const) {
          const target = el[end]
          if (el.kind !== 'arrow') {
            if (target !== undefined) issue(i, end, 'Only arrows take from and to')
          } else if (target === undefined) issue(i, end, 'Required when kind is "arrow"')
          else if (!ids.has(target)) issue(i, end, `No element has id "${target}"`)
        }
        if (el.kind === 'image') {
          if (el.url === undefined && el.fileId === undefined) {
            issue(i, 'url', 'Required when kind is "image" (give url or fileId)')
          }
        } else {
          if (el.url !== undefined) issue(i, 'url', 'Only images take url and fileId')
          if (el.fileId !== undefined) issue(i, 'fileId', 'Only images take url and fileId')
        }
      })
    }),
  examples: [
    {
      elements: [
        { id: 'title', kind: 'text', x: 40, y: 20, text: 'Checkout v2: retro, sprint 42', color: '#1f2328' },
        { id: 'went-well', kind: 'rect', x: 40, y: 80, w: 360, h: 420, text: 'Went well', color: 'green' },
        { id: 'to-improve', kind: 'rect', x: 440, y: 80, w: 360, h: 420, text: 'To improve', color: 'orange' },
        { id: 'n1', kind: 'note', x: 60, y: 130, w: 160, h: 100, text: 'Card tokenisation shipped a week early' },
        { id: 'n2', kind: 'note', x: 60, y: 250, w: 160, h: 100, text: 'Zero-downtime Postgres migration' },
        { id: 'n3', kind: 'note', x: 460, y: 130, w: 160, h: 100, text: 'Rollback of v2.18.0 took 14 minutes' },
        { id: 'n4', kind: 'note', x: 460, y: 250, w: 160, h: 100, text: 'Staging data too small to catch the bug' },
        { id: 'action', kind: 'ellipse', x: 840, y: 180, w: 200, h: 120, text: 'One-click rollback', color: '#1f6feb' },
        { id: 'a1', kind: 'arrow', x: 620, y: 180, from: 'n3', to: 'action' },
        {
          id: 'grafana',
          kind: 'image',
          x: 840,
          y: 340,
          w: 320,
          h: 180,
          url: 'https://files.acme.dev/incidents/2026-10-14/grafana-dashboard.png',
        },
      ],
      viewport: { x: 0, y: 0, zoom: 0.8 },
    },
  ],
  notes:
    'Every field is optional, so `{}` is an empty board. Coordinates are board units, `x` to the right and `y` down, ' +
    '`x`/`y` being the top-left corner; the viewer picks a size for the kind when `w`/`h` are left out. ' +
    'Element ids must be unique. An `arrow` needs `from` and `to`, each the id of an element on the board, and only ' +
    'arrows take them. An `image` needs `url` (`http:`/`https:` or `data:image/png|jpeg|gif|webp`) or `fileId`, ' +
    'and only images take them (our addition: the spec names no image field). Without `viewport` the viewer fits ' +
    'every element on screen; `zoom` defaults to 1.',
})
