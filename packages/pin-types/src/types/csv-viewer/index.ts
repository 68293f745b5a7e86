import { z } from 'zod'
import { definePinType } from '../../define.js'
import { content, fileId, httpUrl } from '../../fields.js'

const sources = ['csv', 'url', 'fileId'] as const

export const csvViewer = definePinType({
  id: 'csv-viewer',
  category: 'data',
  source: 'docs',
  purpose: 'CSV data shown as a sortable table.',
  schema: z
    .strictObject({
      csv: content().optional(),
      url: httpUrl().optional(),
      fileId: fileId().optional(),
      delimiter: z.string().length(1).optional(),
      hasHeader: z.boolean().optional(),
    })
    .check((ctx) => {
      const given = sources.filter((key) => ctx.value[key] !== undefined)
      if (given.length === 0) {
        ctx.issues.push({
          code: 'custom',
          input: undefined,
          path: ['csv'],
          message: 'Required (give csv, url or fileId)',
        })
      }
      // The first source given wins; every further one is the error.
      for (const key of given.slice(1)) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value[key],
          path: [key],
          message: `Give only one of csv, url or fileId (${given[0]} is already given)`,
        })
      }
    }),
  examples: [
    {
      csv: [
        'service,p50_ms,p95_ms,error_rate',
        'checkout-api,42,180,0.002',
        'search-api,35,120,0.001',
        'auth-api,18,64,0.000',
        'billing-worker,210,950,0.013',
      ].join('\n'),
      hasHeader: true,
    },
    {
      url: 'https://data.example.com/exports/2026-q3/signups-by-country.csv',
      delimiter: ';',
    },
  ],
  notes:
    'Give exactly one source: inline `csv` text (at most 512 KB), a `url` (`http:` or `https:`) or a `fileId`. ' +
    '`delimiter` is a single character and defaults to `,`. ' +
    '`hasHeader` defaults to `true`: the first line names the columns.',
})
