import { z } from 'zod'
import { definePinType } from '../../define.js'
import { label, text } from '../../fields.js'

export const callout = definePinType({
  id: 'callout',
  category: 'content',
  source: 'ours',
  purpose: 'A highlighted note, tip or warning set apart from the surrounding content.',
  schema: z.strictObject({
    text: label(),
    title: text(500).optional(),
    tone: z.enum(['info', 'success', 'warning', 'danger']).optional(),
  }),
  examples: [
    {
      title: 'Migration window',
      text:
        'The `orders` table is read-only on **Saturday 22 November, 02:00 to 04:00 UTC** while we move it to the ' +
        'new cluster. Writes during that window return `503` and should be retried.',
      tone: 'warning',
    },
  ],
  notes: '`tone` defaults to `info` and sets the colour and icon. `text` is Markdown.',
})
