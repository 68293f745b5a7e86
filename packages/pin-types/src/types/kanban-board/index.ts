import { z } from 'zod'
import { definePinType } from '../../define.js'
import { label, list, text } from '../../fields.js'
import { checkUnique } from '../../rules.js'

const card = z.strictObject({
  id: label(100),
  title: label(500),
  description: text().optional(),
  assignee: text(200).optional(),
  labels: list(label(100), 50).optional(),
})

const column = z.strictObject({
  id: label(100),
  title: label(200),
  cards: list(card),
})

export const kanbanBoard = definePinType({
  id: 'kanban-board',
  category: 'planning',
  source: 'docs',
  purpose: 'Cards moving across the stages of a board.',
  schema: z.strictObject({ columns: list(column, 100) }).check((ctx) => {
    checkUnique(ctx, ctx.value.columns, ['columns'], 'id', 'column')
    // One set for the whole board: a card id may appear in only one column.
    const cardIds = new Set<string>()
    ctx.value.columns.forEach((col, c) => {
      checkUnique(ctx, col.cards, ['columns', c, 'cards'], 'id', 'card', cardIds)
    })
  }),
  examples: [
    {
      columns: [
        {
          id: 'todo',
          title: 'To do',
          cards: [
            {
              id: 'PAY-231',
              title: 'Retry failed payout webhooks',
              description: 'Back off exponentially, give up after 24 hours and alert #payments-oncall.',
              labels: ['payments', 'reliability'],
            },
            { id: 'PAY-236', title: 'Archive v1 invoice tables', labels: ['tech-debt'] },
          ],
        },
        {
          id: 'in-progress',
          title: 'In progress',
          cards: [
            {
              id: 'PAY-219',
              title: '3-D Secure redirect for new cards',
              assignee: 'Priya Raman',
              labels: ['payments', 'incident-follow-up'],
            },
          ],
        },
        {
          id: 'review',
          title: 'In review',
          cards: [{ id: 'PAY-224', title: 'Invoice PDF renders in under 200 ms', assignee: 'Tomás Ortega' }],
        },
        {
          id: 'done',
          title: 'Done',
          cards: [
            { id: 'PAY-210', title: 'Billing migration to the new ledger', assignee: 'Priya Raman' },
            { id: 'PAY-215', title: 'Dashboard for payout latency', assignee: 'Lena Vogel', labels: ['observability'] },
          ],
        },
      ],
    },
  ],
  notes:
    'Columns are shown left to right in the order given, and cards top to bottom. Column ids must be unique, and ' +
    'card ids must be unique across the whole board (a card lives in one column). Up to 100 columns and 1,000 cards ' +
    'per column. `description` is Markdown; `labels` are shown as chips.',
})
