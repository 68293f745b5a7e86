import { z } from 'zod'
import { definePinType } from '../../define.js'
import { date, label, list, text } from '../../fields.js'
import { endsBeforeStart } from '../../rules.js'

const item = z
  .strictObject({
    title: label(500),
    start: date(),
    end: date(),
    lane: text(200).optional(),
    status: z.enum(['planned', 'in-progress', 'done']).optional(),
  })
  .check((ctx) => {
    const { start, end } = ctx.value
    if (endsBeforeStart(start, end)) {
      ctx.issues.push({ code: 'custom', input: end, path: ['end'], message: `Must not be before start (${start})` })
    }
  })

export const roadmap = definePinType({
  id: 'roadmap',
  category: 'planning',
  source: 'docs',
  purpose: 'Pieces of work laid out as bars across time, grouped in lanes.',
  schema: z.strictObject({ items: list(item) }),
  examples: [
    {
      items: [
        { title: 'Ledger migration', start: '2026-07-01', end: '2026-08-29', lane: 'Payments', status: 'done' },
        {
          title: '3-D Secure for all EU cards',
          start: '2026-09-01',
          end: '2026-10-31',
          lane: 'Payments',
          status: 'in-progress',
        },
        {
          title: 'Multi-currency payouts',
          start: '2026-11-01',
          end: '2027-01-31',
          lane: 'Payments',
          status: 'planned',
        },
        { title: 'New onboarding flow', start: '2026-07-15', end: '2026-09-15', lane: 'Growth', status: 'done' },
        {
          title: 'Usage-based pricing experiment',
          start: '2026-10-01',
          end: '2026-12-15',
          lane: 'Growth',
          status: 'in-progress',
        },
        {
          title: 'SOC 2 Type II audit',
          start: '2026-09-15',
          end: '2026-12-31',
          lane: 'Platform',
          status: 'in-progress',
        },
        { title: 'Postgres 17 upgrade', start: '2027-01-05', end: '2027-02-15', lane: 'Platform', status: 'planned' },
      ],
    },
  ],
  notes:
    '`start` and `end` are calendar dates (`2026-09-01`) or ISO 8601 date-times, and `end` must not be before ' +
    '`start` (compared by day when either is a plain date); a plain-date `end` is inclusive. Items with the same ' +
    '`lane` share a row, lanes appear in the order they are first used, and items without a lane go in an ' +
    'unnamed lane at the end. `status` defaults to `planned`. The range shown runs from the earliest start to the ' +
    'latest end.',
})
