import { z } from 'zod'
import { definePinType } from '../../define.js'
import { httpUrl, list, text } from '../../fields.js'

const link = z.strictObject({
  url: httpUrl(),
  title: text(500).optional(),
  description: text(2_000).optional(),
})

export const links = definePinType({
  id: 'links',
  category: 'content',
  source: 'docs',
  purpose: 'A list of links, such as the sources behind a report.',
  schema: z.strictObject({ links: list(link) }),
  examples: [
    {
      links: [
        {
          url: 'https://status.example.com/incidents/2026-10-14',
          title: 'Public incident report',
          description: 'Customer-facing timeline and impact summary.',
        },
        {
          url: 'https://github.com/example/checkout/pull/4821',
          title: 'Fix: add 3-D Secure redirect for new card BINs',
        },
        {
          url: 'https://grafana.example.com/d/checkout-errors?from=1760432400000&to=1760443200000',
          title: 'Checkout error rate dashboard',
          description: 'Error rate by region during the incident window.',
        },
        { url: 'https://stripe.com/docs/payments/3d-secure' },
      ],
    },
  ],
  notes:
    'Each `url` must be `http:` or `https:`. Without a `title` the viewer shows the URL itself. ' +
    'Links are shown in the order given.',
})
