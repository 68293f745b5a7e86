import { z } from 'zod'
import { definePinType } from '../../define.js'
import { content } from '../../fields.js'

export const markdown = definePinType({
  id: 'markdown',
  category: 'content',
  source: 'docs',
  purpose: 'Rich text written in Markdown.',
  schema: z.strictObject({
    content: content().optional(),
    collaboration: z.strictObject({ enabled: z.boolean() }).optional(),
  }),
  examples: [
    {
      content: [
        '## Weekly status',
        '',
        'Shipped the **billing migration** on Tuesday; no customer-visible downtime.',
        '',
        '- Invoices now render in 120 ms (was 900 ms)',
        '- Two follow-ups filed: retry webhook failures, archive v1 tables',
        '',
        '```sql',
        'select count(*) from invoices where migrated_at is null;',
        '```',
      ].join('\n'),
    },
  ],
  notes:
    'Every field is optional, so `{}` is a valid config (a pin with only a title). ' +
    '`collaboration.enabled` marks a pin whose content is edited collaboratively.',
})
