import { z } from 'zod'
import { definePinType } from '../../define.js'
import { label, list, text } from '../../fields.js'

const item = z.strictObject({
  label: label(200),
  value: z.number().min(0),
  target: z.number().positive().optional(),
  unit: text(50).optional(),
})

export const progress = definePinType({
  id: 'progress',
  category: 'data',
  source: 'ours',
  purpose: 'Goals shown as progress bars: how far each value is towards its target.',
  schema: z.strictObject({ items: list(item) }),
  examples: [
    {
      items: [
        { label: 'Q3 revenue', value: 1_840_000, target: 2_000_000, unit: 'USD' },
        { label: 'Enterprise deals closed', value: 9, target: 12, unit: 'deals' },
        { label: 'Onboarding checklist', value: 85, unit: '%' },
        { label: 'Docs pages migrated', value: 142, target: 120, unit: 'pages' },
      ],
    },
  ],
  notes:
    '`target` defaults to 100 (so `value` reads as a percentage) and must be greater than 0. ' +
    '`value` is non-negative and may exceed `target`: the bar is then full and the label shows the real ratio ' +
    '(for example 118%). `unit` is shown after the value.',
})
