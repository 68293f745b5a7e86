import { z } from 'zod'
import { definePinType } from '../../define.js'
import { date, label, list } from '../../fields.js'

const change = z.strictObject({
  type: z.enum(['added', 'changed', 'fixed', 'removed', 'security']),
  text: label(5_000),
})

const entry = z.strictObject({
  version: label(100),
  date: date(),
  changes: list(change).optional(),
})

export const changelog = definePinType({
  id: 'changelog',
  category: 'planning',
  source: 'ours',
  purpose: 'Release notes: what each version added, changed, fixed or removed.',
  schema: z.strictObject({ entries: list(entry) }),
  examples: [
    {
      entries: [
        {
          version: '2.18.1',
          date: '2026-10-17',
          changes: [
            { type: 'fixed', text: 'Card payments that need 3-D Secure redirect again instead of failing with `402`.' },
            { type: 'security', text: 'Webhook signatures are compared in constant time.' },
          ],
        },
        {
          version: '2.18.0',
          date: '2026-10-14',
          changes: [
            { type: 'added', text: 'Multi-region payouts for EUR and GBP accounts.' },
            { type: 'changed', text: 'Invoice PDFs render in about 120 ms (was 900 ms).' },
            { type: 'removed', text: 'The deprecated `/v1/invoices/export` endpoint.' },
          ],
        },
        { version: '2.17.3', date: '2026-09-30', changes: [{ type: 'fixed', text: 'Timezone of scheduled reports.' }] },
      ],
    },
  ],
  notes:
    'Entries are shown in the order given, normally newest first. `version` is free text (`2.18.1`, `2026.10`, ' +
    '`Beta 3`). Within an entry the viewer groups changes by `type` in the order added, changed, fixed, removed, ' +
    'security. `text` is inline Markdown. An entry without `changes` shows only its version and date.',
})
