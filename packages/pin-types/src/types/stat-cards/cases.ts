import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no cards', config: {}, path: 'cards' },
    {
      kind: 'missing',
      why: 'a card without a value',
      config: { cards: [{ title: 'A', value: 1 }, { title: 'B' }] },
      path: 'cards[1].value',
    },
    {
      kind: 'type',
      why: 'value is an object',
      config: { cards: [{ title: 'A', value: { n: 1 } }] },
      path: 'cards[0].value',
    },
    {
      kind: 'unknown-key',
      why: 'typo in title',
      config: { cards: [{ tittle: 'A', title: 'A', value: 1 }] },
      path: 'cards[0].tittle',
    },
    {
      kind: 'rule',
      why: 'unknown trend',
      config: { cards: [{ title: 'A', value: 1, trend: 'sideways' }] },
      path: 'cards[0].trend',
    },
    { kind: 'bounds', why: 'no card at all', config: { cards: [] }, path: 'cards' },
    {
      kind: 'bounds',
      why: '25 cards',
      config: { cards: Array.from({ length: 25 }, (_, i) => ({ title: `C${i}`, value: i })) },
      path: 'cards',
    },
  ],
  valid: [{ why: 'numeric value, no change', config: { cards: [{ title: 'Users', value: 42 }] } }],
}
