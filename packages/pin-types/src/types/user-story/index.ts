import { z } from 'zod'
import { definePinType } from '../../define.js'
import { label, list, text } from '../../fields.js'

export const userStory = definePinType({
  id: 'user-story',
  category: 'content',
  source: 'docs',
  purpose: 'An agile user story: who wants what and why, with its acceptance criteria.',
  schema: z.strictObject({
    asA: label(500),
    iWant: label(2_000),
    soThat: text(2_000).optional(),
    acceptanceCriteria: list(label(2_000), 100).optional(),
    priority: z.enum(['low', 'medium', 'high', 'critical']).optional(),
    points: z.number().min(0).optional(),
    status: z.enum(['todo', 'in-progress', 'done']).optional(),
  }),
  examples: [
    {
      asA: 'workspace admin',
      iWant: 'to export the audit log as CSV for a chosen date range',
      soThat: 'I can hand it to our SOC 2 auditor without opening a support ticket',
      acceptanceCriteria: [
        'The export offers a start and end date, defaulting to the last 30 days',
        'The CSV has one row per event with timestamp, actor, action and target',
        'Exports over 50,000 rows are emailed as a download link instead of streamed',
        'Only admins see the export button',
      ],
      priority: 'high',
      points: 5,
      status: 'in-progress',
    },
  ],
  notes:
    'Shown as "As a `asA`, I want `iWant`, so that `soThat`". `acceptanceCriteria` is a list of up to 100 ' +
    'non-empty strings. `points` is any non-negative number (fractions like `0.5` are allowed). ' +
    'Without `priority` or `status` the story shows no badge for them.',
})
