import { z } from 'zod'
import { definePinType } from '../../define.js'
import { httpUrl, label, text } from '../../fields.js'

export const quote = definePinType({
  id: 'quote',
  category: 'content',
  source: 'ours',
  purpose: 'A quotation with its author and where it comes from.',
  schema: z.strictObject({
    text: label(),
    author: text(200).optional(),
    source: text(500).optional(),
    sourceUrl: httpUrl().optional(),
  }),
  examples: [
    {
      text: 'We moved our weekly metrics review to a pinned page and cut the meeting from an hour to twenty minutes.',
      author: 'Priya Raman, Head of Operations at Northwind',
      source: 'Customer interview, October 2026',
      sourceUrl: 'https://research.example.com/interviews/northwind-2026-10',
    },
  ],
  notes:
    '`source` names where the quote comes from (a talk, a paper, an interview); with `sourceUrl` it becomes a link. ' +
    '`sourceUrl` must be `http:` or `https:`.',
})
