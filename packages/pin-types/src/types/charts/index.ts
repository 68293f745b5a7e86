import { z } from 'zod'
import { bounds } from '../../bounds.js'
import { definePinType } from '../../define.js'
import { color, label, list, text } from '../../fields.js'

export const chartTypes = ['line', 'bar', 'area', 'pie', 'donut', 'scatter'] as const

const series = z.strictObject({
  key: label(200),
  label: text(200).optional(),
  color: color().optional(),
})

// A data point: its keys are free (the x key, the series keys, anything else for tooltips), its values scalars.
const point = z.record(z.string().max(200), z.union([z.string().max(bounds.text), z.number(), z.boolean(), z.null()]))

export const charts = definePinType({
  id: 'charts',
  category: 'data',
  source: 'docs',
  purpose: 'A line, bar, area, pie, donut or scatter chart drawn from rows of data.',
  schema: z
    .strictObject({
      chartType: z.enum(chartTypes),
      data: list(point, bounds.rows),
      xKey: label(200),
      series: list(series, 50).min(1),
      stacked: z.boolean().optional(),
      showLegend: z.boolean().optional(),
      yFormat: z.enum(['number', 'currency', 'percent']).optional(),
    })
    .check((ctx) => {
      const { chartType, data, xKey, series } = ctx.value
      const push = (path: PropertyKey[], input: unknown, message: string) =>
        ctx.issues.push({ code: 'custom', input, path, message })
      const keys = new Set(data.flatMap((row) => Object.keys(row)))

      if (data.length > 0 && !keys.has(xKey)) push(['xKey'], xKey, `No data row has key "${xKey}"`)
      if ((chartType === 'pie' || chartType === 'donut') && series.length > 1) {
        push(['series'], series, `A ${chartType} chart takes exactly one series (got ${series.length})`)
      }

      const seen = new Set<string>()
      series.forEach(({ key }, i) => {
        if (key === xKey) push(['series', i, 'key'], key, `Must differ from xKey "${xKey}"`)
        else if (seen.has(key)) push(['series', i, 'key'], key, `Duplicate series key "${key}"`)
        else if (data.length > 0 && !keys.has(key)) push(['series', i, 'key'], key, `No data row has key "${key}"`)
        seen.add(key)
      })

      data.forEach((row, i) => {
        for (const key of seen) {
          const value = row[key]
          if (key !== xKey && value !== undefined && value !== null && typeof value !== 'number') {
            push(['data', i, key], value, `Must be a number (series "${key}")`)
          }
        }
        const x = row[xKey]
        if (chartType === 'scatter' && x !== undefined && x !== null && typeof x !== 'number') {
          push(['data', i, xKey], x, `Must be a number (xKey of a scatter chart)`)
        }
      })
    }),
  examples: [
    {
      chartType: 'bar',
      xKey: 'month',
      series: [
        { key: 'newBusiness', label: 'New business', color: '#1f6feb' },
        { key: 'expansion', label: 'Expansion', color: '#2da44e' },
      ],
      stacked: true,
      yFormat: 'currency',
      data: [
        { month: 'Jul 2026', newBusiness: 182_400, expansion: 61_200 },
        { month: 'Aug 2026', newBusiness: 167_900, expansion: 74_800 },
        { month: 'Sep 2026', newBusiness: 214_300, expansion: 88_100 },
      ],
    },
    {
      chartType: 'donut',
      xKey: 'channel',
      series: [{ key: 'tickets', label: 'Tickets' }],
      showLegend: true,
      data: [
        { channel: 'Email', tickets: 412 },
        { channel: 'Live chat', tickets: 297 },
        { channel: 'Phone', tickets: 88 },
        { channel: 'Community forum', tickets: 51 },
      ],
    },
  ],
  notes:
    'Each object in `data` is one point along the x axis (one slice for `pie` and `donut`): `xKey` names the key ' +
    'holding its x value or slice label, and each `series[].key` names a key holding a number. Values are strings, ' +
    'numbers, booleans or null; other keys are allowed and shown in tooltips. A null or missing series value is a gap. ' +
    'Rules: `xKey` and every series key must occur in some data row (unless `data` is empty); series keys are unique ' +
    'and differ from `xKey`; series values are numbers; a `scatter` chart needs numeric x values; `pie` and `donut` ' +
    'take exactly one series. Points are drawn in the order given. `stacked` applies to `bar`, `area` and `line` ' +
    'and defaults to `false`; `showLegend` defaults to `true` when there are two or more series or slices; ' +
    '`yFormat` defaults to `number` (`percent` reads 0.25 as 25%). Up to 10,000 points and 50 series; a series ' +
    'without `color` takes the next palette colour.',
})
