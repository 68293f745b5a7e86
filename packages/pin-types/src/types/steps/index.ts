import { z } from 'zod'
import { definePinType } from '../../define.js'
import { label, list, text } from '../../fields.js'

const step = z.strictObject({
  title: label(500),
  description: text().optional(),
  status: z.enum(['todo', 'current', 'done']).optional(),
})

export const steps = definePinType({
  id: 'steps',
  category: 'content',
  source: 'docs',
  purpose: 'An ordered how-to: numbered steps, each optionally marked done or current.',
  schema: z.strictObject({ steps: list(step) }),
  examples: [
    {
      steps: [
        {
          title: 'Create an API key',
          description: 'In **Settings → API keys**, click *New key* and give it the `pins:write` scope.',
          status: 'done',
        },
        {
          title: 'Store it as a CI secret',
          description: 'Add it to your repository secrets as `PINDOWN_API_KEY`.',
          status: 'done',
        },
        {
          title: 'Publish from the pipeline',
          description: 'Add a step that runs `npx pindown pins create --type markdown --file report.md`.',
          status: 'current',
        },
        { title: 'Share the page with the team', status: 'todo' },
      ],
    },
  ],
  notes:
    'Steps are numbered in the order given. `description` is Markdown. Without `status` a step is shown as a plain ' +
    'numbered item; `current` highlights it and `done` ticks it off.',
})
