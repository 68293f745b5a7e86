import type { TypeCases } from '../../cases.js'

const todo = { id: 'todo', title: 'To do', cards: [{ id: 'PAY-1', title: 'Retry webhooks' }] }

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no columns', config: {}, path: 'columns' },
    {
      kind: 'missing',
      why: 'a column without cards',
      config: { columns: [todo, { id: 'done', title: 'Done' }] },
      path: 'columns[1].cards',
    },
    {
      kind: 'missing',
      why: 'a card without an id',
      config: { columns: [{ id: 'todo', title: 'To do', cards: [{ title: 'Retry webhooks' }] }] },
      path: 'columns[0].cards[0].id',
    },
    {
      kind: 'type',
      why: 'a label is a number',
      config: {
        columns: [{ id: 'todo', title: 'To do', cards: [{ id: 'PAY-1', title: 'Retry webhooks', labels: ['p1', 2] }] }],
      },
      path: 'columns[0].cards[0].labels[1]',
    },
    {
      kind: 'type',
      why: 'labels is a string',
      config: {
        columns: [{ id: 'todo', title: 'To do', cards: [{ id: 'PAY-1', title: 'Retry webhooks', labels: 'p1' }] }],
      },
      path: 'columns[0].cards[0].labels',
    },
    {
      kind: 'unknown-key',
      why: 'typo in assignee',
      config: {
        columns: [{ id: 'todo', title: 'To do', cards: [{ id: 'PAY-1', title: 'Retry webhooks', asignee: 'Priya' }] }],
      },
      path: 'columns[0].cards[0].asignee',
    },
    {
      kind: 'rule',
      why: 'the same column id twice',
      config: { columns: [todo, { id: 'todo', title: 'Also to do', cards: [] }] },
      path: 'columns[1].id',
    },
    {
      kind: 'rule',
      why: 'the same card id in two columns',
      config: {
        columns: [
          todo,
          {
            id: 'done',
            title: 'Done',
            cards: [
              { id: 'PAY-2', title: 'Ledger migration' },
              { id: 'PAY-1', title: 'Retry webhooks (copy)' },
            ],
          },
        ],
      },
      path: 'columns[1].cards[1].id',
    },
    {
      kind: 'rule',
      why: 'the same card id twice in one column',
      config: {
        columns: [
          {
            id: 'todo',
            title: 'To do',
            cards: [
              { id: 'PAY-1', title: 'Retry webhooks' },
              { id: 'PAY-1', title: 'Retry webhooks again' },
            ],
          },
        ],
      },
      path: 'columns[0].cards[1].id',
    },
    {
      kind: 'bounds',
      why: '101 columns',
      config: { columns: Array.from({ length: 101 }, (_, i) => ({ id: `c${i}`, title: `Stage ${i}`, cards: [] })) },
      path: 'columns',
    },
  ],
  valid: [
    {
      why: 'distinct card ids across columns, empty column',
      config: {
        columns: [
          todo,
          { id: 'doing', title: 'Doing', cards: [] },
          { id: 'done', title: 'Done', cards: [{ id: 'PAY-2', title: 'Ledger migration', labels: [] }] },
        ],
      },
    },
    {
      why: 'a card id may equal a column id',
      config: { columns: [{ id: 'todo', title: 'To do', cards: [{ id: 'todo', title: 'Write the to-do list' }] }] },
    },
  ],
}
