import { z } from 'zod'
import { definePinType } from '../../define.js'
import { label, text } from '../../fields.js'

const card = z.strictObject({
  title: label(200),
  value: z.union([z.string().max(200), z.number()]),
  change: text(50).optional(),
  trend: z.enum(['up', 'down', 'neutral']).optional(),
})

export const statCards = definePinType({
  id: 'stat-cards',
  category: 'data',
  source: 'docs',
  purpose: 'KPI tiles: a value, its change and its trend.',
  schema: z.strictObject({ cards: z.array(card).min(1).max(24) }),
  examples: [
    {
      cards: [
        { title: 'Total Revenue', value: '$125,430', change: '+18.2%', trend: 'up' },
        { title: 'New Customers', value: '1,234', change: '+12%', trend: 'up' },
        { title: 'Churn', value: '2.1%', change: '-0.4 pt', trend: 'down' },
        { title: 'Open Tickets', value: 37, change: '0', trend: 'neutral' },
      ],
    },
  ],
  notes: 'One to 24 cards. `value` is shown as given: format numbers before sending them if you want units.',
})
