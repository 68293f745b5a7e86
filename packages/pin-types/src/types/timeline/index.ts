import { z } from 'zod'
import { definePinType } from '../../define.js'
import { date, label, list, text } from '../../fields.js'

const event = z.strictObject({
  date: date(),
  title: label(500),
  description: text().optional(),
  status: z.enum(['done', 'current', 'planned']).optional(),
})

export const timeline = definePinType({
  id: 'timeline',
  category: 'planning',
  source: 'docs',
  purpose: 'Dated events shown in order along a line.',
  schema: z.strictObject({ events: list(event) }),
  examples: [
    {
      events: [
        {
          date: '2026-10-14T09:12:00Z',
          title: 'v2.18.0 deployed to production',
          description: 'Rolling deploy across three regions; canary at 5% for 20 minutes.',
          status: 'done',
        },
        {
          date: '2026-10-14T09:41:00Z',
          title: 'Checkout error rate alert fired',
          description: 'Card payments failing with `402` for roughly 8% of EU customers.',
          status: 'done',
        },
        { date: '2026-10-14T09:55:00Z', title: 'Rolled back to v2.17.3', status: 'done' },
        {
          date: '2026-10-15',
          title: 'Root-cause fix in review',
          description: 'Missing 3-D Secure redirect for cards issued after the Stripe API upgrade.',
          status: 'current',
        },
        { date: '2026-10-17', title: 'Re-release as v2.18.1', status: 'planned' },
      ],
    },
  ],
  notes:
    'Events are shown in the order given (sort them yourself, oldest or newest first). `date` is a calendar date ' +
    '(`2026-10-15`) or an ISO 8601 date-time; the viewer shows the time only when one is given. Without `status` ' +
    'an event is drawn as a plain point; `current` highlights it. `description` is Markdown.',
})
