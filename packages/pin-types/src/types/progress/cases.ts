import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no items', config: {}, path: 'items' },
    {
      kind: 'missing',
      why: 'an item without a value',
      config: { items: [{ label: 'Signups' }] },
      path: 'items[0].value',
    },
    {
      kind: 'type',
      why: 'value is a formatted string',
      config: {
        items: [
          { label: 'Revenue', value: 10 },
          { label: 'Deals', value: '9 of 12' },
        ],
      },
      path: 'items[1].value',
    },
    {
      kind: 'unknown-key',
      why: 'typo in target',
      config: { items: [{ label: 'Deals', value: 9, taget: 12 }] },
      path: 'items[0].taget',
    },
    {
      kind: 'rule',
      why: 'target of zero',
      config: { items: [{ label: 'Deals', value: 9, target: 0 }] },
      path: 'items[0].target',
    },
    {
      kind: 'rule',
      why: 'negative value',
      config: { items: [{ label: 'Deals', value: -1, target: 12 }] },
      path: 'items[0].value',
    },
    { kind: 'rule', why: 'empty label', config: { items: [{ label: '', value: 1 }] }, path: 'items[0].label' },
    {
      kind: 'bounds',
      why: '1,001 items',
      config: { items: Array.from({ length: 1_001 }, (_, i) => ({ label: `Goal ${i}`, value: i })) },
      path: 'items',
    },
  ],
  valid: [
    { why: 'value over target', config: { items: [{ label: 'Pages migrated', value: 142, target: 120 }] } },
    { why: 'target left to its default', config: { items: [{ label: 'Checklist', value: 60, unit: '%' }] } },
  ],
}
