import { z } from 'zod'
import { definePinType } from '../../define.js'
import { httpUrl, imageUrl, label, text } from '../../fields.js'

export const intro = definePinType({
  id: 'intro',
  category: 'content',
  source: 'docs',
  purpose: 'A hero block at the top of a page: a title, a short pitch and an optional call to action.',
  schema: z.strictObject({
    title: label(500),
    subtitle: text(1_000).optional(),
    description: text().optional(),
    imageUrl: imageUrl().optional(),
    cta: z.strictObject({ label: label(100), url: httpUrl() }).optional(),
  }),
  examples: [
    {
      title: 'Q3 Engineering Review',
      subtitle: 'Platform team, July to September 2026',
      description:
        'What we shipped, what broke, and what we are changing for Q4. Numbers are from the production dashboards ' +
        'as of 30 September.',
      imageUrl: 'https://images.example.com/reviews/q3-2026-cover.png',
      cta: { label: 'Open the Q4 plan', url: 'https://wiki.example.com/platform/q4-plan' },
    },
  ],
  notes:
    '`title` is the page heading; `subtitle` sits under it and `description` is a paragraph of plain text. ' +
    '`imageUrl` is an `http(s):` URL or an inline `data:image/png|jpeg|gif|webp` URL. ' +
    'When `cta` is given, both `label` and `url` are required and the button opens `url`.',
})
