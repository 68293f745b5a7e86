import { z } from 'zod'
import { definePinType } from '../../define.js'
import { label, list, text } from '../../fields.js'

const indicator = z.strictObject({
  name: label(200),
  value: z.union([z.string().max(200), z.number()]),
  signal: z.enum(['bullish', 'bearish', 'neutral']).optional(),
  note: text(1_000).optional(),
})

export const indicatorTable = definePinType({
  id: 'indicator-table',
  category: 'data',
  source: 'docs-legacy',
  purpose: 'A table of indicators, each with its value and a bullish, bearish or neutral signal.',
  schema: z.strictObject({ indicators: list(indicator) }),
  examples: [
    {
      indicators: [
        { name: 'RSI (14, daily)', value: 38.2, signal: 'neutral', note: 'Recovering from oversold at 27 last week' },
        { name: '50/200-day moving average', value: 'Golden cross', signal: 'bullish' },
        { name: 'MACD (12, 26, 9)', value: -142.5, signal: 'bearish', note: 'Histogram still below zero' },
        { name: 'Funding rate (8h)', value: '0.004%', signal: 'neutral' },
        { name: 'Exchange net flow (7d)', value: '-18,400 BTC', signal: 'bullish', note: 'Coins leaving exchanges' },
        { name: 'Fear & Greed Index', value: 31, signal: 'bearish', note: 'Fear' },
      ],
    },
  ],
  notes:
    'Legacy id kept for older clients. Indicators are shown as rows in the order given. `value` is shown as given ' +
    '(a number or a preformatted string such as `-18,400 BTC`). `signal` colours the row’s badge: `bullish` green, ' +
    '`bearish` red, `neutral` grey; without it the row has no badge. `note` is a short plain-text comment.',
})
