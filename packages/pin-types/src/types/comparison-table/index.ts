import { z } from 'zod'
import { definePinType } from '../../define.js'
import { label, list, text } from '../../fields.js'

const value = z.union([text(1_000), z.number(), z.boolean()])

const feature = z.strictObject({
  name: label(200),
  // item name → value
  values: z.record(z.string().max(200), value),
})

export const comparisonTable = definePinType({
  id: 'comparison-table',
  category: 'data',
  source: 'product-site',
  purpose: 'Features in rows, compared across products or plans in columns.',
  schema: z
    .strictObject({
      items: list(label(200)).min(1),
      features: list(feature),
    })
    .check((ctx) => {
      const names = new Set<string>()
      ctx.value.items.forEach((item, i) => {
        if (names.has(item)) {
          ctx.issues.push({ code: 'custom', input: item, path: ['items', i], message: `Duplicate item "${item}"` })
        }
        names.add(item)
      })
      ctx.value.features.forEach((feature, i) => {
        for (const [key, v] of Object.entries(feature.values)) {
          if (!names.has(key)) {
            ctx.issues.push({
              code: 'custom',
              input: v,
              path: ['features', i, 'values', key],
              message: `No item is named "${key}"`,
            })
          }
        }
      })
    }),
  examples: [
    {
      items: ['Free', 'Team', 'Enterprise'],
      features: [
        { name: 'Pins per workspace', values: { Free: 50, Team: 5_000, Enterprise: 'Unlimited' } },
        { name: 'Seats', values: { Free: 1, Team: 25, Enterprise: 'Unlimited' } },
        { name: 'Custom domains', values: { Free: false, Team: true, Enterprise: true } },
        { name: 'SSO (SAML)', values: { Free: false, Team: false, Enterprise: true } },
        { name: 'Audit log retention', values: { Free: '7 days', Team: '90 days', Enterprise: '1 year' } },
        { name: 'Support', values: { Free: 'Community', Team: 'Email', Enterprise: '24/7 with SLA' } },
      ],
    },
  ],
  notes:
    '`items` are the things compared, shown as columns; item names must be unique. ' +
    'Each feature is a row whose `values` map an item name to a string, number or boolean ' +
    '(booleans are shown as a tick or a cross). A `values` key that is not one of `items` is an error; ' +
    'an item left out of `values` is an empty cell.',
})
