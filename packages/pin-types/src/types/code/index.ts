import { z } from 'zod'
import { definePinType } from '../../define.js'
import { content, label } from '../../fields.js'

export const code = definePinType({
  id: 'code',
  category: 'content',
  source: 'ours',
  purpose: 'A source code snippet with syntax highlighting.',
  schema: z.strictObject({
    code: content().min(1),
    language: label(50).optional(),
    filename: label(255).optional(),
    showLineNumbers: z.boolean().optional(),
  }),
  examples: [
    {
      code: [
        'def retry_webhook(event_id: str, attempts: int = 3) -> None:',
        '    for attempt in range(attempts):',
        '        response = requests.post(f"{WEBHOOK_URL}/{event_id}", timeout=10)',
        '        if response.ok:',
        '            return',
        '        time.sleep(2**attempt)',
        '    raise RuntimeError(f"Webhook {event_id} failed after {attempts} attempts")',
      ].join('\n'),
      language: 'python',
      filename: 'billing/webhooks.py',
      showLineNumbers: true,
    },
  ],
  notes:
    '`code` is shown as given (up to 512 KB) and must not be empty. `language` is a highlighter name such as ' +
    '`typescript`, `python` or `sql`; without it, or when it is unknown, the code is shown as plain text. ' +
    '`showLineNumbers` defaults to false.',
})
