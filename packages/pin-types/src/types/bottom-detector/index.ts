import { z } from 'zod'
import { definePinType } from '../../define.js'
import { date, label, list } from '../../fields.js'

const indicator = z.strictObject({
  name: label(200),
  value: z.union([z.string().max(200), z.number()]),
})

export const bottomDetector = definePinType({
  id: 'bottom-detector',
  category: 'data',
  source: 'docs-legacy',
  purpose: 'Whether a market looks to have bottomed, with a confidence and the indicators behind the call.',
  schema: z.strictObject({
    signal: z.enum(['bottom', 'no-bottom', 'watch']),
    confidence: z.number().min(0).max(1).optional(),
    indicators: list(indicator).optional(),
    asOf: date().optional(),
  }),
  examples: [
    {
      signal: 'watch',
      confidence: 0.62,
      asOf: '2026-10-24T16:00:00Z',
      indicators: [
        { name: 'RSI (14, weekly)', value: 29.8 },
        { name: 'Price vs 200-week MA', value: '-4.1%' },
        { name: 'MVRV Z-score', value: 0.3 },
        { name: 'Capitulation volume', value: 'Not yet' },
        { name: 'Miner outflows (30d)', value: '+37%' },
      ],
    },
    { signal: 'no-bottom', confidence: 0.8, asOf: '2026-10-24' },
  ],
  notes:
    'Legacy id kept for older clients. `signal` is the call: `bottom` (a bottom is likely in), `watch` (conditions ' +
    'are forming) or `no-bottom`. `confidence` is a fraction from 0 to 1, shown as a percentage; without it no ' +
    'confidence is shown. `indicators` are shown in the order given, each value as given. `asOf` is a date or ' +
    'ISO 8601 date-time, shown as "as of" under the signal.',
})
