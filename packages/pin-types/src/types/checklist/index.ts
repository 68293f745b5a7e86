import { z } from 'zod'
import { definePinType } from '../../define.js'
import { label, list, text } from '../../fields.js'
import { checkUnique } from '../../rules.js'

const item = z.strictObject({
  id: label(100).optional(),
  text: label(2_000),
  checked: z.boolean().optional(),
})

export const checklist = definePinType({
  id: 'checklist',
  category: 'planning',
  source: 'docs',
  purpose: 'A list of items that can be ticked off.',
  schema: z
    .strictObject({
      title: text(1_000).optional(),
      items: list(item),
    })
    .check((ctx) => {
      checkUnique(ctx, ctx.value.items, ['items'], 'id', 'item')
    }),
  examples: [
    {
      title: 'Release checklist: v2.18.1',
      items: [
        { id: 'changelog', text: 'Changelog updated and reviewed', checked: true },
        { id: 'migrations', text: 'Database migrations tested on a staging snapshot', checked: true },
        { id: 'flags', text: 'Feature flag `checkout-3ds` enabled for internal accounts', checked: true },
        { id: 'canary', text: 'Canary at 5% for 30 minutes with error rate under 0.5%', checked: false },
        { id: 'status-page', text: 'Status page maintenance notice posted', checked: false },
        { id: 'support', text: 'Support team briefed on the 3-D Secure change' },
      ],
    },
  ],
  notes:
    '`checked` defaults to `false`. `id` is optional; give it when viewers may tick items, so a tick stays on the ' +
    'right item when the list is reordered. Item ids must be unique. `text` is inline Markdown.',
})
