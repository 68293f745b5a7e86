import { z } from 'zod'
import { definePinType } from '../../define.js'
import { content, label, list, text } from '../../fields.js'

const tokens = z.number().int().min(0)

const step = z.strictObject({
  name: label(200),
  status: z.enum(['ok', 'error', 'running']).optional(),
  durationMs: z.number().min(0).optional(),
  detail: text().optional(),
})

export const mastra = definePinType({
  id: 'mastra',
  category: 'conversation',
  source: 'docs',
  purpose: 'The output of an AI agent or workflow run (for example from Mastra), with its steps and token usage.',
  schema: z.strictObject({
    agent: z.strictObject({ name: label(200), model: text(200).optional() }),
    input: text().optional(),
    output: content(),
    steps: list(step).optional(),
    usage: z.strictObject({ inputTokens: tokens.optional(), outputTokens: tokens.optional() }).optional(),
  }),
  examples: [
    {
      agent: { name: 'release-notes-agent', model: 'gpt-4.1' },
      input: 'Write the customer-facing release notes for v3.4 from the merged pull requests.',
      output: [
        '## v3.4 release notes',
        '',
        '- **Dark mode** for dashboards and the pin editor',
        '- Invoice history on the billing page, with PDF downloads',
        '- Fixed: CSV exports dropped rows with commas in quoted fields',
      ].join('\n'),
      steps: [
        { name: 'github.listMergedPRs', status: 'ok', durationMs: 842, detail: '37 pull requests since v3.3.0' },
        { name: 'classifyChanges', status: 'ok', durationMs: 3_115, detail: '12 user-facing, 25 internal' },
        { name: 'draftNotes', status: 'ok', durationMs: 6_480 },
      ],
      usage: { inputTokens: 18_240, outputTokens: 612 },
    },
  ],
  notes:
    '`output` is Markdown (at most 512 KB). `steps` are shown in order; a step without `status` is shown as `ok`. ' +
    '`durationMs` is in milliseconds; `usage` counts tokens and is shown as given.',
})
