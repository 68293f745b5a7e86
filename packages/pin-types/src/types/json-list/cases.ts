import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no items', config: { titleKey: 'name' }, path: 'items' },
    {
      kind: 'type',
      why: 'the second item is a string',
      config: { items: [{ name: 'api' }, 'web'] },
      path: 'items[1]',
    },
    { kind: 'type', why: 'an item is an array', config: { items: [['api', 'web']] }, path: 'items[0]' },
    { kind: 'type', why: 'titleKey is a number', config: { items: [], titleKey: 1 }, path: 'titleKey' },
    { kind: 'unknown-key', why: 'typo in titleKey', config: { items: [], tittleKey: 'name' }, path: 'tittleKey' },
    { kind: 'rule', why: 'empty titleKey', config: { items: [], titleKey: '' }, path: 'titleKey' },
    {
      kind: 'bounds',
      why: '1,001 items',
      config: { items: Array.from({ length: 1_001 }, (_, i) => ({ n: i })) },
      path: 'items',
    },
  ],
  valid: [
    { why: 'no items yet', config: { items: [] } },
    {
      why: 'items of different shapes',
      config: {
        items: [
          { name: 'api', tags: ['go'] },
          { id: 7, ok: true },
        ],
      },
    },
  ],
}
