import { z } from 'zod'
import { definePinType } from '../../define.js'
import { freeForm } from '../../fields.js'

export const jsonViewer = definePinType({
  id: 'json-viewer',
  category: 'data',
  source: 'docs',
  purpose: 'Any JSON value shown as a collapsible tree.',
  schema: z.strictObject({
    data: freeForm(),
    expandDepth: z.number().int().min(0).max(100).optional(),
  }),
  examples: [
    {
      data: {
        id: 'evt_01J9ZK4M2Q',
        type: 'invoice.payment_failed',
        created: '2026-10-14T09:12:44Z',
        attempt: 3,
        customer: { id: 'cus_7731', email: 'billing@northwind.example', plan: 'team' },
        lines: [
          { description: 'Team plan, 12 seats', amount: 14_400, currency: 'usd' },
          { description: 'Extra storage, 50 GB', amount: 1_000, currency: 'usd' },
        ],
        lastError: { code: 'card_declined', declineCode: 'insufficient_funds' },
        nextRetryAt: null,
      },
      expandDepth: 2,
    },
  ],
  notes:
    '`data` is required and free-form: any JSON value (object, array, string, number, boolean or `null`). ' +
    '`expandDepth` is how many levels are open at first; it defaults to 1, and 0 shows the tree collapsed.',
})
