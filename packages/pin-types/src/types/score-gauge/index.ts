import { z } from 'zod'
import { definePinType } from '../../define.js'
import { color, list, text } from '../../fields.js'

const threshold = z.strictObject({
  value: z.number(),
  color: color(),
})

export const scoreGauge = definePinType({
  id: 'score-gauge',
  category: 'data',
  source: 'docs-legacy',
  purpose: 'One score shown as the needle of a gauge between a minimum and a maximum.',
  schema: z
    .strictObject({
      score: z.number(),
      min: z.number().optional(),
      max: z.number().optional(),
      label: text(200).optional(),
      thresholds: list(threshold, 20).optional(),
    })
    .check((ctx) => {
      const { score, thresholds = [] } = ctx.value
      const min = ctx.value.min ?? 0
      const max = ctx.value.max ?? 100
      const push = (path: PropertyKey[], input: unknown, message: string) =>
        ctx.issues.push({ code: 'custom', input, path, message })

      if (min >= max) {
        if (ctx.value.max === undefined) push(['min'], min, `Must be less than max (${max} by default)`)
        else push(['max'], max, `Must be greater than min (${min})`)
        return
      }
      if (score < min || score > max) push(['score'], score, `Must be between min (${min}) and max (${max})`)
      thresholds.forEach((t, i) => {
        const previous = thresholds[i - 1]
        if (t.value < min || t.value > max) {
          push(['thresholds', i, 'value'], t.value, `Must be between min (${min}) and max (${max})`)
        } else if (previous && t.value <= previous.value) {
          push(['thresholds', i, 'value'], t.value, `Must be greater than the previous threshold (${previous.value})`)
        }
      })
    }),
  examples: [
    {
      score: 87,
      label: 'Lighthouse performance, checkout page',
      thresholds: [
        { value: 0, color: '#cf222e' },
        { value: 50, color: '#d4a72c' },
        { value: 90, color: '#2da44e' },
      ],
    },
    {
      score: 42,
      min: -100,
      max: 100,
      label: 'Net Promoter Score, Q3 2026',
      thresholds: [
        { value: -100, color: 'red' },
        { value: 0, color: 'amber' },
        { value: 30, color: 'green' },
      ],
    },
  ],
  notes:
    'Legacy id kept for older clients. `min` defaults to 0 and `max` to 100; `min` must be less than `max` and ' +
    '`score` must lie within `min`..`max` (both ends included), using those defaults when they are left out. ' +
    'Each threshold colours the arc from its `value` up to the next threshold’s value (the last one up to `max`); ' +
    'below the first threshold the arc is the neutral track colour. Threshold values lie within `min`..`max` and ' +
    'must increase strictly; at most 20 thresholds. Without thresholds the arc uses the accent colour. ' +
    '`label` is shown under the score.',
})
