import { z } from 'zod'
import { definePinType } from '../../define.js'
import { freeForm, label, list } from '../../fields.js'

// Items are arbitrary JSON objects, as an API or an agent returns them.
const item = z.record(z.string().max(200), freeForm())

export const jsonList = definePinType({
  id: 'json-list',
  category: 'data',
  source: 'docs',
  purpose: 'A list of JSON objects, each shown as a title, a description and its other fields.',
  schema: z.strictObject({
    items: list(item),
    titleKey: label(200).optional(),
    descriptionKey: label(200).optional(),
  }),
  examples: [
    {
      items: [
        { id: 'PD-412', title: 'Webhook retries stop after one attempt', severity: 'high', assignee: 'maya' },
        { id: 'PD-418', title: 'CSV export drops the header row', severity: 'medium', assignee: 'tomas' },
        { id: 'PD-421', title: 'Dark mode contrast on stat cards', severity: 'low', assignee: null },
      ],
      titleKey: 'title',
      descriptionKey: 'severity',
    },
  ],
  notes:
    'Each item is a JSON object of any shape. `titleKey` and `descriptionKey` name the keys shown as the ' +
    'item title and description; without `titleKey` the viewer uses `title` or `name` when the item has one. ' +
    'The other keys are shown as fields. An item that lacks the named key is shown without a title.',
})
