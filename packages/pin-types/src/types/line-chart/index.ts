import { z } from 'zod'
import { bounds } from '../../bounds.js'
import { definePinType } from '../../define.js'
import { color, date, list, text } from '../../fields.js'

const isoDate = date()

// `x` is checked as a date here rather than with `z.union([date(), z.number()])`, whose error for a string that is
// no date would read "Expected number, received string".
const point = z
  .strictObject({
    x: z.union([z.number(), z.string().max(100)]),
    y: z.number(),
  })
  .check((ctx) => {
    const { x } = ctx.value
    if (typeof x !== 'string') return
    const result = isoDate.safeParse(x)
    if (!result.success) {
      ctx.issues.push({
        code: 'custom',
        input: x,
        path: ['x'],
        message: result.error.issues[0]?.message ?? 'Not a date',
      })
    }
  })

export const lineChart = definePinType({
  id: 'line-chart',
  category: 'data',
  source: 'docs-legacy',
  purpose: 'One series of points drawn as a line (legacy; new pins use charts).',
  schema: z
    .strictObject({
      points: list(point, bounds.rows),
      label: text(200).optional(),
      color: color().optional(),
    })
    .check((ctx) => {
      const { points } = ctx.value
      const kind = typeof points[0]?.x
      points.forEach((p, i) => {
        if (typeof p.x !== kind) {
          const expected = kind === 'number' ? 'a number' : 'a date'
          ctx.issues.push({
            code: 'custom',
            input: p.x,
            path: ['points', i, 'x'],
            message: `Must be ${expected} like points[0].x`,
          })
        }
      })
    }),
  examples: [
    {
      label: 'Checkout API p95 latency (ms)',
      color: '#1f6feb',
      points: [
        { x: '2026-10-06', y: 182 },
        { x: '2026-10-07', y: 176 },
        { x: '2026-10-08', y: 191 },
        { x: '2026-10-09', y: 240 },
        { x: '2026-10-10', y: 312 },
        { x: '2026-10-11', y: 205 },
        { x: '2026-10-12', y: 171 },
        { x: '2026-10-13', y: 168 },
      ],
    },
    {
      label: 'Load test: error rate (%) by concurrent users',
      points: [
        { x: 100, y: 0.1 },
        { x: 250, y: 0.1 },
        { x: 500, y: 0.3 },
        { x: 1000, y: 1.2 },
        { x: 2000, y: 6.8 },
      ],
    },
  ],
  notes:
    'Legacy id kept for older clients; new pins should use `charts` with `chartType: "line"`, which also draws ' +
    'several series. `x` is a date (`2026-10-06`) or ISO 8601 date-time, giving a time axis, or a number, giving a ' +
    'linear axis; all points must use the same kind as the first. Points are joined in the order given, so send ' +
    'them sorted by `x`. Up to 10,000 points. `label` names the series; `color` defaults to the first palette colour.',
})
