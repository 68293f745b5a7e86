import { z } from 'zod'
import { bounds } from '../../bounds.js'
import { definePinType } from '../../define.js'
import { label, list, text } from '../../fields.js'
import { checkUnique } from '../../rules.js'

export const columnTypes = ['text', 'number', 'currency', 'percent', 'date', 'boolean', 'link'] as const

const column = z
  .strictObject({
    id: label(100),
    name: label(200).optional(),
    /** Older clients send `label`; it means the same as `name`. */
    label: label(200).optional(),
    type: z.enum(columnTypes).optional(),
  })
  .check((ctx) => {
    if (ctx.value.name === undefined && ctx.value.label === undefined) {
      ctx.issues.push({ code: 'custom', input: undefined, path: ['name'], message: 'Required' })
    }
  })

const cell = z.union([z.string().max(bounds.text), z.number(), z.boolean(), z.null()])

/** Columns and rows keyed by column id; shared with the legacy `flexible-table` id. */
export const tableSchema = z
  .strictObject({
    columns: list(column, 200).min(1),
    rows: list(z.record(z.string(), cell), bounds.rows),
    caption: text(1_000).optional(),
  })
  .check((ctx) => {
    const ids = checkUnique(ctx, ctx.value.columns, ['columns'], 'id', 'column')
    ctx.value.rows.forEach((row, i) => {
      for (const key of Object.keys(row)) {
        if (!ids.has(key)) {
          ctx.issues.push({
            code: 'custom',
            input: row[key],
            path: ['rows', i, key],
            message: `No column has id "${key}"`,
          })
        }
      }
    })
  })

export const table = definePinType({
  id: 'table',
  category: 'data',
  source: 'docs',
  purpose: 'Rows of typed values under named columns.',
  schema: tableSchema,
  examples: [
    {
      columns: [
        { id: 'region', name: 'Region', type: 'text' },
        { id: 'revenue', name: 'Revenue', type: 'currency' },
        { id: 'growth', name: 'Growth', type: 'percent' },
        { id: 'onTarget', name: 'On target', type: 'boolean' },
      ],
      rows: [
        { region: 'North America', revenue: 482_300, growth: 0.124, onTarget: true },
        { region: 'Europe', revenue: 311_950, growth: 0.087, onTarget: true },
        { region: 'Asia Pacific', revenue: 198_400, growth: -0.021, onTarget: false },
      ],
      caption: 'Q3 revenue by region',
    },
  ],
  notes:
    'Each row is an object keyed by column `id`; a key that is no column id is an error, a missing key is an empty cell. ' +
    'Column ids must be unique. `label` is accepted in place of `name` for older clients. ' +
    'Cells are strings, numbers, booleans or null; `type` tells the viewer how to format and sort them.',
})
