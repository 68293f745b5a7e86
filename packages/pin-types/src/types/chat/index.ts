import { z } from 'zod'
import { definePinType } from '../../define.js'
import { content, date, list, text } from '../../fields.js'

const message = z.strictObject({
  role: z.enum(['user', 'assistant', 'system', 'tool']),
  content: content(),
  name: text(200).optional(),
  timestamp: date().optional(),
})

export const chat = definePinType({
  id: 'chat',
  category: 'conversation',
  source: 'docs',
  purpose: 'A conversation transcript between people, an assistant and its tools.',
  schema: z.strictObject({ messages: list(message) }),
  examples: [
    {
      messages: [
        {
          role: 'user',
          name: 'Priya (on-call)',
          content: 'Checkout error rate jumped to 4% at 14:02. Anything deployed in the last hour?',
          timestamp: '2026-10-14T14:05:12Z',
        },
        {
          role: 'assistant',
          name: 'deploy-bot',
          content: 'One deploy: **payments-api v2.18.0** at 13:51 UTC, changing the card tokenisation client.',
          timestamp: '2026-10-14T14:05:15Z',
        },
        {
          role: 'tool',
          name: 'grafana.query',
          content: '```\npayments-api 5xx rate: 0.2% (13:45) -> 4.1% (14:02)\n```',
          timestamp: '2026-10-14T14:05:16Z',
        },
        {
          role: 'assistant',
          name: 'deploy-bot',
          content: 'The error spike starts 11 minutes after that deploy. Suggest rolling back to `v2.17.4`.',
          timestamp: '2026-10-14T14:05:18Z',
        },
        {
          role: 'user',
          name: 'Priya (on-call)',
          content: 'Rolled back. Error rate is back to 0.2%. Opening a postmortem.',
          timestamp: '2026-10-14T14:19:40Z',
        },
      ],
    },
  ],
  notes:
    'Messages are shown in the order given. `content` is Markdown (at most 512 KB per message). ' +
    '`name` labels the speaker or the tool; without it the viewer shows the role. ' +
    '`timestamp` is a date or ISO 8601 date-time.',
})
