import { definePinType } from '../../define.js'
import { tableSchema } from '../table/index.js'

export const flexibleTable = definePinType({
  id: 'flexible-table',
  category: 'data',
  source: 'docs-legacy',
  purpose: 'Rows of typed values under named columns (legacy id of table).',
  schema: tableSchema,
  examples: [
    {
      columns: [
        { id: 'service', label: 'Service', type: 'text' },
        { id: 'availability', label: '30-day availability', type: 'percent' },
        { id: 'p95', label: 'p95 latency (ms)', type: 'number' },
        { id: 'sloMet', label: 'SLO met', type: 'boolean' },
        { id: 'dashboard', label: 'Dashboard', type: 'link' },
      ],
      rows: [
        {
          service: 'checkout-api',
          availability: 0.9994,
          p95: 180,
          sloMet: true,
          dashboard: 'https://grafana.example.com/d/checkout',
        },
        {
          service: 'search-api',
          availability: 0.9971,
          p95: 410,
          sloMet: false,
          dashboard: 'https://grafana.example.com/d/search',
        },
        { service: 'auth-api', availability: 0.9999, p95: 64, sloMet: true, dashboard: null },
      ],
      caption: 'Service SLOs, October 2026',
    },
  ],
  notes:
    'Legacy id kept for older clients: the config is exactly that of `table`, and new pins should use `table`. ' +
    'Each row is an object keyed by column `id`; a key that is no column id is an error, a missing key is an empty ' +
    'cell. Column ids must be unique. Columns take `name` or the older `label`. Cells are strings, numbers, ' +
    'booleans or null; `type` tells the viewer how to format and sort them.',
})
