import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no items', config: {}, path: 'items' },
    {
      kind: 'missing',
      why: 'an item without an answer',
      config: { items: [{ question: 'Is there an API?', answer: 'Yes.' }, { question: 'Is it free?' }] },
      path: 'items[1].answer',
    },
    {
      kind: 'type',
      why: 'an answer is an object',
      config: { items: [{ question: 'Is there an API?', answer: { text: 'Yes' } }] },
      path: 'items[0].answer',
    },
    {
      kind: 'unknown-key',
      why: 'typo in question',
      config: { items: [{ question: 'Is there an API?', answer: 'Yes.', questoin: 'x' }] },
      path: 'items[0].questoin',
    },
    {
      kind: 'rule',
      why: 'empty question',
      config: { items: [{ question: '', answer: 'Yes.' }] },
      path: 'items[0].question',
    },
    {
      kind: 'bounds',
      why: '1,001 items',
      config: { items: Array.from({ length: 1001 }, (_, i) => ({ question: `Q${i}?`, answer: 'Yes.' })) },
      path: 'items',
    },
  ],
  valid: [{ why: 'an empty list', config: { items: [] } }],
}
