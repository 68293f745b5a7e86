import { z } from 'zod'
import { definePinType } from '../../define.js'
import { text } from '../../fields.js'

export const longShortPie = definePinType({
  id: 'long-short-pie',
  category: 'data',
  source: 'docs-legacy',
  purpose: 'A pie comparing the long side of a position or market with the short side.',
  schema: z.strictObject({
    long: z.number().min(0),
    short: z.number().min(0),
    label: text(200).optional(),
  }),
  examples: [
    { long: 61.4, short: 38.6, label: 'BTC-PERP accounts long vs short, Binance, 24 Oct 2026' },
    { long: 4_250_000, short: 1_180_000, label: 'Fund gross exposure (USD)' },
  ],
  notes:
    'Legacy id kept for older clients. `long` and `short` are non-negative amounts in one unit (percentages, ' +
    'account counts or notional); the viewer shows each as its share of `long + short`, with the amounts in the ' +
    'tooltip. When both are 0 the pie is drawn empty. `label` is shown under the pie.',
})
