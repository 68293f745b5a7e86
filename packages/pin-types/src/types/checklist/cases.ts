import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no items', config: { title: 'Launch' }, path: 'items' },
    {
      kind: 'missing',
      why: 'an item without text',
      config: { items: [{ text: 'Write docs' }, { id: 'qa', checked: true }] },
      path: 'items[1].text',
    },
    {
      kind: 'type',
      why: 'checked is a string',
      config: { items: [{ text: 'Write docs', checked: 'yes' }] },
      path: 'items[0].checked',
    },
    {
      kind: 'unknown-key',
      why: 'typo in checked',
      config: { items: [{ text: 'Write docs', cheked: true }] },
      path: 'items[0].cheked',
    },
    {
      kind: 'rule',
      why: 'the same item id twice',
      config: {
        items: [
          { id: 'docs', text: 'Write docs' },
          { id: 'qa', text: 'QA sign-off' },
          { id: 'docs', text: 'Publish docs' },
        ],
      },
      path: 'items[2].id',
    },
    { kind: 'rule', why: 'empty item text', config: { items: [{ text: '' }] }, path: 'items[0].text' },
    {
      kind: 'bounds',
      why: '1,001 items',
      config: { items: Array.from({ length: 1001 }, (_, i) => ({ text: `Task ${i}` })) },
      path: 'items',
    },
  ],
  valid: [
    {
      why: 'unique ids, and items without ids',
      config: {
        items: [
          { id: 'docs', text: 'Write docs' },
          { id: 'qa', text: 'QA sign-off' },
          { text: 'Celebrate' },
          { text: 'Celebrate' },
        ],
      },
    },
    { why: 'an empty list', config: { items: [] } },
  ],
}
